import {
  Stack,
  StackProps,
  aws_certificatemanager as acm,
  aws_cloudwatch_actions as actions,
  aws_ecs as ecs,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ReliableService } from '../../src';

/** Where the example service's alarms go: the Alerting stack's topics. */
export interface ServiceStackProps extends StackProps {
  readonly pageTopic: sns.ITopic;
  readonly ticketTopic: sns.ITopic;
  /** The certificate of the HTTPS listener, in the stack's Region. Default: EXAMPLE_CERTIFICATE_ARN (us-east-1). */
  readonly certificateArn?: string;
  /** Running tasks. Default: the ReliableService default (3). */
  readonly desiredCount?: number;
}

/** A fixed certificate ARN keeps the example's templates deterministic. */
export const EXAMPLE_CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';

/**
 * The example's checkout API: nginx (unprivileged image, port 8080) as a ReliableService with HTTPS,
 * the default SLOs, pages and tickets to the Alerting stack's topics.
 */
export class ServiceStack extends Stack {
  public readonly service: ReliableService;

  constructor(scope: Construct, id: string, props: ServiceStackProps) {
    super(scope, id, props);
    this.service = new ReliableService(this, 'Checkout', {
      image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
      containerPort: 8080,
      // nginx-unprivileged runs as uid 101 and writes its pid and caches under these paths.
      user: '101',
      writablePaths: ['/tmp', '/var/cache/nginx'],
      healthCheckPath: '/',
      certificate: acm.Certificate.fromCertificateArn(this, 'Certificate', props.certificateArn ?? EXAMPLE_CERTIFICATE_ARN),
      desiredCount: props.desiredCount,
      alarmActions: {
        page: [new actions.SnsAction(props.pageTopic)],
        ticket: [new actions.SnsAction(props.ticketTopic)],
      },
      trafficAnomalyAlarm: true,
      enableFaultInjection: true,
    });
  }
}
