import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';

/** An `AWS/Usage` metric that Service Quotas knows the applied quota of. */
export interface ServiceQuotaUsageOptions {
  /** A name for descriptions and the report, e.g. `Fargate On-Demand vCPU`. */
  readonly name: string;
  /** The `Service` dimension, e.g. `Fargate`. */
  readonly service: string;
  /** The `Type` dimension, e.g. `Resource`. */
  readonly type: string;
  /** The `Resource` dimension, e.g. `vCPU`. */
  readonly resource: string;
  /** The `Class` dimension, e.g. `Standard/OnDemand`. */
  readonly className: string;
  /**
   * The usage metric.
   *
   * @default 'ResourceCount'
   */
  readonly metricName?: string;
}

/**
 * A service quota watched through its `AWS/Usage` metric; the alarm divides usage by
 * `SERVICE_QUOTA(usage)`, the applied quota, so a quota increase needs no redeploy.
 */
export class ServiceQuota {
  /**
   * Fargate On-Demand vCPU of the account and Region (`Service=Fargate`, `Type=Resource`,
   * `Resource=vCPU`, `Class=Standard/OnDemand`): every Fargate task counts its vCPU against it.
   */
  public static fargateOnDemandVcpu(): ServiceQuota {
    return ServiceQuota.usage({ name: 'Fargate On-Demand vCPU', service: 'Fargate', type: 'Resource', resource: 'vCPU', className: 'Standard/OnDemand' });
  }

  /** Fargate Spot vCPU (`Class=Standard/Spot`), for services on the FARGATE_SPOT capacity provider. */
  public static fargateSpotVcpu(): ServiceQuota {
    return ServiceQuota.usage({ name: 'Fargate Spot vCPU', service: 'Fargate', type: 'Resource', resource: 'vCPU', className: 'Standard/Spot' });
  }

  /** Any usage metric that Service Quotas integrates with CloudWatch. */
  public static usage(options: ServiceQuotaUsageOptions): ServiceQuota {
    return new ServiceQuota(options.name, options.metricName ?? 'ResourceCount', {
      Service: options.service, Type: options.type, Resource: options.resource, Class: options.className,
    });
  }

  private constructor(
    /** The quota's name. */
    public readonly name: string,
    /** The `AWS/Usage` metric name. */
    public readonly metricName: string,
    /** The `AWS/Usage` dimensions. */
    public readonly dimensions: Record<string, string>,
  ) {}

  /** The usage metric (maximum per 5 minutes). */
  public metricUsage(): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/Usage',
      metricName: this.metricName,
      dimensionsMap: { ...this.dimensions },
      statistic: 'Maximum',
      period: Duration.minutes(5),
    });
  }

  /** Usage in percent of the applied quota: `100 * usage / SERVICE_QUOTA(usage)`. */
  public metricPercentOfQuota(): cloudwatch.MathExpression {
    return new cloudwatch.MathExpression({
      expression: '100 * usage / SERVICE_QUOTA(usage)',
      usingMetrics: { usage: this.metricUsage() },
      period: Duration.minutes(5),
      label: `${this.name} usage (% of quota)`,
    });
  }
}
