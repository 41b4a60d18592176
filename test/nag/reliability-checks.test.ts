import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  App, CfnParameter, Duration, Stack, Validations, aws_cloudwatch as cloudwatch, aws_dynamodb as dynamodb, aws_ec2 as ec2,
  aws_ecs as ecs, aws_rds as rds, aws_s3 as s3, aws_sqs as sqs,
} from 'aws-cdk-lib';
import { NagMessageLevel } from 'cdk-nag';
import { fargateService } from './fixtures';
import { renderRulesTable } from './rules-table';
import { findingIds, findings, newStack } from './utils';
import { formatFindings, readUnacknowledgedFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { ReliabilityChecks } from '../../src/nag';
import { UnresolvableValue } from '../../src/nag/resolve';
import { Unresolved } from '../../src/nag/rule';
import { RELIABILITY_RULES } from '../../src/nag/rules';

/** An app of plain aws-cdk-lib defaults: every resource here has a reliability gap. */
function plainDefaults(stack: Stack): void {
  const vpc = new ec2.Vpc(stack, 'Vpc', { natGateways: 1 });
  new rds.DatabaseInstance(stack, 'Db', {
    engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
    vpc,
  });
  new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } });
  new sqs.Queue(stack, 'Queue');
  new cloudwatch.Alarm(stack, 'Alarm', {
    metric: new cloudwatch.Metric({ namespace: 'Shop', metricName: 'Errors' }),
    threshold: 1,
    evaluationPeriods: 1,
  });
}

