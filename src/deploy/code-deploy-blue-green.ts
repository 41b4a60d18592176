import {
  Duration, Stack,
  aws_cloudwatch as cloudwatch, aws_codedeploy as codedeploy, aws_ecs as ecs, aws_elasticloadbalancingv2 as elbv2, aws_iam as iam,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BlueGreenWiring } from './native-blue-green';
import { TrafficShift, TrafficShiftKind } from './traffic-shift';
import { ManagedPolicyRole } from '../common/managed-policy-role';

/** Inputs of one stage's CodeDeploy deployment group (internal). */
export interface CodeDeployBlueGreenProps {
  readonly service: ecs.FargateService;
  readonly productionListener: elbv2.ApplicationListener;
  readonly productionTargetGroup: elbv2.ApplicationTargetGroup;
  readonly wiring: BlueGreenWiring;
  readonly trafficShift: TrafficShift;
  readonly bakeTime: Duration;
  readonly alarms: cloudwatch.IAlarm[];
}

/**
 * The CodeDeploy path: a deployment group that shifts traffic as asked, watches the rollback
 * alarms and rolls back on failure, alarm or stop. The bake time becomes the wait before the
 * blue tasks are terminated, the window in which a rollback is still instant.
 */
export function configureCodeDeployBlueGreen(scope: Construct, props: CodeDeployBlueGreenProps): codedeploy.EcsDeploymentGroup {
  // aws-cdk-lib attaches AWSCodeDeployRoleForECS only to a role it creates; this one gets the
  // same abilities scoped to the stage's service, listeners and target groups.
  const role = new ManagedPolicyRole(scope, 'DeploymentGroupRole', { assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com') });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['ecs:DescribeServices', 'ecs:CreateTaskSet', 'ecs:UpdateServicePrimaryTaskSet', 'ecs:DeleteTaskSet'],
    resources: [props.service.serviceArn, `arn:${Stack.of(scope).partition}:ecs:${Stack.of(scope).region}:${Stack.of(scope).account}:task-set/${props.service.cluster.clusterName}/${props.service.serviceName}/*`],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['elasticloadbalancing:ModifyListener', 'elasticloadbalancing:ModifyRule'],
    resources: [props.productionListener.listenerArn, props.wiring.testListener.listenerArn],
  }));
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: [
      'elasticloadbalancing:DescribeListeners', 'elasticloadbalancing:DescribeRules',
      'elasticloadbalancing:DescribeTargetGroups', 'elasticloadbalancing:DescribeTargetHealth',
    ],
    resources: ['*'],
  }));
  if (props.alarms.length) {
    // CodeDeploy reads the rollback alarms (composite SLO alarms among them) with this role;
    // composite alarms need DescribeAlarms on `*` (CloudWatch API Reference, DescribeAlarms).
    role.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['cloudwatch:DescribeAlarms'], resources: ['*'] }));
  }
  const taskDefinition = props.service.taskDefinition;
  const passRoles = [taskDefinition.taskRole, taskDefinition.executionRole].filter((r): r is iam.IRole => r !== undefined);
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['iam:PassRole'],
    resources: passRoles.map((r) => r.roleArn),
    conditions: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
  }));
  return new codedeploy.EcsDeploymentGroup(scope, 'DeploymentGroup', {
    service: props.service,
    deploymentConfig: deploymentConfigOf(scope, props.trafficShift),
    blueGreenDeploymentConfig: {
      blueTargetGroup: props.productionTargetGroup,
      greenTargetGroup: props.wiring.alternateTargetGroup,
      listener: props.productionListener,
      testListener: props.wiring.testListener,
      terminationWaitTime: props.bakeTime,
    },
    alarms: props.alarms,
    role,
    autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
  });
}

function deploymentConfigOf(scope: Construct, shift: TrafficShift): codedeploy.IEcsDeploymentConfig {
  if (shift.kind === TrafficShiftKind.ALL_AT_ONCE) return codedeploy.EcsDeploymentConfig.ALL_AT_ONCE;
  const interval = shift.interval as Duration;
  const percentage = shift.stepPercent as number;
  return new codedeploy.EcsDeploymentConfig(scope, 'DeploymentConfig', {
    trafficRouting: shift.kind === TrafficShiftKind.CANARY
      ? new codedeploy.TimeBasedCanaryTrafficRouting({ interval, percentage })
      : new codedeploy.TimeBasedLinearTrafficRouting({ interval, percentage }),
  });
}
