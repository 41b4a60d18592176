import { CloudAssembly } from '../../../src/cli/assembly/cloud-assembly';
import { acknowledgementEntries, collectFindings, splitRuleId, summarizePacks } from '../../../src/cli/report/collect-findings';

const PACKS = ['AwsSolutions', 'NIST.800.53.R5', 'cdk-validator-cfnguard', 'CloudFormation Validate'];

describe('splitRuleId', () => {
  test.each([
    ['Annotation::AwsSolutions-S1', 'AwsSolutions', 'AwsSolutions-S1'],
    ['AwsSolutions-IAM5[Action::s3:*]', 'AwsSolutions', 'AwsSolutions-IAM5[Action::s3:*]'],
    ['Annotation::NIST.800.53.R5-S3BucketLoggingEnabled', 'NIST.800.53.R5', 'NIST.800.53.R5-S3BucketLoggingEnabled'],
    ['cdk-validator-cfnguard::s3_lifecycle_policy_check', 'cdk-validator-cfnguard', 's3_lifecycle_policy_check'],
    // aws-cdk-lib writes the plugin name's spaces as dashes in the id; the row must match the report's plugin.
    ['CloudFormation-Validate::F3032', 'CloudFormation Validate', 'F3032'],
    ['Other-Plugin::R1', 'Other-Plugin', 'R1'],
    ['HIPAA.Security-S3BucketLoggingEnabled', 'HIPAA.Security', 'HIPAA.Security-S3BucketLoggingEnabled'],
  ])('%s → %s / %s', (id, pack, rule) => {
    expect(splitRuleId(id, PACKS)).toEqual({ pack, rule });
  });
});

describe('acknowledgementEntries', () => {
  test('map of id to reason (aws-cdk-lib), single { id, reason }, and garbage', () => {
    expect(acknowledgementEntries({ 'Annotation::AwsSolutions-S1': 'because' })).toEqual([['Annotation::AwsSolutions-S1', 'because']]);
    expect(acknowledgementEntries({ id: 'X-1', reason: 'why' })).toEqual([['X-1', 'why']]);
    expect(acknowledgementEntries('nope')).toEqual([]);
  });
});

function assembly(overrides: Partial<CloudAssembly>): CloudAssembly {
  return { directory: '/x', stacks: [], ...overrides };
}

const stack = (metadata: CloudAssembly['stacks'][number]['metadata']) => ({
  artifactId: 'S', displayName: 'S', templateFile: 'S.template.json', template: {}, metadata, constructPaths: {},
});

describe('collectFindings', () => {
  test('open violations per construct, acknowledgements from metadata enriched by the report', () => {
    const findings = collectFindings(assembly({
      stacks: [stack({ '/S/B': [{ type: 'aws:cdk:acknowledged-rules', data: { 'Annotation::AwsSolutions-S1': 'org trail' } }] })],
      validationReport: {
        pluginReports: [{
          pluginName: 'AwsSolutions',
          violations: [{ ruleName: 'AwsSolutions-S10', description: 'no SSL', severity: 'error', violatingConstructs: [{ constructPath: 'S/B/Resource' }, { constructPath: 'S/C/Resource' }] }],
          suppressedViolations: [{ ruleName: 'AwsSolutions-S1', description: 'no logs', severity: 'warning', suggestedFix: 'add logs', violatingConstructs: [{ constructPath: 'S/B/Resource' }], acknowledgedId: 'AwsSolutions-S1' }],
        }],
      },
    }));
    expect(findings).toEqual([
      expect.objectContaining({ pack: 'AwsSolutions', rule: 'AwsSolutions-S10', severity: 'error', constructPath: 'S/B/Resource', status: 'open' }),
      expect.objectContaining({ pack: 'AwsSolutions', rule: 'AwsSolutions-S10', constructPath: 'S/C/Resource', status: 'open' }),
      { pack: 'AwsSolutions', rule: 'AwsSolutions-S1', severity: 'warning', constructPath: 'S/B', description: 'no logs', suggestedFix: 'add logs', status: 'acknowledged', reason: 'org trail' },
    ]);
    expect(findings[0].suggestedFix).toContain("acknowledge({ id: 'AwsSolutions-S10'");
  });

  test('a suppressed violation without metadata still counts; custom severities keep their name', () => {
    const findings = collectFindings(assembly({
      validationReport: {
        pluginReports: [{
          pluginName: 'Mine',
          violations: [{ ruleName: 'R1', severity: 'custom', customSeverity: 'Sev2', violatingConstructs: [{ constructPath: 'S/X' }] }],
          suppressedViolations: [{ ruleName: 'R2', reason: 'checked by hand', violatingConstructs: [{ constructPath: 'S/Y' }] }],
        }],
      },
    }));
    expect(findings.map((f) => [f.rule, f.severity, f.status, f.reason])).toEqual([
      ['R1', 'sev2', 'open', undefined],
      ['R2', 'error', 'acknowledged', 'checked by hand'],
    ]);
  });

  test('no validation report: only acknowledgements from metadata', () => {
    const findings = collectFindings(assembly({
      stacks: [stack({ '/S/Q': [{ type: 'aws:cdk:acknowledged-rules', data: { 'cdk-validator-cfnguard::sqs_dlq_check': 'no DLQ for a FIFO audit queue' } }] })],
    }));
    expect(findings).toEqual([expect.objectContaining({ pack: 'cdk-validator-cfnguard', rule: 'sqs_dlq_check', severity: 'n/a', status: 'acknowledged' })]);
  });
});

describe('summarizePacks', () => {
  test('counts open findings per severity and acknowledgements, in report order', () => {
    const summary = summarizePacks([
      { pack: 'B', rule: 'r', severity: 'error', constructPath: 'p', description: '', suggestedFix: '', status: 'open' },
      { pack: 'B', rule: 'r', severity: 'warning', constructPath: 'q', description: '', suggestedFix: '', status: 'open' },
      { pack: 'C', rule: 'r', severity: 'n/a', constructPath: 'q', description: '', suggestedFix: '', status: 'acknowledged' },
    ], ['A', 'B']);
    expect(summary).toEqual([
      { pack: 'A', ran: true, open: {}, openTotal: 0, acknowledged: 0 },
      { pack: 'B', ran: true, open: { error: 1, warning: 1 }, openTotal: 2, acknowledged: 0 },
      { pack: 'C', ran: null, open: {}, openTotal: 0, acknowledged: 1 },
    ]);
  });

  test('with the record of registered plugins: a registered pack absent from the report ran, an unregistered one did not', () => {
    const summary = summarizePacks([
      { pack: 'C', rule: 'r', severity: 'n/a', constructPath: 'q', description: '', suggestedFix: '', status: 'acknowledged' },
    ], ['A'], ['A', 'R']);
    expect(summary.map((p) => [p.pack, p.ran])).toEqual([['A', true], ['R', true], ['C', false]]);
  });
});
