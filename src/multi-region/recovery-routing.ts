import { Duration, aws_arcregionswitch as arc, aws_iam as iam, aws_route53 as route53 } from 'aws-cdk-lib';
import { propError } from '../common/errors';
import { requireObject } from '../common/validate';

/** Traffic moved by the Route 53 health checks the Region switch plan creates and owns. */
export interface Route53HealthCheckRoutingOptions {
  /** The hosted zone of the service's failover (or latency / weighted) records. */
  readonly hostedZone: route53.IHostedZone;
  /** The record name those records share, e.g. `checkout.example.com`. */
  readonly recordName: string;
  /**
   * How long the step waits for the health checks to change.
   *
   * @default Duration.minutes(10)
   */
  readonly timeout?: Duration;
}

/** What the Region switch plan's routing step needs from the plan. */
export interface RoutingStepContext {
  readonly owner: string;
  readonly targetRegion: string;
}

/**
 * How a Region switch plan moves traffic to the Region it activates: the routing step a plan must have
 * (a plan that scales the standby but leaves DNS on the failed Region recovers nothing).
 */
export class RecoveryRouting {
  /**
   * The plan's Route 53 health check block: Region switch creates one health check per Region and flips them during
   * an execution; attach them to the record name's records (see docs/multi-region-recovery.md).
   */
  public static route53HealthChecks(options: Route53HealthCheckRoutingOptions): RecoveryRouting {
    requireObject('RecoveryRouting.route53HealthChecks', 'options', options, 'an object with hostedZone and recordName');
    if (!options.hostedZone?.hostedZoneId) {
      throw propError('RecoveryRouting.route53HealthChecks', 'hostedZone', 'be a route53.IHostedZone', options.hostedZone);
    }
    if (typeof options.recordName !== 'string' || options.recordName.length < 1 || options.recordName.length > 1024) {
      throw propError('RecoveryRouting.route53HealthChecks', 'recordName', 'be a record name of 1 to 1024 characters', options.recordName);
    }
    const timeoutMinutes = options.timeout?.toMinutes() ?? 10;
    return new RecoveryRouting('Route53HealthCheck', (ctx) => ({
      name: 'MoveTraffic',
      description: `Route 53 health checks send ${options.recordName} to ${ctx.targetRegion}`,
      executionBlockType: 'Route53HealthCheck',
      executionBlockConfiguration: {
        route53HealthCheckConfig: { hostedZoneId: options.hostedZone.hostedZoneId, recordName: options.recordName, timeoutMinutes },
      },
    }), () => [new iam.PolicyStatement({
      // "Route 53 health check execution block sample policy" (ARC developer guide).
      actions: ['route53:ListResourceRecordSets'],
      resources: [options.hostedZone.hostedZoneArn],
    })]);
  }

  private constructor(
    /** The execution block type of the step: `Route53HealthCheck`. */
    public readonly executionBlockType: string,
    private readonly step: (ctx: RoutingStepContext) => arc.CfnPlan.StepProperty,
    private readonly statements: () => iam.PolicyStatement[],
  ) {}

  /** @internal the routing step of the workflow that activates `targetRegion` */
  public _step(ctx: RoutingStepContext): arc.CfnPlan.StepProperty {
    return this.step(ctx);
  }

  /** @internal what the plan's execution role needs for the step */
  public _statements(): iam.PolicyStatement[] {
    return this.statements();
  }
}
