import { App, Stack, aws_arcregionswitch as arc, aws_resiliencehub as resiliencehub } from 'aws-cdk-lib';
import { findings, TestType, validateStack } from '../utils';

const RULE = 'ResiliencyPolicyStrategy';

function policy(stack: Stack, regionRtoSeconds?: number): void {
  const local = { rpoInSecs: 900, rtoInSecs: 3600 };
  new resiliencehub.CfnResiliencyPolicy(stack, 'Policy', {
    policyName: 'orders',
    tier: 'Critical',
    policy: regionRtoSeconds === undefined ? { Software: local, Hardware: local, AZ: local }
      : { Software: local, Hardware: local, AZ: local, Region: { rpoInSecs: 3600, rtoInSecs: regionRtoSeconds } },
  });
}

function app(): App {
  return new App({ builtinCloudFormationValidation: false });
}

describe(RULE, () => {
  test('non-compliant: a one-hour Region RTO with backups only', () => {
    const stack = new Stack(app(), 'Test');
    policy(stack, 3600);
    validateStack(stack, RULE, TestType.NON_COMPLIANCE, 'Test/Policy');
  });

  test('compliant: a four-hour Region RTO backup and restore can meet', () => {
    const stack = new Stack(app(), 'Test');
    policy(stack, 4 * 3600);
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('compliant: a Region switch plan in another stack of the app meets the one-hour RTO', () => {
    const a = app();
    const stack = new Stack(a, 'Test');
    policy(stack, 3600);
    new arc.CfnPlan(new Stack(a, 'Standby'), 'Plan', {
      name: 'plan',
      executionRole: 'arn:aws:iam::123456789012:role/plan',
      recoveryApproach: 'activePassive',
      regions: ['us-east-1', 'us-west-2'],
      recoveryTimeObjectiveMinutes: 15,
      workflows: [{ workflowTargetAction: 'activate' }],
    });
    validateStack(stack, RULE, TestType.COMPLIANCE);
  });

  test('not applicable: no Region entry (nothing promised for a Regional failure)', () => {
    const stack = new Stack(app(), 'Test');
    policy(stack);
    expect([...findings(stack).keys()].filter((id) => id.includes(RULE))).toEqual([]);
  });
});
