import { Annotations, Duration, Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { addInventories, AlarmInventory, monthlyCostUsd } from './alarm-cost';
import { DescribedSlo, severityAlarmDescription, windowAlarmDescription } from './alarm-descriptions';
import { AlertRequest, compactWindow, DEFAULT_MINIMUM_BAD_EVENTS, defaultAlertRequests, PlannedAlert, planAlerts } from './alert-plan';
import { AlertSeverity } from './alert-severity';
import { emitApplicationSignalsSlo } from './application-signals';
import { BurnRateAlert } from './burn-rate-alert';
import { errorBudget } from './burn-rate-math';
import { isHighResolutionPeriod } from './cloudwatch-limits';
import { estimateRuleLength } from './composite-rule-length';
import { ServiceLevelObjective } from './service-level-objective';
import { WindowGuard } from './sli';
import * as rules from './slo-alarm-set-rules';
import { recordSloMetadata, SloMetadataEntry } from './slo-metadata';
import { sloWidgets } from './slo-widgets';
import { SloWindow } from './slo-window';
import { needsStillBurning, shortWindowShape, STILL_BURNING_WINDOW_SECONDS } from './still-burning';
import { createStillBurningAlarm } from './still-burning-alarm';
import { acknowledgeStillBurningActions, acknowledgeWindowAlarmActions } from './window-alarm-acknowledgements';
import { markAlert } from '../common/alert-marker';
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

/**
 * Multiwindow, multi-burn-rate alerting for a set of SLOs on CloudWatch.
 *
 * Per SLO and burn-rate pair: two metric-math alarms (long and short window) on the error ratio,
 * each datapoint's period being the whole window. Per set: `pageAlarm` and `ticketAlarm`, composites
 * whose rule is the OR of `ALARM(long) AND ALARM(short)` over the pairs of their severity; they
 * carry the actions. A page holds through an incident and clears within 10 minutes of its last
 * burning window ("A page's life" in docs/slo-alarm-set.md): the 5-minute short window looks back over 10 minutes, and
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
    this.minimumBadEvents = props.minimumBadEvents ?? DEFAULT_MINIMUM_BAD_EVENTS;

    const requests = props.burnRateAlerts?.map((a, i) => rules.toAlertRequest(owner, `burnRateAlerts[${i}]`, a));
    if (requests) rules.checkDistinctPairs(owner, requests);
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
    rules.checkMetricCount(owner, prop, metricCount);
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
      const windowAlarm = (which: 'long' | 'short') => {
        const guard = which === 'long' ? longGuard : shortGuard;
        // A page's short window is read over the whole hold: see still-burning.ts.
        const shape = which === 'short' ? shortWindowShape(alert) : { seconds: alert.longWindowSeconds, evaluationPeriods: 1 };
        countMetricsOf(shape.seconds, guard);
        return new cloudwatch.Alarm(scope, `${base}${which === 'long' ? 'Long' : 'Short'}`, {
          metric: slo._sli.errorRatio(Duration.seconds(shape.seconds), guard),
          threshold: alert.threshold,
          comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
          evaluationPeriods: shape.evaluationPeriods,
          datapointsToAlarm: 1,
          // No traffic means no ratio: missing data must not page.
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          alarmDescription: windowAlarmDescription(described, alert, which, runbookUrl),
        });
      };
      const long = windowAlarm('long');
      const short = windowAlarm('short');
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
    rules.checkSeverityLeft(owner, severity, children.length, this.slos.map((s) => s.objectivePercent));
    // One group per pair: ALARM(long) AND ALARM(short) [AND ALARM(still burning)].
    const groups = children.map((c) => [c.p.long, c.p.short, ...(c.p.stillBurning ? [c.p.stillBurning] : [])]);
    rules.checkCompositeLimits(owner, prop, new Set(groups.flat()).size, estimateRuleLength(this, groups));
    const id = severity === AlertSeverity.PAGE ? 'PageAlarm' : 'TicketAlarm';
    const alarm = new cloudwatch.CompositeAlarm(this, id, {
      alarmRule: cloudwatch.AlarmRule.anyOf(...groups.map((g) => cloudwatch.AlarmRule.allOf(
        ...g.map((a) => cloudwatch.AlarmRule.fromAlarm(a, cloudwatch.AlarmState.ALARM))))),
      alarmDescription: severityAlarmDescription(this.serviceName, severity,
        children.map((c) => `${c.s.slo.name} ${compactWindow(c.p.alert.longWindowSeconds)}/${compactWindow(c.p.alert.shortWindowSeconds)} at ${c.p.alert.burnRate}x`),
        runbookUrl),
    });
    if (actions && actions.length > 0) alarm.addAlarmAction(...actions);
    markAlert(alarm, severity);
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

/** Prop checks that need the construct classes; the rest are the pure rules of slo-alarm-set-rules.ts. */
function validateProps(owner: string, props: SloAlarmSetProps): void {
  rules.checkServiceName(owner, props.serviceName);
  requireNonEmpty(owner, 'slos', props.slos, 'ServiceLevelObjective');
  props.slos.forEach((slo, i) => {
    if (!(slo instanceof ServiceLevelObjective)) {
      throw propError(owner, `slos[${i}]`, 'be built with a ServiceLevelObjective factory', slo);
    }
  });
  requireUniqueNames(owner, 'slos', props.slos.map((s) => s.name));
  rules.checkActionCount(owner, 'pageActions', props.pageActions);
  rules.checkActionCount(owner, 'ticketActions', props.ticketActions);
  rules.checkTicketRoute(owner, props.pageActions, props.ticketActions);
  rules.checkEventMinimum(owner, 'minimumValidEvents', props.minimumValidEvents);
  rules.checkEventMinimum(owner, 'minimumBadEvents', props.minimumBadEvents);
  rules.checkRunbookUrl(owner, props.runbookUrl);
  if (props.burnRateAlerts !== undefined) {
    requireNonEmpty(owner, 'burnRateAlerts', props.burnRateAlerts, 'BurnRateAlert');
    rules.checkBothSeverities(owner, props.burnRateAlerts.map((a) => a.severity));
  }
}
