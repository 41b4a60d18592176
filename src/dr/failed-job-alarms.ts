import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { markAlert } from '../common/alert-marker';

/** The AWS/Backup job metrics that count failures, per vault (dimension BackupVaultName). */
export const FAILED_JOB_METRICS: ReadonlyArray<{ readonly id: string; readonly metricName: string; readonly what: string }> = [
  { id: 'BackupJobsFailed', metricName: 'NumberOfBackupJobsFailed', what: 'backup' },
  { id: 'CopyJobsFailed', metricName: 'NumberOfCopyJobsFailed', what: 'copy' },
  { id: 'RestoreJobsFailed', metricName: 'NumberOfRestoreJobsFailed', what: 'restore (including restore tests)' },
];

/**
 * One alarm per failed-job metric of the vault: any failure in an hour alarms, because a single
 * failed backup already widens the real RPO by a whole interval. No data means no job failed.
 */
export function createFailedJobAlarms(scope: Construct, vaultName: string, actions: readonly cloudwatch.IAlarmAction[]): cloudwatch.Alarm[] {
  return FAILED_JOB_METRICS.map(({ id, metricName, what }) => {
    const alarm = new cloudwatch.Alarm(scope, `${id}Alarm`, {
      alarmDescription: `AWS Backup ${what} job failed for vault ${vaultName}`,
      metric: new cloudwatch.Metric({
        namespace: 'AWS/Backup',
        metricName,
        dimensionsMap: { BackupVaultName: vaultName },
        statistic: cloudwatch.Stats.SUM,
        period: Duration.hours(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    for (const action of actions) alarm.addAlarmAction(action);
    // A failed job widens the real RPO: worth a ticket, not a page at night.
    markAlert(alarm, 'TICKET');
    return alarm;
  });
}
