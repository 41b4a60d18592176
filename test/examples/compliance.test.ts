import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, Validations, aws_s3 as s3 } from 'aws-cdk-lib';
import { synthExampleApp } from '../../examples/compliance/example-assembly';
import { collectAcknowledgements, formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { buildExampleApp } from '../../examples/example-app';

describe('compliance harness', () => {
  test('the example app has zero unacknowledged findings under every pack, and needs no AWS lookup', () => {
    const result = synthExampleApp();
    expect(formatFindings(result.findings)).toBe('');
    // cdk.context.json holds every lookup, so `cdk synth` (the main command) needs no AWS credentials.
    expect(result.missingContext).toEqual([]);
    const checkout = JSON.parse(fs.readFileSync(path.join(result.assemblyDir, 'Checkout.template.json'), 'utf8'));
    const zones = Object.values(checkout.Resources as Record<string, any>)
      .filter((r) => r.Type === 'AWS::EC2::Subnet').map((r) => r.Properties.AvailabilityZone);
    expect(new Set(zones)).toEqual(new Set(['us-east-1a', 'us-east-1b', 'us-east-1c']));
  });

  test('without the cached context the lookup is reported missing (what made the main command call AWS)', () => {
    const assemblyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-nocontext-'));
    const app = new App({ outdir: assemblyDir });
    buildExampleApp(app);
    expect(app.synth().manifest.missing?.map((m) => m.key)).toContain('availability-zones:account=111111111111:region=us-east-1');
  });

  test('an unencrypted bucket is reported by cdk-nag and by cfn-guard', () => {
    const result = synthWithCompliance((app) => {
      const stack = new Stack(app, 'NonCompliant');
      new s3.Bucket(stack, 'PlainBucket');
    });
    const rules = result.findings.map((f) => `${f.plugin}:${f.rule}`);
    expect(rules).toEqual(expect.arrayContaining([
      'AwsSolutions:AwsSolutions-S10',
      'NIST.800.53.R5:NIST.800.53.R5-S3DefaultEncryptionKMS',
      'HIPAA.Security:HIPAA.Security-S3DefaultEncryptionKMS',
      'PCI.DSS.321:PCI.DSS.321-S3DefaultEncryptionKMS',
    ]));
    expect(result.findings.some((f) => f.plugin === 'cdk-validator-cfnguard')).toBe(true);
    expect(result.findings.every((f) => f.constructPath.startsWith('NonCompliant/PlainBucket'))).toBe(true);
  });
});

describe('collectAcknowledgements', () => {
  test('reads the rule, the construct path and the reason of each acknowledgement', () => {
    const app = new App();
    const stack = new Stack(app, 'Acks');
    const bucket = new s3.Bucket(stack, 'Bucket');
    Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: 'access logs go to the central account by org trail' });
    expect(collectAcknowledgements(app)).toEqual([
      { rule: 'AwsSolutions-S1', constructPath: 'Acks/Bucket', reason: 'access logs go to the central account by org trail' },
    ]);
  });
});