describe('ReliabilityChecks', () => {
  test('the rule list is locked (sorted ids)', () => {
    expect([...new ReliabilityChecks().ruleIds!].sort()).toEqual([
      'Reliability-AlarmTopicSubscriber',
      'Reliability-AuroraClusterInstances',
      'Reliability-AutoScalingGroupELBHealthCheck',
      'Reliability-AutoScalingGroupMinSize',
      'Reliability-AutoScalingGroupMultiAZ',
      'Reliability-BackupPlanCrossRegionCopy',
      'Reliability-BackupPlanRetention',
      'Reliability-BackupVaultLock',
      'Reliability-CloudWatchAlarmAction',
      'Reliability-CloudWatchCompositeAlarmAction',
      'Reliability-DynamoDBDeletionProtection',
      'Reliability-DynamoDBGlobalTableReplica',
      'Reliability-DynamoDBPITR',
      'Reliability-EBSBackup',
      'Reliability-ECSServiceCircuitBreaker',
      'Reliability-ECSServiceDeploymentAlarms',
      'Reliability-ECSServiceDesiredCount',
      'Reliability-ECSServiceMinHealthyPercent',
      'Reliability-ECSServiceMultiAZ',
      'Reliability-ECSTaskDefinitionHealthCheck',
      'Reliability-EFSBackup',
      'Reliability-ELBCrossZone',
      'Reliability-ELBDeletionProtection',
      'Reliability-ELBMultiAZ',
      'Reliability-ELBTargetGroupHealthCheck',
      'Reliability-ELBZonalShift',
      'Reliability-ElastiCacheMultiAZ',
      'Reliability-ElastiCacheSnapshots',
      'Reliability-FISStopCondition',
      'Reliability-LambdaAsyncFailureDestination',
      'Reliability-LambdaStreamFailureDestination',
      'Reliability-RDSBackupRetention',
      'Reliability-RDSDeletionProtection',
      'Reliability-RDSMultiAZ',
      'Reliability-RegionSwitchPlanRouting',
      'Reliability-ResiliencyPolicyStrategy',
      'Reliability-S3BucketVersioning',
      'Reliability-SQSQueueDLQ',
      'Reliability-VPCNatGatewayPerAZ',
    ]);
  });

  test('every rule names a Well-Architected best practice, a level, a fix and an unresolved policy', () => {
    for (const rule of RELIABILITY_RULES) {
      expect(rule.bestPractice).toMatch(/^REL\d{2}-BP\d{2}$/);
      expect([NagMessageLevel.ERROR, NagMessageLevel.WARN]).toContain(rule.level);
      expect(rule.fix.length).toBeGreaterThan(20);
      expect(rule.resourceTypes.length).toBeGreaterThan(0);
      expect(Object.values(Unresolved)).toContain(rule.whenUnresolved);
    }
    expect(new Set(RELIABILITY_RULES.map((rule) => rule.name)).size).toBe(RELIABILITY_RULES.length);
  });

  test('an app of plain aws-cdk-lib defaults fails with the expected rule ids', () => {
    const stack = newStack();
    plainDefaults(stack);
    const all = findings(stack);
    expect([...all.keys()].sort()).toEqual([
      'Reliability-CloudWatchAlarmAction',
      'Reliability-DynamoDBDeletionProtection',
      'Reliability-DynamoDBPITR',
      'Reliability-RDSBackupRetention',
      'Reliability-RDSDeletionProtection',
      'Reliability-RDSMultiAZ',
      'Reliability-SQSQueueDLQ',
      'Reliability-VPCNatGatewayPerAZ',
    ]);
    expect(all.get('Reliability-VPCNatGatewayPerAZ')).toEqual(['Test/Vpc/Resource']);
    expect(all.get('Reliability-RDSMultiAZ')).toEqual(['Test/Db/Resource']);
  });

  test('the info text names the best practice', () => {
    const stack = newStack();
    new sqs.Queue(stack, 'Queue');
    const report = new ReliabilityChecks().validateScope(stack);
    expect(report.violations).toEqual([expect.objectContaining({
      ruleName: 'Reliability-SQSQueueDLQ',
      severity: 'error',
      description: expect.stringContaining('(Well-Architected REL05-BP04)'),
    })]);
  });

  test('an unresolvable value is reported as [Unresolved] with its own description, never as a thrown error', () => {
    const stack = newStack();
    const service = fargateService(stack);
    (service.node.defaultChild as ecs.CfnService).deploymentConfiguration = { 'Fn::If': ['Cond', {}, {}] } as unknown as ecs.CfnService.DeploymentConfigurationProperty;
    const report = new ReliabilityChecks().validateScope(stack);
    const unresolved = report.violations.filter((violation) => violation.ruleName.endsWith('[Unresolved]'));
    expect(unresolved.map((violation) => violation.ruleName).sort()).toEqual([
      'Reliability-ECSServiceCircuitBreaker[Unresolved]',
      'Reliability-ECSServiceDeploymentAlarms[Unresolved]',
      'Reliability-ECSServiceMinHealthyPercent[Unresolved]',
    ]);
    expect(unresolved[0].description).toMatch(/^Cannot be checked at synth time/);
    expect(report.violations.some((violation) => violation.description.includes('Rule threw an error'))).toBe(false);
  });

  describe('a rule that throws', () => {
    const versioning = RELIABILITY_RULES.find((rule) => rule.name === 'S3BucketVersioning')!;
    afterEach(() => jest.restoreAllMocks());

    test('an UnresolvableValue becomes the [Unresolved] finding', () => {
      jest.spyOn(versioning, 'check').mockImplementation(() => { throw new UnresolvableValue('VersioningConfiguration'); });
      const stack = newStack();
      new s3.Bucket(stack, 'Bucket', { versioned: true });
      expect(findingIds(stack)).toEqual(['Reliability-S3BucketVersioning[Unresolved]']);
    });

    test('any other error is reported as the rule\'s finding with its message, not as unresolved or as a pass', () => {
      jest.spyOn(versioning, 'check').mockImplementation(() => { throw new TypeError('Cannot read properties of undefined (reading \'status\')'); });
      const stack = newStack();
      new s3.Bucket(stack, 'Bucket', { versioned: true });
      App.of(stack)!.synth();
      const report = new ReliabilityChecks().validateScope(stack);
      expect(report.violations.map((violation) => violation.ruleName)).toEqual(['Reliability-S3BucketVersioning']);
      expect(report.violations[0].description).toContain(
        'Rule threw an error during validation: TypeError: Cannot read properties of undefined (reading \'status\'). This is a bug in cdk-reliability');
      expect(report.violations[0].violatingResources.map((r) => r.constructPath)).toEqual(['Test/Bucket/Resource']);
    });
  });

  test('an acknowledgement removes exactly the acknowledged finding', () => {
    const stack = newStack();
    const queue = new sqs.Queue(stack, 'Queue');
    new sqs.Queue(stack, 'Other');
    Validations.of(queue).acknowledge({ id: 'Reliability-SQSQueueDLQ', reason: 'Events are replayable from the source stream; a DLQ adds nothing here.' });
    expect(findings(stack).get('Reliability-SQSQueueDLQ')).toEqual(['Test/Other/Resource']);
  });

  test('an unresolved finding is acknowledged by its own id', () => {
    const stack = newStack();
    const bucket = new s3.CfnBucket(stack, 'Bucket', { versioningConfiguration: { status: new CfnParameter(stack, 'Status').valueAsString } });
    expect(findingIds(stack)).toEqual(['Reliability-S3BucketVersioning[Unresolved]']);
    Validations.of(bucket).acknowledge({
      id: 'Reliability-S3BucketVersioning[Unresolved]',
      reason: 'The Status parameter only accepts Enabled (AllowedValues in the pipeline template).',
    });
    expect(findingIds(stack)).toEqual([]);
  });

  test('verbose reports carry the explanation and the fix', () => {
    const stack = newStack();
    new sqs.Queue(stack, 'Queue');
    const [violation] = new ReliabilityChecks(undefined, { verbose: true }).validateScope(stack).violations;
    expect(violation.description).toContain('Fix: Set `deadLetterQueue: { queue: dlq, maxReceiveCount: 5 }` on the Queue.');
  });

  test('each run sees the tree as it is now', () => {
    const stack = newStack();
    const checks = new ReliabilityChecks();
    new sqs.Queue(stack, 'Queue', { deadLetterQueue: { queue: new sqs.Queue(stack, 'Dlq'), maxReceiveCount: 3 } });
    expect(checks.validateScope(stack).success).toBe(true);
    new s3.Bucket(stack, 'Bucket');
    expect(checks.validateScope(stack).violations.map((violation) => violation.ruleName)).toEqual(['Reliability-S3BucketVersioning']);
  });

  test('as a policy-validation plugin, its findings land in validation-report.json', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'reliability-'));
    const app = new App({ outdir, builtinCloudFormationValidation: false });
    Validations.of(app).addPlugins(new ReliabilityChecks(app));
    new s3.Bucket(new Stack(app, 'Plain'), 'Bucket');
    expect(() => app.synth()).toThrow(/Reliability-S3BucketVersioning/);
    expect(readUnacknowledgedFindings(outdir)).toEqual([{
      plugin: 'Reliability',
      rule: 'Reliability-S3BucketVersioning',
      severity: 'error',
      constructPath: 'Plain/Bucket/Resource',
    }]);
  });

  test('runs next to every compliance pack of the harness; a reliable bucket has no Reliability finding', () => {
    const result = synthWithCompliance((app) => {
      Validations.of(app).addPlugins(new ReliabilityChecks(app));
      new s3.Bucket(new Stack(app, 'Reliable'), 'Bucket', {
        versioned: true,
        lifecycleRules: [{ noncurrentVersionExpiration: Duration.days(30) }],
      });
    });
    expect(formatFindings(result.findings.filter((finding) => finding.plugin === 'Reliability'))).toBe('');
    expect(result.findings.length).toBeGreaterThan(0);
  });

  test('each stack is checked with its own resources', () => {
    const app = new App({ builtinCloudFormationValidation: false });
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    new sqs.Queue(a, 'Queue');
    new sqs.Queue(b, 'Queue');
    expect(findings(a).get('Reliability-SQSQueueDLQ')).toEqual(['A/Queue/Resource']);
    expect(findingIds(b)).toEqual(['Reliability-SQSQueueDLQ']);
  });
});

describe('docs/reliability-checks.md', () => {
  test('holds the rules table exactly as rendered from the rules', () => {
    const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'reliability-checks.md'), 'utf8');
    expect(docs).toContain(renderRulesTable(RELIABILITY_RULES));
    expect(docs).toContain(`It has ${RELIABILITY_RULES.length} rules.`);
  });
});
