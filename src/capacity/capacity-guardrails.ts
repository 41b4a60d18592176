import { CfnResource, Duration, Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { GuardrailAlarmEntry, recordCapacityMetadata } from './capacity-metadata';
import { CapacitySource } from './capacity-source';
import { ceilingThreshold, checkMaxCapacity, checkPercent, checkSustainedMinutes } from './guardrail-rules';
import { ServiceQuota } from './service-quota';
import { markAlert } from '../common/alert-marker';
import { ownerLabel, propError } from '../common/errors';
import { requireGiven, requireObject } from '../common/validate';
import { monthlyCostUsd } from '../slo/alarm-cost';

/** Properties of CapacityGuardrails. */
export interface CapacityGuardrailsProps {
  /** Where running and desired capacity are read (`CapacitySource.ecsService(service)`, ...). */
  readonly source: CapacitySource;

  /** The autoscaling maximum (tasks, instances): the ceiling the first alarm measures against. */
  readonly maxCapacity: number;

  /**
   * Name used in alarm descriptions.
   *
   * @default - the construct id
   */
  readonly name?: string;

  /**
   * Running capacity at or above this share of `maxCapacity`, sustained, opens a ticket: the service
   * is close to its scaling ceiling and will not absorb a spike.
   *
   * @default 80
   */
  readonly ceilingPercent?: number;

  /**
   * How long running capacity must stay at or above the ceiling share (whole minutes, up to a day).
   *
   * @default Duration.minutes(15)
   */
  readonly ceilingDuration?: Duration;

  /**
   * How long desired capacity must exceed running capacity before a ticket opens (placement failures,
   * an exhausted quota, a capacity shortage in the zones). Scaling out normally closes the gap in a
   * few minutes.
   *
   * @default Duration.minutes(15)
   */
  readonly shortageDuration?: Duration;

  /**
   * Service quotas the scaled resource consumes; each gets an alarm on `AWS/Usage` against
   * `SERVICE_QUOTA()`.
   *
   * @default - none
   */
  readonly quotas?: ServiceQuota[];

  /**
   * Usage, in percent of the applied quota, that opens a ticket (for 15 minutes).
   *
   * @default 80
   */
  readonly quotaThresholdPercent?: number;

  /**
   * Actions of every guardrail alarm: they are tickets (act within a working day), never pages.
   *
   * @default - none
   */
  readonly ticketActions?: cloudwatch.IAlarmAction[];
}

/** CloudWatch bills a standard-resolution metric alarm per metric it reads. */
function alarmCostUsd(metrics: number): number {
  return monthlyCostUsd({ standardAlarmMetrics: metrics, highResolutionAlarmMetrics: 0, compositeAlarms: 0 });
}

/**
 * Ticket alarms that warn before a scaled resource runs out of room: running capacity close to the
 * autoscaling maximum, desired capacity the scaler cannot get, and account quotas close to their
 * applied value. Works for any ECS service or Auto Scaling group (see CapacitySource).
 */
export class CapacityGuardrails extends Construct {
  /** Running capacity at or above `ceilingPercent` of the maximum for `ceilingDuration`. */
  public readonly ceilingAlarm: cloudwatch.Alarm;
  /** Desired capacity above running capacity for `shortageDuration`. */
  public readonly shortageAlarm: cloudwatch.Alarm;
  /** One alarm per quota, in the order given. */
  public readonly quotaAlarms: cloudwatch.Alarm[];
  /** Every guardrail alarm. */
  public readonly alarms: cloudwatch.Alarm[];
  /** Monthly list price of the alarms (USD, us-east-1). */
  public readonly monthlyCostUsd: number;

  constructor(scope: Construct, id: string, props: CapacityGuardrailsProps) {
    super(scope, id);
    const owner = ownerLabel('CapacityGuardrails', this);
    requireObject(owner, 'props', props, 'given (at least source and maxCapacity)');
    const source = requireGiven(owner, 'source', props.source, 'CapacitySource.ecsService(service), CapacitySource.autoScalingGroup(group) or CapacitySource.fromMetrics(...)');
    const maxCapacity = checkMaxCapacity(owner, requireGiven(owner, 'maxCapacity', props.maxCapacity, 'the autoscaling maximum'));
    const ceilingPercent = checkPercent(owner, 'ceilingPercent', props.ceilingPercent ?? 80);
    const quotaThresholdPercent = checkPercent(owner, 'quotaThresholdPercent', props.quotaThresholdPercent ?? 80);
    const ceilingMinutes = checkSustainedMinutes(owner, 'ceilingDuration', props.ceilingDuration ?? Duration.minutes(15));
    const shortageMinutes = checkSustainedMinutes(owner, 'shortageDuration', props.shortageDuration ?? Duration.minutes(15));
    const quotas = props.quotas ?? [];
    if (!Array.isArray(quotas) || quotas.some((q) => !(q instanceof ServiceQuota))) {
      throw propError(owner, 'quotas', 'be a list of ServiceQuota (ServiceQuota.fargateOnDemandVcpu(), ServiceQuota.usage(...))', quotas);
    }
    const name = props.name ?? id;
    const unit = source.unitName;
    const threshold = ceilingThreshold(maxCapacity, ceilingPercent);
    const entries: GuardrailAlarmEntry[] = [];
    const record = (kind: string, alarm: cloudwatch.Alarm, description: string, metrics: number, quota?: string) => {
      const logicalId = Stack.of(this).getLogicalId(alarm.node.defaultChild as CfnResource);
      entries.push({ kind, logicalId, description, metrics, monthlyCostUsd: alarmCostUsd(metrics), quota });
    };

    const ceilingDescription = `${name}: running ${unit} at or above ${ceilingPercent} % of the maximum of ${maxCapacity} `
      + `(${threshold}) for ${ceilingMinutes} minutes; raise the maximum or make each unit do more before a spike finds no room`;
    this.ceilingAlarm = new cloudwatch.Alarm(this, 'Ceiling', {
      alarmDescription: ceilingDescription,
      metric: source.running,
      threshold,
      evaluationPeriods: ceilingMinutes,
      datapointsToAlarm: ceilingMinutes,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.MISSING,
    });
    record('ceiling', this.ceilingAlarm, ceilingDescription, 1);

    const shortageDescription = `${name}: desired ${unit} above running ${unit} for ${shortageMinutes} minutes; `
      + 'the scaler asks for capacity it cannot get (placement, quota or zone capacity): read the service events';
    this.shortageAlarm = new cloudwatch.Alarm(this, 'Shortage', {
      alarmDescription: shortageDescription,
      metric: new cloudwatch.MathExpression({
        expression: 'desired - running',
        usingMetrics: { desired: source.desired, running: source.running },
        period: Duration.minutes(1),
        label: `Desired minus running ${unit}`,
      }),
      threshold: 0,
      evaluationPeriods: shortageMinutes,
      datapointsToAlarm: shortageMinutes,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.MISSING,
    });
    record('shortage', this.shortageAlarm, shortageDescription, 2);

    this.quotaAlarms = quotas.map((quota, i) => {
      const description = `${name}: ${quota.name} usage at or above ${quotaThresholdPercent} % of the applied quota for 15 minutes; `
        + 'request an increase in Service Quotas before scaling out fails';
      const alarm = new cloudwatch.Alarm(this, `Quota${i}`, {
        alarmDescription: description,
        metric: quota.metricPercentOfQuota(),
        threshold: quotaThresholdPercent,
        evaluationPeriods: 3,
        datapointsToAlarm: 3,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.MISSING,
      });
      record('quota', alarm, description, 1, quota.name);
      return alarm;
    });

    this.alarms = [this.ceilingAlarm, this.shortageAlarm, ...this.quotaAlarms];
    for (const alarm of this.alarms) {
      // Marked so OnCallRouting.routeAlarms sends them to the ticket route like the library's other tickets.
      markAlert(alarm, 'TICKET');
      (props.ticketActions ?? []).forEach((a) => alarm.addAlarmAction(a));
    }
    this.monthlyCostUsd = alarmCostUsd(entries.reduce((sum, e) => sum + e.metrics, 0));

    const scaled = source._scaled?.node.defaultChild;
    recordCapacityMetadata(this, {
      name,
      constructPath: this.node.path,
      sourceKind: source.kind,
      maxCapacity,
      targetLogicalId: scaled instanceof CfnResource ? Stack.of(this).getLogicalId(scaled) : undefined,
      alarms: entries,
      monthlyCostUsd: this.monthlyCostUsd,
    });
  }
}
