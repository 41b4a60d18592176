import { App, CloudFormationValidatePlugin, Stack, Stage, Validations, aws_s3 as s3 } from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ReliabilityChecks } from '../../src/nag';
import { validationPluginNames } from '../../src/nag/plugin-manifest';
import { parseValidationPluginsRecord, VALIDATION_PLUGINS_METADATA } from '../../src/nag/plugin-record';

/**
 * CANARY for the private aws-cdk-lib API validationPluginNames reads. If one of these fails after an
 * aws-cdk-lib upgrade, the record of registered plugins silently stops being written and every
 * `cdk-reliability report` says "unknown": adapt src/nag/plugin-manifest.ts (or use the public API
 * aws-cdk-lib's deprecation notice on Stage.policyValidationBeta1 announces, Validations.of(stage).plugins).
 */
describe('aws-cdk-lib internals the plugin record relies on (fails loudly when aws-cdk-lib changes them)', () => {
  test('Stage._validationPlugins lists the plugins Validations.of(stage).addPlugins registered, in order', () => {
    const app = new App();
    const nag = new AwsSolutionsChecks(app);
    const reliability = new ReliabilityChecks(app);
    Validations.of(app).addPlugins(nag, reliability);
    expect((app as unknown as { _validationPlugins: unknown[] })._validationPlugins).toEqual([nag, reliability]);
    const stage = new Stage(app, 'Prod');
    expect((stage as unknown as { _validationPlugins: unknown[] })._validationPlugins).toEqual([]);
  });

  test('App._builtinCloudFormationValidation is a boolean that follows AppProps.builtinCloudFormationValidation', () => {
    const builtin = (app: App) => (app as unknown as { _builtinCloudFormationValidation: unknown })._builtinCloudFormationValidation;
    expect(builtin(new App())).toBe(true);
    expect(builtin(new App({ builtinCloudFormationValidation: false }))).toBe(false);
    expect(CloudFormationValidatePlugin.PLUGIN_NAME).toBe('CloudFormation Validate');
  });
});

describe('validationPluginNames', () => {
  const env = process.env.CDK_VALIDATION;
  afterEach(() => { if (env === undefined) delete process.env.CDK_VALIDATION; else process.env.CDK_VALIDATION = env; });

  test('plugins of the app and of every stage, plus the built-in CloudFormation Validate, each once', () => {
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ReliabilityChecks(app));
    const stage = new Stage(app, 'Prod');
    Validations.of(stage).addPlugins(new NIST80053R5Checks(stage), new AwsSolutionsChecks(stage));
    expect(validationPluginNames(app)).toEqual(['AwsSolutions', 'Reliability', 'NIST.800.53.R5', 'CloudFormation Validate']);
  });

  test('no CloudFormation Validate when the app or CDK_VALIDATION=false turns it off', () => {
    const off = new App({ builtinCloudFormationValidation: false });
    Validations.of(off).addPlugins(new ReliabilityChecks(off));
    expect(validationPluginNames(off)).toEqual(['Reliability']);
    process.env.CDK_VALIDATION = 'false';
    expect(validationPluginNames(new App())).toEqual([]);
  });

  test('unknown (undefined), never a guess, when the internals are missing', () => {
    const app = new App();
    Object.defineProperty(app, '_validationPlugins', { get: () => undefined });
    expect(validationPluginNames(app)).toBeUndefined();
    expect(validationPluginNames(new Stack())).toBeUndefined();
  });
});

describe('ReliabilityChecks records the registered plugins in the assembly', () => {
  const recordOf = (stack: Stack, app: App) => {
    const artifact = app.synth().getStackArtifact(stack.artifactId);
    const entries = artifact.findMetadataByType(VALIDATION_PLUGINS_METADATA);
    return entries.map((e) => [e.path, parseValidationPluginsRecord(e.data)]);
  };

  test('on each stack of the app, even when ReliabilityChecks has nothing to report', () => {
    const app = new App();
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ReliabilityChecks(app));
    const stack = new Stack(app, 'Empty');
    new s3.CfnBucket(stack, 'B', { versioningConfiguration: { status: 'Enabled' } });
    Validations.of(stack).acknowledge(
      { id: 'AwsSolutions-S1', reason: 'Test bucket: server access logs are not part of what this test checks' },
      { id: 'AwsSolutions-S10', reason: 'Test bucket: SSL-only bucket policy is not part of what this test checks' },
    );
    expect(recordOf(stack, app)).toEqual([['/Empty', ['AwsSolutions', 'Reliability', 'CloudFormation Validate']]]);
  });

  test('once per stack when two ReliabilityChecks are built with the app; a stage\'s stacks when built with the stage', () => {
    const app = new App();
    Validations.of(app).addPlugins(new ReliabilityChecks(app), new ReliabilityChecks(app));
    const stack = new Stack(app, 'Root');
    const stage = new Stage(app, 'Prod');
    new ReliabilityChecks(stage);
    const inner = new Stack(stage, 'Inner');
    expect(recordOf(stack, app)).toEqual([['/Root', ['Reliability', 'CloudFormation Validate']]]);
    const innerEntries = stage.synth().getStackArtifact(inner.artifactId).findMetadataByType(VALIDATION_PLUGINS_METADATA);
    expect(innerEntries.map((e) => parseValidationPluginsRecord(e.data))).toEqual([['Reliability', 'CloudFormation Validate']]);
  });
});
