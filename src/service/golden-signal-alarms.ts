import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { markAlert } from '../common/alert-marker';

/** The metrics and actions the golden-signal alarms need. */
export interface GoldenSignalAlarmsProps {
  readonly serviceName: string;
  readonly cpuUtilization: cloudwatch.IMetric;
  readonly memoryUtilization: cloudwatch.IMetric;
  readonly requestCount: cloudwatch.IMetric;
  readonly serverErrors: cloudwatch.IMetric;
  readonly ticketActions: readonly cloudwatch.IAlarmAction[];
  readonly trafficAnomaly: boolean;
}

/** Saturation above this share of CPU or memory, sustained, means the service is about to slow down. */
export const SATURATION_THRESHOLD_PERCENT = 85;

/** The share of 5XX responses that stops a deployment (ECS Express Mode uses the same bar). */
export const DEPLOYMENT_ERROR_RATE_PERCENT = 1;

/**
 * Saturation alarms (CPU, memory), an optional traffic anomaly alarm, and the 5XX-rate alarm that
 * ECS watches during a deployment to roll it back.
 */
export class GoldenSignalAlarms extends Construct {
  public readonly cpuAlarm: cloudwatch.Alarm;
  public readonly memoryAlarm: cloudwatch.Alarm;
  public readonly trafficAnomalyAlarm?: cloudwatch.Alarm;
  /** 5XX share above 1 % in 2 of 3 minutes; it carries no action: ECS acts on it. */
  public readonly deploymentAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: GoldenSignalAlarmsProps) {
    super(scope, id);
    this.cpuAlarm = this.saturation('CpuSaturation', 'CPU', props.cpuUtilization, props);
    this.memoryAlarm = this.saturation('MemorySaturation', 'memory', props.memoryUtilization, props);

    if (props.trafficAnomaly) {
      this.trafficAnomalyAlarm = new cloudwatch.AnomalyDetectionAlarm(this, 'TrafficAnomaly', {
        alarmDescription: `${props.serviceName}: request count outside its expected band (3 standard deviations) for 15 minutes`,
        metric: props.requestCount,
        stdDevs: 3,
        evaluationPeriods: 3,
        comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_LOWER_OR_GREATER_THAN_UPPER_THRESHOLD,
        treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      });
      props.ticketActions.forEach((a) => this.trafficAnomalyAlarm!.addAlarmAction(a));
      markAlert(this.trafficAnomalyAlarm, 'TICKET');
    }

    const errorRate = new cloudwatch.MathExpression({
      expression: '100 * errors / MAX([requests, 1])',
      usingMetrics: { errors: props.serverErrors, requests: props.requestCount },
      period: Duration.minutes(1),
      label: '5XX rate (%)',
    });
    this.deploymentAlarm = new cloudwatch.Alarm(this, 'DeploymentErrorRate', {
      alarmDescription: `${props.serviceName}: more than ${DEPLOYMENT_ERROR_RATE_PERCENT} % of requests failed with a 5XX in 2 of 3 minutes (rolls a deployment back)`,
      metric: errorRate,
      threshold: DEPLOYMENT_ERROR_RATE_PERCENT,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    // A rollback is worth a ticket: someone should look at why the release failed.
    props.ticketActions.forEach((a) => this.deploymentAlarm.addAlarmAction(a));
    markAlert(this.deploymentAlarm, 'TICKET');
  }

  private saturation(id: string, what: string, metric: cloudwatch.IMetric, props: GoldenSignalAlarmsProps): cloudwatch.Alarm {
    const alarm = new cloudwatch.Alarm(this, id, {
      alarmDescription: `${props.serviceName}: average ${what} above ${SATURATION_THRESHOLD_PERCENT} % for 10 of 15 minutes`,
      metric: metric,
      threshold: SATURATION_THRESHOLD_PERCENT,
      evaluationPeriods: 15,
      datapointsToAlarm: 10,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.MISSING,
    });
    props.ticketActions.forEach((a) => alarm.addAlarmAction(a));
    markAlert(alarm, 'TICKET');
    return alarm;
  }
}
