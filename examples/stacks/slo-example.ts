import { Duration, Stack, StackProps, aws_cloudwatch as cloudwatch, aws_cloudwatch_actions as actions, aws_elasticloadbalancingv2 as elbv2, aws_sns as sns } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ServiceLevelObjective, SloAlarmSet, SloWindow } from '../../src';

/** Where the example's SLO alarms notify. */
export interface SloExampleProps {
  /** Pages: the on-call rotation. */
  readonly pageTopic: sns.ITopic;
  /** Tickets: the team's queue. */
  readonly ticketTopic: sns.ITopic;
  /**
   * The load balancer in front of the service.
   *
   * @default - the checkout ALB of the example account, imported by ARN (no lookup, works offline)
   */
  readonly loadBalancer?: elbv2.IApplicationLoadBalancer;
}

/** ARN of the example's checkout load balancer (account 111111111111 of EXAMPLE_ENV). */
export const EXAMPLE_ALB_ARN = 'arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/checkout/50dc6c495c0c9188';

/**
 * Adds the checkout SLOs to `scope`: 99.9 % availability and 99 % of requests under 300 ms, both
 * over 28 days, paging and ticketing through the given topics, plus a dashboard of their widgets.
 */
export function addCheckoutSlos(scope: Construct, props: SloExampleProps): SloAlarmSet {
  const loadBalancer = props.loadBalancer ?? elbv2.ApplicationLoadBalancer.fromApplicationLoadBalancerAttributes(scope, 'CheckoutAlb', {
    loadBalancerArn: EXAMPLE_ALB_ARN,
    securityGroupId: 'sg-0123456789abcdef0',
  });
  const slos = new SloAlarmSet(scope, 'CheckoutSlos', {
    serviceName: 'checkout',
    window: SloWindow.ROLLING_28_DAYS,
    slos: [
      ServiceLevelObjective.albAvailability({ objectivePercent: 99.9, loadBalancer }),
      ServiceLevelObjective.albLatency({ objectivePercent: 99, loadBalancer, threshold: Duration.millis(300) }),
    ],
    pageActions: [new actions.SnsAction(props.pageTopic)],
    ticketActions: [new actions.SnsAction(props.ticketTopic)],
    runbookUrl: 'https://runbooks.example.com/checkout/slo',
  });
  new cloudwatch.Dashboard(scope, 'CheckoutSloDashboard', { widgets: [slos.widgets()] });
  return slos;
}

/** A stack holding only the checkout SLOs (the topics usually live in another stack). */
export class SloExampleStack extends Stack {
  public readonly alarmSet: SloAlarmSet;

  constructor(scope: Construct, id: string, props: SloExampleProps & StackProps) {
    super(scope, id, props);
    this.alarmSet = addCheckoutSlos(this, props);
  }
}
