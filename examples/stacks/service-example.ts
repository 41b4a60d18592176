import {
  Stack,
  StackProps,
  aws_certificatemanager as acm,
  aws_cloudwatch_actions as actions,
  aws_ecs as ecs,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PredictiveScalingMode, ReliableService } from '../../src';

/** The example service's stack props. */
export interface ServiceStackProps extends StackProps {
  /** Page topic for the service's alarms when the stack is used alone; the example app routes them with OnCallRouting instead. */
  readonly pageTopic?: sns.ITopic;
  /** Ticket topic, with `pageTopic`. */
  readonly ticketTopic?: sns.ITopic;
  /** The certificate of the HTTPS listener, in the stack's Region. Default: EXAMPLE_CERTIFICATE_ARN (us-east-1). */
  readonly certificateArn?: string;
  /** Running tasks. Default: the ReliableService default (3). */
  readonly desiredCount?: number;
}

/** A fixed certificate ARN keeps the example's templates deterministic. */
export const EXAMPLE_CERTIFICATE_ARN = 'arn:aws:acm:us-east-1:111111111111:certificate/11111111-2222-3333-4444-555555555555';

/**
 * The example's checkout API: nginx (unprivileged image, port 8080) as a ReliableService with HTTPS,
 * the default SLOs; its page and ticket alarms are routed by the Alerting stack's OnCallRouting.
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
      alarmActions: props.pageTopic && props.ticketTopic
        ? { page: [new actions.SnsAction(props.pageTopic)], ticket: [new actions.SnsAction(props.ticketTopic)] }
        : undefined,
      trafficAnomalyAlarm: true,
      enableFaultInjection: true,
      // Capacity guardrails are on by default (ceiling, shortage, Fargate vCPU quota: tickets). Predictive scaling
      // starts forecast-only: compare its forecast with the load before letting it scale.
      autoScaling: { predictiveScaling: PredictiveScalingMode.FORECAST_ONLY },
    });
  }
}
