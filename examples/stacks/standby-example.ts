import { App, Environment, Stack, aws_dynamodb as dynamodb, aws_route53 as route53 } from 'aws-cdk-lib';
import { ServiceStack } from './service-example';
import { ChaosSchedule, MultiRegionRecovery, OnCallRouting, RecoveryRouting, RecoveryStrategy, ReliableService } from '../../src';

/** The standby Region's certificate (ACM certificates are Regional): fixed to keep the templates deterministic. */
export const EXAMPLE_STANDBY_CERTIFICATE_ARN = 'arn:aws:acm:us-west-2:111111111111:certificate/66666666-7777-8888-9999-000000000000';
/** The example's public hosted zone; its failover records for checkout.example.com use the plan's health checks. */
export const EXAMPLE_HOSTED_ZONE = { hostedZoneId: 'Z0EXAMPLE1CHECKOUT23', zoneName: 'example.com' };

/** What the warm standby protects. */
export interface WarmStandbyOptions {
  /** The Checkout service in the primary Region. */
  readonly primary: ReliableService;
  /** The global tables Checkout keeps its state in. */
  readonly tables: dynamodb.TableV2[];
  /** The standby Region's on-call routes (an alarm action must be a topic of the alarm's Region). */
  readonly routing: OnCallRouting;
}

/** The stacks of the example's second Region. */
export interface WarmStandbyStacks {
  readonly service: ServiceStack;
  readonly recovery: MultiRegionRecovery;
}

/**
 * Checkout's warm standby in `drEnv`'s Region: the same Checkout service at 2 tasks instead of 3 (its alarms on that
 * Region's on-call routes), the orders table's replica, and the Region switch plan that scales it to the primary's
 * count and moves checkout.example.com. A graceful practice run on the first Wednesday of each
 * month proves the plan still works.
 */
export function addWarmStandby(app: App, drEnv: Environment, options: WarmStandbyOptions): WarmStandbyStacks {
  const service = new ServiceStack(app, 'CheckoutStandby', {
    env: drEnv,
    certificateArn: EXAMPLE_STANDBY_CERTIFICATE_ARN,
    desiredCount: 2,
  });
  const recovery = new MultiRegionRecovery(service, 'CheckoutRecovery', {
    strategy: RecoveryStrategy.WARM_STANDBY,
    primaryService: options.primary.service,
    standbyService: service.service.service,
    tables: options.tables,
    routing: RecoveryRouting.route53HealthChecks({
      hostedZone: route53.HostedZone.fromHostedZoneAttributes(service, 'Zone', EXAMPLE_HOSTED_ZONE),
      recordName: `checkout.${EXAMPLE_HOSTED_ZONE.zoneName}`,
    }),
    practiceSchedule: ChaosSchedule.cron({ hour: '10', weekDay: 'WED#1' }),
  });
  // The plan reads the primary's service: deploy the primary first.
  service.addStackDependency(Stack.of(options.primary), 'the Region switch plan names the primary service');
  options.routing.routeAlarms(service);
  return { service, recovery };
}
