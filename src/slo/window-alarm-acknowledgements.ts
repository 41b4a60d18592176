import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The compliance rules that want every metric alarm to carry an alarm action. A window alarm of
 * a burn-rate pair must not: it is an input of the set's page or ticket composite, which alone may notify.
 */
export const WINDOW_ALARM_ACTION_RULES = [
  'NIST.800.53.R5-CloudWatchAlarmAction',
  'HIPAA.Security-CloudWatchAlarmAction',
  'cdk-validator-cfnguard::cloudwatch_alarm_action_check',
] as const;

/**
 * Acknowledges, on one window alarm, each rule above with a reason a reviewer can check in the
 * template: the named composite's AlarmRule references this alarm's ARN, ANDed with the other window's.
 */
export function acknowledgeWindowAlarmActions(windowAlarm: IConstruct, otherWindow: IConstruct, severityAlarm: string): void {
  const reason = `Window alarm of a multiwindow burn-rate pair: it notifies only through composite alarm ${severityAlarm}, `
    + `the alarm that carries the actions, whose rule requires it together with ${otherWindow.node.path} (ALARM(long) AND ALARM(short)). `
    + 'An action here would fire on one window alone, before the other window confirms the burn.';
  Validations.of(windowAlarm).acknowledge(...WINDOW_ALARM_ACTION_RULES.map((id) => ({ id, reason })));
}

/**
 * The same rules on the SLO's still-burning alarm: an input of the page pairs whose long windows are
 * named, never a notifier (it is in ALARM whenever the budget burns above 1x, far below paging severity).
 */
export function acknowledgeStillBurningActions(alarm: IConstruct, pairLongWindows: readonly IConstruct[], severityAlarm: string): void {
  const reason = `Still-burning condition (the error ratio of the last 10 minutes above 1x burn) of the page pair(s) of ${pairLongWindows.map((p) => p.node.path).join(', ')} `
    + `in the rule of composite alarm ${severityAlarm}, the alarm that carries the actions. `
    + 'It is in ALARM on any burn above budget, far below paging severity: an action here would page on noise.';
  Validations.of(alarm).acknowledge(...WINDOW_ALARM_ACTION_RULES.map((id) => ({ id, reason })));
}
