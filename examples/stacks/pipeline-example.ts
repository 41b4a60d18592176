import {
  Duration, aws_cloudwatch as cloudwatch, aws_ecr as ecr, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2, aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BlueGreenPipeline, PipelineSource, TrafficShift } from '../../src';

/** The parts of the example's ReliableService the pipeline needs (narrow on purpose). */
export interface PipelineExampleParts {
  readonly service: ecs.FargateService;
  readonly listener: elbv2.ApplicationListener;
  readonly targetGroup: elbv2.ApplicationTargetGroup;
  /** `ReliableService.slos.pageAlarm` */
  readonly pageAlarm: cloudwatch.IAlarm;
  /** Given when the service runs its own blue/green strategy (`ReliableService.alternateTargetGroup`). */
  readonly alternateTargetGroup?: elbv2.ApplicationTargetGroup;
  /** Given with `alternateTargetGroup` (`ReliableService.testListener`). */
  readonly testListener?: elbv2.ApplicationListener;
  /** Extra rollback alarms, e.g. `ReliableService.deploymentAlarms`. */
  readonly rollbackAlarms?: cloudwatch.IAlarm[];
  /** Where approvals are announced (the example's encrypted ticket topic). */
  readonly approvalTopic: sns.ITopic;
  /** The repository CI pushes to. @default an imported repository named `checkout` */
  readonly repository?: ecr.IRepository;
}

/**
 * Ships the example service through a canary blue/green pipeline: 10 % for 5 minutes, then the
 * rest, 10 minutes of bake, rollback on the SLO page alarm, and an approval before the rollout.
 */
export function addBlueGreenPipeline(scope: Construct, parts: PipelineExampleParts): BlueGreenPipeline {
  const repository = parts.repository ?? ecr.Repository.fromRepositoryName(scope, 'CheckoutRepository', 'checkout');
  return new BlueGreenPipeline(scope, 'CheckoutPipeline', {
    source: PipelineSource.ecr({ repository, tag: 'release' }),
    stages: [{
      stageName: 'Prod',
      service: parts.service,
      productionListener: parts.listener,
      productionTargetGroup: parts.targetGroup,
      alternateTargetGroup: parts.alternateTargetGroup,
      testListener: parts.testListener,
      pageAlarm: parts.pageAlarm,
      rollbackAlarms: parts.rollbackAlarms,
      manualApproval: { notificationTopic: parts.approvalTopic },
    }],
    trafficShift: TrafficShift.canary(10, Duration.minutes(5)),
    bakeTime: Duration.minutes(10),
  });
}
