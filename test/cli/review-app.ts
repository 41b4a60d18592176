import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  App, CfnResource, Duration, Stack, Validations,
  aws_backup as backup, aws_cloudwatch as cloudwatch, aws_ecs as ecs, aws_fis as fis,
  aws_resiliencehub as resiliencehub, aws_s3 as s3,
} from 'aws-cdk-lib';
import { AwsSolutionsChecks, NIST80053R5Checks } from 'cdk-nag';
import { ServiceLevelObjective, SloAlarmSet } from '../../src/slo';

/** Metric names of the review app, shared with the tests' metric files. */
export const SHOP = {
  namespace: 'Shop',
  dimensions: { Service: 'checkout' },
  errors: 'Errors',
  requests: 'Requests',
  latency: 'Latency',
} as const;

/** Epoch ms of the first minute of checkoutMetrics. */
export const METRICS_T0 = Date.parse('2026-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

/** 25 minutes of checkout metrics; latency (and errors, if `incident`) high during minutes 10–14. */
export function checkoutMetrics(incident: boolean) {
  const minutes = Array.from({ length: 25 }, (_, i) => i);
  const during = (i: number) => incident && i >= 10 && i < 15;
  const entry = (metricName: string, value: (i: number) => number) => ({
    namespace: SHOP.namespace,
    metricName,
    dimensions: SHOP.dimensions,
    period: 60,
    points: minutes.map((i) => ({ timestamp: iso(METRICS_T0 + i * 60_000), value: value(i) })),
  });
  return {
    metrics: [
      entry(SHOP.latency, (i) => (during(i) ? 900 : 100)),
      entry(SHOP.errors, (i) => (during(i) ? 50 : 0)),
      // A statistic set: 100 requests a minute.
      {
        ...entry(SHOP.requests, () => 0),
        points: minutes.map((i) => ({ timestamp: iso(METRICS_T0 + i * 60_000), sum: 100, sampleCount: 100, minimum: 1, maximum: 1 })),
      },
    ],
  };
}

export const LATENCY_ALARM_NAME = 'checkout-latency-high';
export const ACK_REASON = 'Server access logs go to the organisation trail bucket, checked by the org config rule';

/**
 * A small app that exercises every section of the report: open findings under two packs (with
 * error and warning severities), an acknowledgement, an SloAlarmSet, a metric alarm, a FIS
 * experiment with a stop condition, backups with objectives, and rollback alarms of an ECS service
 * and a CodePipeline stage. Not compliant on purpose.
 */
export function buildReviewApp(app: App): Stack {
  const stack = new Stack(app, 'Review', { env: { account: '111111111111', region: 'eu-west-1' } });

  const bucket = new s3.Bucket(stack, 'Uploads');
  Validations.of(bucket).acknowledge({ id: 'AwsSolutions-S1', reason: ACK_REASON });

  const metric = (metricName: string, statistic = 'Sum') => new cloudwatch.Metric({
    namespace: SHOP.namespace, metricName, dimensionsMap: { ...SHOP.dimensions }, statistic, period: Duration.minutes(1),
  });
  new SloAlarmSet(stack, 'CheckoutSlos', {
    serviceName: 'checkout',
    slos: [ServiceLevelObjective.availability({
      name: 'Availability', objectivePercent: 99.9, badEvents: metric(SHOP.errors), validEvents: metric(SHOP.requests),
    })],
  });

  const latency = new cloudwatch.Alarm(stack, 'LatencyAlarm', {
    alarmName: LATENCY_ALARM_NAME,
    metric: metric(SHOP.latency, 'Average'),
    threshold: 500,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.MISSING,
  });

  // A dimension that is a token at synth: backtest reads its value from the deployed alarm.
  new cloudwatch.Alarm(stack, 'UploadErrors', {
    metric: new cloudwatch.Metric({
      namespace: 'AWS/S3',
      metricName: '5xxErrors',
      dimensionsMap: { BucketName: bucket.bucketName, FilterId: 'all' },
      statistic: 'Sum',
      period: Duration.minutes(1),
    }),
    threshold: 10,
    evaluationPeriods: 1,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
  });

  new fis.CfnExperimentTemplate(stack, 'StopTasks', {
    description: 'Stop a third of the checkout tasks',
    roleArn: 'arn:aws:iam::111111111111:role/fis-checkout',
    stopConditions: [{ source: 'aws:cloudwatch:alarm', value: latency.alarmArn }],
    targets: { Tasks: { resourceType: 'aws:ecs:task', selectionMode: 'PERCENT(33)', resourceTags: { service: 'checkout' } } },
    actions: { StopTasks: { actionId: 'aws:ecs:stop-task', targets: { Tasks: 'Tasks' } } },
    tags: { Name: 'stop-tasks' },
  });

  const vault = new backup.CfnBackupVault(stack, 'Vault', {
    backupVaultName: 'checkout-vault',
    lockConfiguration: { minRetentionDays: 7, maxRetentionDays: 35, changeableForDays: 3 },
  });
  const plan = new backup.CfnBackupPlan(stack, 'Plan', {
    backupPlan: {
      backupPlanName: 'checkout-hourly',
      backupPlanRule: [{
        ruleName: 'Hourly',
        targetBackupVault: vault.ref,
        scheduleExpression: 'cron(0 * * * ? *)',
        lifecycle: { deleteAfterDays: 35 },
      }],
    },
  });
  new backup.CfnBackupSelection(stack, 'Selection', {
    backupPlanId: plan.attrBackupPlanId,
    backupSelection: { selectionName: 'tables', iamRoleArn: 'arn:aws:iam::111111111111:role/backup', resources: ['arn:aws:dynamodb:eu-west-1:111111111111:table/orders'] },
  });
  new resiliencehub.CfnResiliencyPolicy(stack, 'Objectives', {
    policyName: 'checkout-critical',
    tier: 'Critical',
    policy: {
      Software: { rpoInSecs: 300, rtoInSecs: 900 },
      Hardware: { rpoInSecs: 300, rtoInSecs: 900 },
      AZ: { rpoInSecs: 300, rtoInSecs: 900 },
      Region: { rpoInSecs: 3600, rtoInSecs: 14400 },
    },
  });

  new ecs.CfnService(stack, 'Service', {
    serviceName: 'checkout',
    deploymentConfiguration: {
      alarms: { alarmNames: [latency.alarmName], enable: true, rollback: true },
      deploymentCircuitBreaker: { enable: true, rollback: true },
    },
  });
  new CfnResource(stack, 'Pipeline', {
    type: 'AWS::CodePipeline::Pipeline',
    properties: {
      Name: 'checkout-delivery',
      Stages: [{
        Name: 'Deploy',
        Actions: [],
        OnFailure: {
          Result: 'ROLLBACK',
          Conditions: [{ Result: 'ROLLBACK', Rules: [{ Name: 'Latency', RuleTypeId: { Category: 'Rule', Owner: 'AWS', Provider: 'CloudWatchAlarm', Version: '1' }, Configuration: { AlarmName: latency.alarmName } }] }],
        },
      }],
    },
  });
  return stack;
}

/**
 * Synthesizes the review app with two cdk-nag packs into a fresh directory. Commands that read only the
 * templates (runbook, postmortem) pass `validation: false`: no pack, no built-in CloudFormation validation,
 * a fraction of the synth time.
 */
export function synthReviewApp(options: { readonly validation?: boolean } = {}): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-review-'));
  const validation = options.validation ?? true;
  const app = new App({ outdir, ...(validation ? {} : { builtinCloudFormationValidation: false }) });
  if (validation) Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new NIST80053R5Checks(app));
  buildReviewApp(app);
  try {
    app.synth();
  } catch (error) {
    // Error-level findings make synth throw after the report is written; that is the point here.
    if (!fs.existsSync(path.join(outdir, 'validation-report.json'))) throw error;
  }
  return outdir;
}
