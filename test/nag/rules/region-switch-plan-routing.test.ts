import { Stack, aws_arcregionswitch as arc } from 'aws-cdk-lib';
import { newStack, TestType, validateStack } from '../utils';

const RULE = 'RegionSwitchPlanRouting';
const env = { account: '123456789012', region: 'us-west-2' };
const SCALE: arc.CfnPlan.StepProperty = {
  name: 'Scale',
  executionBlockType: 'ECSServiceScaling',
  executionBlockConfiguration: { ecsCapacityIncreaseConfig: { services: [{ serviceArn: 'arn:aws:ecs:us-west-2:123456789012:service/c/s' }], targetPercent: 100 } },
};
const ROUTE: arc.CfnPlan.StepProperty = {
  name: 'Route',
  executionBlockType: 'Route53HealthCheck',
  executionBlockConfiguration: { route53HealthCheckConfig: { hostedZoneId: 'Z1', recordName: 'app.example.com' } },
};

function plan(stack: Stack, steps: arc.CfnPlan.StepProperty[]): void {
  new arc.CfnPlan(stack, 'Plan', {
    name: 'plan',
    executionRole: 'arn:aws:iam::123456789012:role/plan',
    recoveryApproach: 'activePassive',
    primaryRegion: 'us-east-1',
    regions: ['us-east-1', 'us-west-2'],
    workflows: [{ workflowTargetAction: 'activate', workflowTargetRegion: 'us-west-2', steps }],
  });
}

describe(RULE, () => {
  test('compliant: scale, then a Route 53 health check step', () => {
    const stack = newStack({ env });
    plan(stack, [SCALE, ROUTE]);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: the routing step inside a parallel block', () => {
    const stack = newStack({ env });
    plan(stack, [{ name: 'Both', executionBlockType: 'Parallel', executionBlockConfiguration: { parallelConfig: { steps: [SCALE, ROUTE] } } }]);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('non-compliant: scales the standby but moves no traffic', () => {
    const stack = newStack({ env });
    plan(stack, [SCALE]);
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Plan');
  });

  test('unresolved: only a child plan could route', () => {
    const stack = newStack({ env });
    plan(stack, [SCALE, { name: 'Child', executionBlockType: 'ARCRegionSwitchPlan', executionBlockConfiguration: { regionSwitchPlanConfig: { arn: 'arn:aws:arc-region-switch::123456789012:plan/child:abcdef' } } }]);
    validateStack(stack, RULE, TestType.UNRESOLVED);
  });
});
