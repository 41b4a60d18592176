import { Duration, Token, aws_cloudwatch as cloudwatch, aws_ec2 as ec2, aws_ecs as ecs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { ChaosFisExperiment, ChaosSchedule, FisAction, FisSelection } from '../../src';

/** What the example's chaos experiments need from the rest of the app. */
export interface ChaosExampleProps {
  /** The service under test (the example's ReliableService service). */
  readonly service: ecs.IBaseService;
  /**
   * Its task definition; when given, it must enable fault injection (`enableFaultInjection: true`,
   * `pidMode: task`) and a network-latency experiment is added.
   */
  readonly taskDefinition?: ecs.ITaskDefinition;
  /** The alarm that stops every experiment: the SLO page alarm. */
  readonly stopAlarm: cloudwatch.IAlarm;
  /**
   * The service's subnets; when given, an AZ power interruption experiment is added for the first
   * subnet's zone (the subnets it cuts off are read from the service itself).
   */
  readonly subnets?: ec2.ISubnet[];
  /** Run the task-loss experiment as a recurring game day. */
  readonly gameDay?: ChaosSchedule;
}

/** How long the zone-loss experiment holds its zone down; its description is written from it. */
export const ZONE_LOSS_DURATION = Duration.minutes(20);

/** The experiments the example app defines, by purpose. */
export interface ChaosExperiments {
  readonly taskLoss: ChaosFisExperiment;
  readonly latency?: ChaosFisExperiment;
  readonly zoneLoss?: ChaosFisExperiment;
}

/**
 * Chaos experiments for the example service, each stopped by the SLO page alarm:
 * losing a task (the service must replace it without paging), added latency towards
 * dependencies, and the loss of one Availability Zone.
 */
export function addChaosExperiments(scope: Construct, props: ChaosExampleProps): ChaosExperiments {
  const stopConditions = [props.stopAlarm];
  const taskLoss = new ChaosFisExperiment(scope, 'TaskLossExperiment', {
    description: 'Stopping a third of the tasks does not page: the service replaces them within its SLO',
    actions: [FisAction.ecsStopTasks({ service: props.service, selection: FisSelection.percent(33) })],
    stopConditions,
    schedule: props.gameDay,
    acknowledgeRecurringChaos: props.gameDay !== undefined,
  });

  const latency = props.taskDefinition && new ChaosFisExperiment(scope, 'LatencyExperiment', {
    description: '200 ms towards DynamoDB on half the tasks stays within the latency SLO',
    actions: [FisAction.ecsTaskNetworkLatency({
      service: props.service,
      taskDefinition: props.taskDefinition,
      duration: Duration.minutes(10),
      delay: Duration.millis(200),
      sources: ['DYNAMODB'],
    })],
    stopConditions,
  });

  const zone = props.subnets?.[0]?.availabilityZone;
  const zoneLoss = zone !== undefined && !Token.isUnresolved(zone) ? new ChaosFisExperiment(scope, 'ZoneLossExperiment', {
    description: `Losing ${zone} for ${ZONE_LOSS_DURATION.toHumanString()} does not page: traffic and capacity move to the other zones`,
    // Every subnet of the zone the service's tasks use is cut off for the whole duration, and its
    // tasks there are stopped; see docs/chaos-fis-experiment.md for what this does not simulate.
    actions: FisAction.azPowerInterruption({
      availabilityZone: zone,
      duration: ZONE_LOSS_DURATION,
      services: [props.service],
    }),
    stopConditions,
  }) : undefined;

  return { taskLoss, latency, zoneLoss };
}
