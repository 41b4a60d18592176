import { App, Stack, aws_lambda as lambda } from 'aws-cdk-lib';
import { NagRuleCompliance } from 'cdk-nag';
import { latestNodejsRuntime, latestRuntimeName } from '../../src/common/lambda-runtime';
import { defaultPipeline, serviceParts } from '../deploy/fixtures';

// cdk-nag's own rule, run on our function: the source of truth for what AwsSolutions-L1 accepts.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const awsSolutionsL1 = require('cdk-nag/lib/rules/lambda/LambdaLatestVersion').default as (node: unknown) => NagRuleCompliance;

describe('latestRuntimeName (cdk-nag AwsSolutions-L1 ordering)', () => {
  test('picks nodejs26.x once aws-cdk-lib lists it (2.278), whatever the list order', () => {
    const names = ['nodejs', 'nodejs4.3', 'nodejs10.x', 'nodejs24.x', 'nodejs26.x', 'nodejs22.x', 'nodejs24.x', 'python3.14'];
    expect(latestRuntimeName('nodejs', names)).toBe('nodejs26.x');
    expect(latestRuntimeName('nodejs', [...names].reverse())).toBe('nodejs26.x');
  });

  test('compares versions as numbers (10.x after 4.3 and 8.10), and the variable entry "nodejs" counts as version 0', () => {
    expect(latestRuntimeName('nodejs', ['nodejs10.x', 'nodejs4.3', 'nodejs8.10'])).toBe('nodejs10.x');
    expect(latestRuntimeName('nodejs', ['nodejs', 'nodejs4.3'])).toBe('nodejs4.3');
    expect(latestRuntimeName('nodejs', ['nodejs'])).toBe('nodejs');
  });

  test('the family is a name prefix, as in cdk-nag (python3.x under "python"; java8.al2023 is version 8)', () => {
    expect(latestRuntimeName('python', ['python2.7', 'python3.9', 'python3.15', 'python3.10'])).toBe('python3.15');
    expect(latestRuntimeName('java', ['java8.al2023', 'java21', 'java17.al2023'])).toBe('java21');
    expect(latestRuntimeName('ruby', ['nodejs24.x'])).toBeUndefined();
  });

  test('on the installed aws-cdk-lib, agrees with the list cdk-nag reads', () => {
    expect(latestNodejsRuntime().name).toBe(latestRuntimeName('nodejs', lambda.Runtime.ALL.map((r) => r.name)));
    expect(latestNodejsRuntime().family).toBe(lambda.RuntimeFamily.NODEJS);
  });
});

/** The pre-traffic check's CfnFunction of a default pipeline. */
function hookFunction(): lambda.CfnFunction {
  const parts = serviceParts({ stack: new Stack(new App(), 'Runtime', { env: { account: '111111111111', region: 'eu-west-1' } }) });
  const pipeline = defaultPipeline(parts);
  return pipeline.deployments[0].preTrafficCheck!.node.defaultChild as lambda.CfnFunction;
}

describe('AwsSolutions-L1 on the library\'s own Lambda (cdk-nag LambdaLatestVersion reads the installed Runtime.ALL)', () => {
  test('reports nothing for the pre-traffic check on the installed aws-cdk-lib', () => {
    expect(awsSolutionsL1(hookFunction())).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('still reports nothing after aws-cdk-lib adds nodejs26.x (as 2.278 did)', () => {
    const before = lambda.Runtime.ALL.length;
    // The Runtime constructor registers itself in Runtime.ALL, exactly as a newer aws-cdk-lib's static field would.
    new lambda.Runtime('nodejs26.x', lambda.RuntimeFamily.NODEJS, { supportsInlineCode: true });
    try {
      const cfn = hookFunction();
      expect(cfn.runtime).toBe('nodejs26.x');
      expect(awsSolutionsL1(cfn)).toBe(NagRuleCompliance.COMPLIANT);
    } finally {
      lambda.Runtime.ALL.splice(before);
    }
  });
});
