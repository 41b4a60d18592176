import { ReliabilityReport, ReportFinding } from '../../../src/cli/report/report-model';

const finding = (pack: string, rule: string, severity: string, constructPath: string, extra: Partial<ReportFinding> = {}): ReportFinding => ({
  pack, rule, severity, constructPath, description: `${rule} description`, suggestedFix: `fix ${rule}`, status: 'open', ...extra,
});

/** A report model with findings in three packs and three severities, for the renderers' tests. */
export function sampleReport(): ReliabilityReport {
  const findings: ReportFinding[] = [
    finding('AwsSolutions', 'AwsSolutions-S10', 'error', 'App/Bucket/Resource'),
    finding('AwsSolutions', 'AwsSolutions-SQS3', 'warning', 'App/Queue/Resource'),
    finding('NIST.800.53.R5', 'NIST.800.53.R5-S3BucketLoggingEnabled', 'error', 'App/Bucket/Resource'),
    finding('NIST.800.53.R5', 'NIST.800.53.R5-CloudWatchAlarmAction', 'error', 'App/Alarm/Resource'),
    finding('CloudFormation Validate', 'F3003', 'warning', 'App/Pipeline'),
    finding('ReliabilityChecks', 'ReliabilityChecks-EcsServiceCircuitBreaker', 'info', 'App/Service'),
    finding('AwsSolutions', 'AwsSolutions-S1', 'n/a', 'App/Bucket', { status: 'acknowledged', reason: 'Logs go to the org trail bucket <checked>' }),
  ];
  return {
    assemblyDirectory: '/tmp/cdk.out',
    stacks: ['App'],
    validationReportFound: true,
    registeredPlugins: ['AwsSolutions', 'NIST.800.53.R5', 'ReliabilityChecks', 'CloudFormation Validate'],
    packs: [
      { pack: 'AwsSolutions', ran: true, open: { error: 1, warning: 1 }, openTotal: 2, acknowledged: 1 },
      { pack: 'NIST.800.53.R5', ran: true, open: { error: 2 }, openTotal: 2, acknowledged: 0 },
      { pack: 'CloudFormation Validate', ran: true, open: { warning: 1 }, openTotal: 1, acknowledged: 0 },
      { pack: 'ReliabilityChecks', ran: true, open: { info: 1 }, openTotal: 1, acknowledged: 0 },
    ],
    findings,
    slos: [{
      stack: 'App',
      constructPath: 'App/Slos',
      service: 'checkout',
      name: 'Availability',
      objectivePercent: 99.9,
      window: '30 d',
      windows: [{ severity: 'PAGE', longWindow: '1 h', shortWindow: '5 min', burnRate: 14.4, threshold: 0.014400000000000001 }],
      alarmCount: 3,
      monthlyCostUsd: 0.9,
    }],
    disasterRecovery: {
      resiliencyPolicies: [{ stack: 'App', constructPath: 'App/Policy', name: 'critical', tier: 'Critical', objectives: [{ disruption: 'Region', rto: '4 h', rpo: '1 h' }] }],
      backupPlans: [{ stack: 'App', constructPath: 'App/Plan', name: 'hourly', rules: [{ name: 'Hourly', schedule: 'cron(0 * * * ? *)', retention: 'delete after 35 days', continuousBackup: true, copyTo: ['arn:aws:backup:us-west-2:1:backup-vault:dr'] }], resources: ['table/orders'] }],
      vaults: [{ stack: 'App', constructPath: 'App/Vault', name: 'vault', lock: 'vault lock: min retention 7 days' }],
      restoreTests: [{ stack: 'App', constructPath: 'App/RestoreTest', name: 'weekly', schedule: 'cron(0 5 ? * MON *)' }],
    },
    chaosExperiments: [{ stack: 'App', constructPath: 'App/Chaos', description: 'Stop <tasks>', actions: ['Stop: aws:ecs:stop-task'], targets: ['Tasks: aws:ecs:task (ALL)'], stopConditions: ['latency-high'] }],
    rollbackAlarms: [{ stack: 'App', constructPath: 'App/Service', kind: 'ECS service', target: 'checkout', alarms: ['latency-high'], onAlarm: 'roll back' }],
    capacity: [
      {
        stack: 'App',
        constructPath: 'App/Api/Service',
        minCapacity: 3,
        maxCapacity: 9,
        targets: ['CPU 60 %', '1000 requests per task per minute'],
        guardrails: [{ kind: 'ceiling', description: 'Api: running tasks at or above 80 % <of> the maximum', monthlyCostUsd: 0.1 }],
        guardrailsMonthlyCostUsd: 0.1,
      },
      { stack: 'App', constructPath: 'App/Worker/Service', minCapacity: 1, maxCapacity: 4, targets: [], guardrails: null, guardrailsMonthlyCostUsd: 0 },
    ],
  };
}
