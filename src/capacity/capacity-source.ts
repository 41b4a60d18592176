import {
  Duration,
  aws_autoscaling as autoscaling,
  aws_cloudwatch as cloudwatch,
  aws_ecs as ecs,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** The running and desired counts of something that scales, as metrics. */
export interface CapacitySourceMetricsOptions {
  /** Units running now (tasks, instances). */
  readonly running: cloudwatch.IMetric;
  /** Units the scaler asks for. */
  readonly desired: cloudwatch.IMetric;
  /**
   * What one unit is called in alarm descriptions.
   *
   * @default 'units'
   */
  readonly unitName?: string;
}

/**
 * Where CapacityGuardrails reads running and desired capacity: an ECS service (Container Insights),
 * an Auto Scaling group (group metrics), or any pair of metrics.
 */
export class CapacitySource {
  /**
   * An ECS service, from Container Insights (`ECS/ContainerInsights` `RunningTaskCount` and
   * `DesiredTaskCount` per `ClusterName` and `ServiceName`). The cluster must have Container
   * Insights enabled, or the alarms stay in INSUFFICIENT_DATA.
   */
  public static ecsService(service: ecs.IBaseService): CapacitySource {
    const metric = (metricName: string) => new cloudwatch.Metric({
      namespace: 'ECS/ContainerInsights',
      metricName,
      dimensionsMap: { ClusterName: service.cluster.clusterName, ServiceName: service.serviceName },
      statistic: 'Average',
      period: Duration.minutes(1),
    });
    return new CapacitySource('ECS service', metric('RunningTaskCount'), metric('DesiredTaskCount'), 'tasks', service);
  }

  /**
   * An EC2 Auto Scaling group, from its group metrics (`AWS/AutoScaling` `GroupInServiceInstances`
   * and `GroupDesiredCapacity`). The group must collect them (`groupMetrics: [GroupMetrics.all()]`),
   * or the alarms stay in INSUFFICIENT_DATA.
   */
  public static autoScalingGroup(group: autoscaling.IAutoScalingGroup): CapacitySource {
    const metric = (metricName: string) => new cloudwatch.Metric({
      namespace: 'AWS/AutoScaling',
      metricName,
      dimensionsMap: { AutoScalingGroupName: group.autoScalingGroupName },
      statistic: 'Average',
      period: Duration.minutes(1),
    });
    return new CapacitySource('Auto Scaling group', metric('GroupInServiceInstances'), metric('GroupDesiredCapacity'), 'instances');
  }

  /** Any running / desired pair of metrics. */
  public static fromMetrics(options: CapacitySourceMetricsOptions): CapacitySource {
    return new CapacitySource('custom', options.running, options.desired, options.unitName ?? 'units');
  }

  private constructor(
    /** `ECS service`, `Auto Scaling group` or `custom`. */
    public readonly kind: string,
    /** Units running. */
    public readonly running: cloudwatch.IMetric,
    /** Units asked for. */
    public readonly desired: cloudwatch.IMetric,
    /** What a unit is called. */
    public readonly unitName: string,
    /**
     * The scaled construct, whose CloudFormation resource the report links the guardrails to.
     * @internal
     */
    public readonly _scaled?: IConstruct,
  ) {}
}
