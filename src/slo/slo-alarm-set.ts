import { Annotations, Duration, Stack, Token, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { addInventories, AlarmInventory, monthlyCostUsd } from './alarm-cost';
import { DescribedSlo, severityAlarmDescription, windowAlarmDescription } from './alarm-descriptions';
import { AlertRequest, compactWindow, defaultAlertRequests, PlannedAlert, planAlerts } from './alert-plan';
import { AlertSeverity } from './alert-severity';
import { emitApplicationSignalsSlo } from './application-signals';
import { BurnRateAlert } from './burn-rate-alert';
import { defaultShortWindowSeconds, errorBudget } from './burn-rate-math';
import {
  alarmWindowProblem, isHighResolutionPeriod, MAX_ACTIONS_PER_STATE, MAX_COMPOSITE_CHILDREN,
  MAX_COMPOSITE_RULE_CHARS, MAX_METRICS_PER_MATH_ALARM,
} from './cloudwatch-limits';
import { estimateRuleLength } from './composite-rule-length';
import { ServiceLevelObjective } from './service-level-objective';
import { WindowGuard } from './sli';
import { recordSloMetadata, SloMetadataEntry } from './slo-metadata';
import { sloWidgets } from './slo-widgets';
import { SloWindow } from './slo-window';
import { needsStillBurning, shortWindowEvaluationPeriods, STILL_BURNING_WINDOW_SECONDS } from './still-burning';
import { createStillBurningAlarm } from './still-burning-alarm';
import { acknowledgeStillBurningActions, acknowledgeWindowAlarmActions } from './window-alarm-acknowledgements';
import { ownerLabel, propError, ReliabilityValidationError } from '../common/errors';
import { requireNonEmpty, requireObject, requireUniqueNames } from '../common/validate';

/** Props of a `SloAlarmSet`. */
export interface SloAlarmSetProps {
  /** The service the SLOs belong to; starts every alarm description. */
  readonly serviceName: string;
  /** The SLOs to alert on (at least one, unique names). */
  readonly slos: ServiceLevelObjective[];
  /**
   * The window of every SLO that does not set its own.
   *
   * @default SloWindow.ROLLING_30_DAYS
   */
  readonly window?: SloWindow;
  /**
   * Actions of `pageAlarm` (e.g. `new cloudwatch_actions.SnsAction(topic)`); at most 5.
   *
   * @default - no action: the alarm only changes state
   */
  readonly pageActions?: cloudwatch.IAlarmAction[];
  /**
   * Actions of `ticketAlarm`; at most 5. Required when `pageActions` are given (pass the same actions to
   * page for tickets too).
   *
   * @default - no action (only when `pageActions` are not given either)
   */
  readonly ticketActions?: cloudwatch.IAlarmAction[];
  /**
   * The burn-rate pairs of every SLO, with burn rates used as given. Must hold at least one PAGE
   * and one TICKET pair. A pair that can never fire at some SLO's objective is an error.
   *
   * @default - the Google SRE Workbook set, with burn rates scaled to each SLO's window:
   * page 1 h / 5 min at 14.4× and 6 h / 30 min at 6×, ticket 1 d / 2 h at 3× and 3 d / 6 h at 1×
   * (30 days); a default pair that can never fire at an SLO's objective is left out with a warning
   */
  readonly burnRateAlerts?: BurnRateAlert[];
  /**
   * A runbook link appended to every alarm description.
   *
   * @default - no runbook link
   */
  readonly runbookUrl?: string;
  /**
   * Low-traffic guard: a window with fewer valid events than this cannot fire (its error ratio
   * reads 0). Applies to every window, long and short. 0 turns the guard off.
   *
   * This guard also silences a real outage of a low-traffic service (its windows never hold
   * enough requests); `minimumBadEvents` is the guard that keeps those pages.
   *
   * @default 0
   */
  readonly minimumValidEvents?: number;
  /**
   * Evidence guard: a LONG window with fewer bad events than this cannot fire (its error ratio
   * reads 0). At 10 requests an hour one failed request is a 10 % error ratio over the hour,
   * which the burn-rate thresholds call a page; the Workbook treats it as noise. Short windows
   * are not guarded (the long one already asks for the evidence), so detection of a real
   * outage is not delayed once this many requests have failed. 0 turns the guard off.
   *
   * On a latency SLO the guard adds one metric (the request count) to each long window.
   *
   * @default 3
   */
  readonly minimumBadEvents?: number;
  /**
   * Also emit an `AWS::ApplicationSignals::ServiceLevelObjective` per SLO (billed by Application
   * Signals, not included in `monthlyCostUsd`).
   *
   * @default false
   */
  readonly applicationSignals?: boolean;
}

/** The alarms created for one SLO. */
interface SloAlarms {
  readonly slo: ServiceLevelObjective;
  readonly scope: Construct;
  readonly window: SloWindow;
  readonly all: cloudwatch.IAlarm[];
  readonly pairs: Array<{
    alert: PlannedAlert;
    long: cloudwatch.Alarm;
    short: cloudwatch.Alarm;
    /** The SLO's still-burning alarm, when this page pair is ANDed with it. */
    stillBurning?: cloudwatch.Alarm;
  }>;
  readonly inventory: AlarmInventory;
}

const RUNBOOK_PATTERN = /^https?:\/\/\S+$/;

/**
 * Multiwindow, multi-burn-rate alerting for a set of SLOs on CloudWatch.
 *
 * Per SLO and burn-rate pair: two metric-math alarms (long and short window) on the error ratio,
 * each datapoint's period being the whole window. Per set: `pageAlarm` and `ticketAlarm`, composites
 * whose rule is the OR of `ALARM(long) AND ALARM(short)` over the pairs of their severity; they
 * carry the actions. A page holds through an incident and clears within 10 minutes of its last
 * burning window (see still-burning.ts): the 5-minute short window looks back over 10 minutes, and
 * a page pair with a longer short window (the Workbook's 6 h / 30 min) is also ANDed with the SLO's
 * still-burning alarm. Missing data is not breaching, so a traffic drop to zero never pages; long
 * windows need `minimumBadEvents` bad events before they fire.
 */
export class SloAlarmSet extends Construct {
  /** The OR of every PAGE pair; carries `pageActions`. */
  public readonly pageAlarm: cloudwatch.IAlarm;
  /** The OR of every TICKET pair; carries `ticketActions`. */
  public readonly ticketAlarm: cloudwatch.IAlarm;
  /** Every alarm of the set: per SLO its still-burning alarm (if any) and window alarms; then `pageAlarm` and `ticketAlarm`. */
  public readonly alarms: cloudwatch.IAlarm[];
  /** The SLOs of the set. */
  public readonly slos: ServiceLevelObjective[];
  /** Monthly CloudWatch list price (us-east-1, USD) of every alarm the set creates. */
  public readonly monthlyCostUsd: number;
  /** The service name given in props. */
  public readonly serviceName: string;

  private readonly bySlo = new Map<string, SloAlarms>();
  private readonly minimumValidEvents: number;
  private readonly minimumBadEvents: number;

  constructor(scope: Construct, id: string, props: SloAlarmSetProps) {
    super(scope, id);
    const owner = ownerLabel('SloAlarmSet', this);
    requireObject(owner, 'props', props, 'an object with at least serviceName and slos');
    validateProps(owner, props);
    this.serviceName = props.serviceName;
    this.slos = [...props.slos];
    this.minimumValidEvents = props.minimumValidEvents ?? 0;
    this.minimumBadEvents = props.minimumBadEvents ?? 3;

    const requests = props.burnRateAlerts?.map((a, i) => toRequest(owner, `burnRateAlerts[${i}]`, a));
    if (requests) requireDistinctPairs(owner, requests);
    for (const [index, slo] of this.slos.entries()) {
      const window = slo.window ?? props.window ?? SloWindow.ROLLING_30_DAYS;
      this.bySlo.set(slo.name, this.createSloAlarms(owner, index, slo, window, requests, props.runbookUrl));
    }

    const page = this.createSeverityAlarm(owner, AlertSeverity.PAGE, props.pageActions, props.runbookUrl);
    const ticket = this.createSeverityAlarm(owner, AlertSeverity.TICKET, props.ticketActions, props.runbookUrl);
    this.pageAlarm = page;
    this.ticketAlarm = ticket;
    this.alarms = [...[...this.bySlo.values()].flatMap((s) => s.all), page, ticket];

    const setInventory: AlarmInventory = { standardAlarmMetrics: 0, highResolutionAlarmMetrics: 0, compositeAlarms: 2 };
    this.monthlyCostUsd = monthlyCostUsd(addInventories(setInventory, ...[...this.bySlo.values()].map((s) => s.inventory)));

    recordSloMetadata(this, this.metadataEntry(page, ticket));
    if (props.applicationSignals) {
      for (const s of this.bySlo.values()) {
        emitApplicationSignalsSlo(s.scope, props.serviceName, s.slo, s.window, s.pairs.map((p) => p.alert));
      }
    }
  }

  /** The alarms of one SLO: its still-burning alarm (if any) and window alarms. */
  public alarmsFor(sloName: string): cloudwatch.IAlarm[] {
    return this.sloAlarms(sloName).all;
  }

  /** Monthly CloudWatch list price (USD) of one SLO's alarms (the set's two composites excluded). */
  public monthlyCostUsdFor(sloName: string): number {
    return monthlyCostUsd(this.sloAlarms(sloName).inventory);
  }

  /**
   * Dashboard widgets for every SLO: attainment and remaining error budget over the SLO window,
   * and the burn rate of every long window against its thresholds. Add them to any `Dashboard`.
   */
  public widgets(): cloudwatch.IWidget[] {
    return this.slos.flatMap((slo) => this.widgetsFor(slo.name));
  }

  /** Dashboard widgets of one SLO. */
  public widgetsFor(sloName: string): cloudwatch.IWidget[] {
    const s = this.sloAlarms(sloName);
    return sloWidgets(s.slo, s.window, s.pairs.map((p) => p.alert), this.serviceName);
  }

  private sloAlarms(sloName: string): SloAlarms {
    const found = this.bySlo.get(sloName);
    if (!found) {
      throw propError(ownerLabel('SloAlarmSet', this), 'sloName', `be one of ${[...this.bySlo.keys()].map((n) => `"${n}"`).join(', ')}`, sloName);
    }
    return found;
  }

  private createSloAlarms(owner: string, index: number, slo: ServiceLevelObjective, window: SloWindow,
    customRequests: AlertRequest[] | undefined, runbookUrl: string | undefined): SloAlarms {
    const prop = `slos[${index}]`;
    const shortGuard = { minimumValidEvents: this.minimumValidEvents };
    const longGuard = { ...shortGuard, minimumBadEvents: this.minimumBadEvents };
    const metricCount = Math.max(slo._sli.metricCount(shortGuard), slo._sli.metricCount(longGuard));
    if (metricCount > MAX_METRICS_PER_MATH_ALARM) {
      throw propError(owner, prop, `reference at most ${MAX_METRICS_PER_MATH_ALARM} metrics in its error-ratio expression (a CloudWatch metric-math alarm limit)`, metricCount);
    }
    const plan = planAlerts(slo.objectivePercent, window.days, customRequests ?? defaultAlertRequests(window.days));
    for (const dead of plan.dropped) {
      const what = `${dead.severity} pair ${compactWindow(dead.longWindowSeconds)}/${compactWindow(dead.shortWindowSeconds)} at burn rate ${dead.burnRate}`;
      const why = `the highest burn rate at ${slo.objectivePercent}% is ${dead.maxBurnRate}; it needs an objective above ${dead.minimumObjectivePercent}%`;
      if (customRequests) {
        throw new ReliabilityValidationError(`${owner}: ${prop}.objectivePercent must be above ${dead.minimumObjectivePercent} for the ${what} to ever fire, got ${slo.objectivePercent}`);
      }
      Annotations.of(this).addWarningV2('cdk-reliability:slo-dead-pair', `SLO "${slo.name}": left out the ${what}, which could never fire (${why}).`);
    }

    const scope = new Construct(this, slo.name);
    const described: DescribedSlo = {
      serviceName: this.serviceName,
      sloName: slo.name,
      objectivePercent: slo.objectivePercent,
      windowDays: window.days,
      badEventsLabel: slo._sli.badEventsLabel,
      minimumValidEvents: this.minimumValidEvents,
      minimumBadEvents: this.minimumBadEvents,
    };
    let standard = 0;
    let highRes = 0;
    const countMetricsOf = (seconds: number, guard: WindowGuard) => {
      const count = slo._sli.metricCount(guard);
      if (isHighResolutionPeriod(seconds)) highRes += count; else standard += count;
    };

    // One per SLO, shared by every page pair that needs it (see still-burning.ts).
    const stillBurning = plan.kept.some(needsStillBurning) ? createStillBurningAlarm(scope, slo, described, runbookUrl) : undefined;
    if (stillBurning) countMetricsOf(STILL_BURNING_WINDOW_SECONDS, {});

    const pairs: SloAlarms['pairs'] = [];
    for (const alert of plan.kept) {
      const base = `${alert.severity === 'PAGE' ? 'Page' : 'Ticket'}${compactWindow(alert.longWindowSeconds)}${compactWindow(alert.shortWindowSeconds)}`;
      const windowAlarm = (which: 'long' | 'short', seconds: number) => {
        const guard = which === 'long' ? longGuard : shortGuard;
        countMetricsOf(seconds, guard);
        return new cloudwatch.Alarm(scope, `${base}${which === 'long' ? 'Long' : 'Short'}`, {
          metric: slo._sli.errorRatio(Duration.seconds(seconds), guard),
          threshold: alert.threshold,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          // A page's short window looks back over the whole hold (any 1 of N): see still-burning.ts.
          evaluationPeriods: which === 'short' ? shortWindowEvaluationPeriods(alert) : 1,
          datapointsToAlarm: 1,
          // No traffic means no ratio: missing data must not page.
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          alarmDescription: windowAlarmDescription(described, alert, which, runbookUrl),
        });
      };
      const long = windowAlarm('long', alert.longWindowSeconds);
      const short = windowAlarm('short', alert.shortWindowSeconds);
      const confirm = needsStillBurning(alert) ? stillBurning : undefined;
      const severityAlarmPath = `${this.node.path}/${alert.severity === 'PAGE' ? 'PageAlarm' : 'TicketAlarm'}`;
      acknowledgeWindowAlarmActions(long, short, severityAlarmPath);
      acknowledgeWindowAlarmActions(short, long, severityAlarmPath);
      pairs.push({ alert, long, short, stillBurning: confirm });
    }
    if (stillBurning) {
      acknowledgeStillBurningActions(stillBurning, pairs.filter((p) => p.stillBurning).map((p) => p.long), `${this.node.path}/PageAlarm`);
    }
    return {
      slo,
      window,
      pairs,
      scope,
      all: [...(stillBurning ? [stillBurning] : []), ...pairs.flatMap((p) => [p.long, p.short])],
      // The pairs live in the rules of pageAlarm and ticketAlarm: no composite per pair.
      inventory: { standardAlarmMetrics: standard, highResolutionAlarmMetrics: highRes, compositeAlarms: 0 },
    };
  }

  private createSeverityAlarm(owner: string, severity: AlertSeverity, actions: cloudwatch.IAlarmAction[] | undefined,
    runbookUrl: string | undefined): cloudwatch.CompositeAlarm {
    const children = [...this.bySlo.values()].flatMap((s) => s.pairs.filter((p) => p.alert.severity === severity).map((p) => ({ s, p })));
    const prop = severity === AlertSeverity.PAGE ? 'pageAlarm' : 'ticketAlarm';
    if (children.length === 0) {
      throw new ReliabilityValidationError(`${owner}: slos must leave at least one ${severity} pair that can fire, got none `
        + `(objectives ${this.slos.map((s) => s.objectivePercent).join(', ')}; give higher objectives or burnRateAlerts with lower ${severity} burn rates)`);
    }
    // One group per pair: ALARM(long) AND ALARM(short) [AND ALARM(still burning)].
    const groups = children.map((c) => [c.p.long, c.p.short, ...(c.p.stillBurning ? [c.p.stillBurning] : [])]);
    const distinctChildren = new Set(groups.flat()).size;
    if (distinctChildren > MAX_COMPOSITE_CHILDREN) {
      throw propError(owner, prop, `have at most ${MAX_COMPOSITE_CHILDREN} child alarms (a composite alarm limit); use fewer SLOs or pairs`, distinctChildren);
    }
    const id = severity === AlertSeverity.PAGE ? 'PageAlarm' : 'TicketAlarm';
    const ruleLength = estimateRuleLength(this, groups);
    if (ruleLength > MAX_COMPOSITE_RULE_CHARS) {
      throw propError(owner, prop, `have a rule of at most ${MAX_COMPOSITE_RULE_CHARS} characters (a composite alarm limit); split the SLOs over several sets`, ruleLength);
    }
    const alarm = new cloudwatch.CompositeAlarm(this, id, {
      alarmRule: cloudwatch.AlarmRule.anyOf(...groups.map((g) => cloudwatch.AlarmRule.allOf(
        ...g.map((a) => cloudwatch.AlarmRule.fromAlarm(a, cloudwatch.AlarmState.ALARM))))),
      alarmDescription: severityAlarmDescription(this.serviceName, severity,
        children.map((c) => `${c.s.slo.name} ${compactWindow(c.p.alert.longWindowSeconds)}/${compactWindow(c.p.alert.shortWindowSeconds)} at ${c.p.alert.burnRate}x`),
        runbookUrl),
    });
    if (actions && actions.length > 0) alarm.addAlarmAction(...actions);
    return alarm;
  }

  private metadataEntry(page: cloudwatch.CompositeAlarm, ticket: cloudwatch.CompositeAlarm): SloMetadataEntry {
    const stack = Stack.of(this);
    const logicalId = (alarm: cloudwatch.Alarm | cloudwatch.CompositeAlarm) => stack.getLogicalId(alarm.node.defaultChild as cloudwatch.CfnAlarm);
    return {
      serviceName: this.serviceName,
      constructPath: this.node.path,
      pageAlarmLogicalId: logicalId(page),
      ticketAlarmLogicalId: logicalId(ticket),
      minimumValidEvents: this.minimumValidEvents,
      minimumBadEvents: this.minimumBadEvents,
      monthlyCostUsd: this.monthlyCostUsd,
      slos: [...this.bySlo.values()].map((s) => ({
        slo: s.slo,
        window: s.window,
        errorBudget: errorBudget(s.slo.objectivePercent),
        monthlyCostUsd: monthlyCostUsd(s.inventory),
        alerts: s.pairs.map((p) => ({
          alert: p.alert,
          longAlarmLogicalId: logicalId(p.long),
          shortAlarmLogicalId: logicalId(p.short),
          stillBurningAlarmLogicalId: p.stillBurning ? logicalId(p.stillBurning) : undefined,
        })),
      })),
    };
  }
}

function validateProps(owner: string, props: SloAlarmSetProps): void {
  if (typeof props.serviceName !== 'string' || props.serviceName.trim() === '' || props.serviceName.length > 128) {
    throw propError(owner, 'serviceName', 'be a non-empty string of at most 128 characters', props.serviceName);
  }
  requireNonEmpty(owner, 'slos', props.slos, 'ServiceLevelObjective');
  props.slos.forEach((slo, i) => {
    if (!(slo instanceof ServiceLevelObjective)) {
      throw propError(owner, `slos[${i}]`, 'be built with a ServiceLevelObjective factory', slo);
    }
  });
  requireUniqueNames(owner, 'slos', props.slos.map((s) => s.name));
  for (const [prop, actions] of [['pageActions', props.pageActions], ['ticketActions', props.ticketActions]] as const) {
    if (actions && actions.length > MAX_ACTIONS_PER_STATE) {
      throw propError(owner, prop, `hold at most ${MAX_ACTIONS_PER_STATE} actions (a CloudWatch limit per alarm state)`, actions);
    }
  }
  // A page route without a ticket route leaves the ticket alarm silent, and ReliabilityChecks reports it
  // on the user's app: say so here, where the fix is one prop.
  if (props.pageActions?.length && !props.ticketActions?.length) {
    throw propError(owner, 'ticketActions', 'hold at least one action when pageActions are given: the ticket alarm fires on a '
      + 'slow error-budget burn and needs the team queue\'s actions (or pass the page actions again to page for tickets too)', props.ticketActions);
  }
  for (const prop of ['minimumValidEvents', 'minimumBadEvents'] as const) {
    const min = props[prop];
    if (min !== undefined && (Token.isUnresolved(min) || !Number.isInteger(min) || min < 0)) {
      throw propError(owner, prop, 'be a whole number of 0 or more', min);
    }
  }
  const url = props.runbookUrl;
  if (url !== undefined && (Token.isUnresolved(url) || !RUNBOOK_PATTERN.test(url) || url.length > 512)) {
    throw propError(owner, 'runbookUrl', 'be an http(s) URL of at most 512 characters without spaces', props.runbookUrl);
  }
  if (props.burnRateAlerts !== undefined) {
    requireNonEmpty(owner, 'burnRateAlerts', props.burnRateAlerts, 'BurnRateAlert');
    for (const severity of [AlertSeverity.PAGE, AlertSeverity.TICKET]) {
      if (!props.burnRateAlerts.some((a) => a.severity === severity)) {
        throw propError(owner, 'burnRateAlerts', `hold at least one ${severity} alert (pageAlarm and ticketAlarm both need a child)`,
          props.burnRateAlerts.map((a) => a.severity).join(', '));
      }
    }
  }
}

function toRequest(owner: string, prop: string, alert: BurnRateAlert): AlertRequest {
  if (alert.severity !== AlertSeverity.PAGE && alert.severity !== AlertSeverity.TICKET) {
    throw propError(owner, `${prop}.severity`, 'be AlertSeverity.PAGE or AlertSeverity.TICKET', alert.severity);
  }
  if (typeof alert.burnRate !== 'number' || !Number.isFinite(alert.burnRate) || alert.burnRate <= 0) {
    throw propError(owner, `${prop}.burnRate`, 'be a number above 0', alert.burnRate);
  }
  const longSeconds = windowSeconds(owner, `${prop}.longWindow`, alert.longWindow);
  const shortSeconds = alert.shortWindow === undefined
    ? defaultShortWindowSeconds(longSeconds)
    : windowSeconds(owner, `${prop}.shortWindow`, alert.shortWindow);
  const shortProp = alert.shortWindow === undefined ? `${prop}.shortWindow (default longWindow / 12)` : `${prop}.shortWindow`;
  const shortProblem = alarmWindowProblem(shortSeconds, 1);
  if (shortProblem) throw propError(owner, shortProp, shortProblem, Duration.seconds(shortSeconds));
  if (shortSeconds >= longSeconds) {
    throw propError(owner, `${prop}.shortWindow`, `be shorter than longWindow (${Duration.seconds(longSeconds).toHumanString()})`, Duration.seconds(shortSeconds));
  }
  return { severity: alert.severity, longWindowSeconds: longSeconds, shortWindowSeconds: shortSeconds, burnRate: alert.burnRate };
}

/** Two pairs with the same severity and windows would be the same alarms with two thresholds. */
function requireDistinctPairs(owner: string, requests: readonly AlertRequest[]): void {
  const seen = new Set<string>();
  requests.forEach((r, i) => {
    const key = `${r.severity} ${compactWindow(r.longWindowSeconds)}/${compactWindow(r.shortWindowSeconds)}`;
    if (seen.has(key)) throw propError(owner, `burnRateAlerts[${i}]`, 'differ from every other alert in severity or windows', key);
    seen.add(key);
  });
}

function windowSeconds(owner: string, prop: string, window: Duration | undefined): number {
  if (!window || typeof window.toSeconds !== 'function' || window.isUnresolved()) {
    throw propError(owner, prop, 'be a Duration known at synth', window);
  }
  const ms = window.toMilliseconds();
  const seconds = ms / 1000;
  const problem = alarmWindowProblem(seconds, 1);
  if (problem) throw propError(owner, prop, problem, window);
  return seconds;
}
