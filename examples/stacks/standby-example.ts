import { App, Environment, Stack, aws_dynamodb as dynamodb, aws_route53 as route53 } from 'aws-cdk-lib';
import { AlertingStack } from './alerting-stack';
import { ServiceStack } from './service-example';
import { ChaosSchedule, MultiRegionRecovery, RecoveryRouting, RecoveryStrategy, ReliableService } from '../../src';

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
}

/** The stacks of the example's second Region. */
export interface WarmStandbyStacks {
  readonly alerting: AlertingStack;
  readonly service: ServiceStack;
  readonly recovery: MultiRegionRecovery;
}

/**
 * Checkout's warm standby in `drEnv`'s Region: its own alerting topics (alarm actions must be in the alarm's Region),
 * the same Checkout service at 2 tasks instead of 3, the orders table's replica, and the Region switch plan that scales
 * it to the primary's count and moves checkout.example.com. A graceful practice run on the first Wednesday of each
 * month proves the plan still works.
 */
export function addWarmStandby(app: App, drEnv: Environment, options: WarmStandbyOptions): WarmStandbyStacks {
  const alerting = new AlertingStack(app, 'AlertingStandby', { env: drEnv });
  const service = new ServiceStack(app, 'CheckoutStandby', {
    env: drEnv,
    pageTopic: alerting.pageTopic,
    ticketTopic: alerting.ticketTopic,
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
  return { alerting, service, recovery };
}
