import { Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The compliance rules that want every metric alarm to carry an alarm action. A window alarm of
 * a burn-rate pair must not: it is an input of the pair's composite, which alone may notify.
 */
export const WINDOW_ALARM_ACTION_RULES = [
  'NIST.800.53.R5-CloudWatchAlarmAction',
  'HIPAA.Security-CloudWatchAlarmAction',
  'cdk-validator-cfnguard::cloudwatch_alarm_action_check',
] as const;

/**
 * Acknowledges, on one window alarm, each rule above with a reason a reviewer can check in the
 * template: the named composite's AlarmRule references this alarm's ARN.
 */
export function acknowledgeWindowAlarmActions(windowAlarm: IConstruct, pairComposite: IConstruct, severityAlarm: string): void {
  const reason = `Window alarm of a multiwindow burn-rate pair: it notifies only through composite alarm ${pairComposite.node.path} `
    + `(ALARM(long) AND ALARM(short)), which feeds ${severityAlarm}, the alarm that carries the actions. `
    + 'An action here would fire on one window alone, before the other window confirms the burn.';
  Validations.of(windowAlarm).acknowledge(...WINDOW_ALARM_ACTION_RULES.map((id) => ({ id, reason })));
}

/**
 * The same rules on the SLO's still-burning alarm: an input of the page pairs named, never a
 * notifier (it is in ALARM whenever the budget burns above 1x, far below paging severity).
 */
export function acknowledgeStillBurningActions(alarm: IConstruct, pairComposites: readonly IConstruct[], severityAlarm: string): void {
  const reason = `Still-burning condition (last 5 minutes above 1x burn) of page pair composite alarm(s) ${pairComposites.map((p) => p.node.path).join(', ')}, `
    + `which feed ${severityAlarm}, the alarm that carries the actions. `
    + 'It is in ALARM on any burn above budget, far below paging severity: an action here would page on noise.';
  Validations.of(alarm).acknowledge(...WINDOW_ALARM_ACTION_RULES.map((id) => ({ id, reason })));
}
