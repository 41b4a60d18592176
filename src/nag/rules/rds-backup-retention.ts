import { CfnDBCluster, CfnDBInstance } from 'aws-cdk-lib/aws-rds';
import { NagMessageLevel } from 'cdk-nag';
import { num, resolve, str } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/** The shortest retention that still lets you recover from a problem noticed after a weekend. */
export const MIN_BACKUP_RETENTION_DAYS = 7;

/**
 * RDS DB clusters and standalone DB instances keep automated backups for at least 7 days. Unset
 * is non-compliant (CloudFormation's default is 1 day). Aurora instances and cluster members
 * (the cluster carries the setting) and read replicas are not applicable. Unresolvable: UNKNOWN.
 */
export const RDSBackupRetention: ReliabilityRule = {
  name: 'RDSBackupRetention',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster'],
  bestPractice: 'REL09-BP03',
  info: `The RDS database keeps automated backups for fewer than ${MIN_BACKUP_RETENTION_DAYS} days.`,
  explanation: 'Point-in-time restore only reaches back as far as the backup retention: corruption noticed after the window cannot be undone.',
  fix: `Set \`backupRetention: Duration.days(${MIN_BACKUP_RETENTION_DAYS})\` or more (\`backup: { retention }\` on a DatabaseCluster).`,
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (node instanceof CfnDBInstance) {
      if (resolve(node, node.dbClusterIdentifier) !== undefined) return Verdict.NOT_APPLICABLE;
      if (resolve(node, node.sourceDbInstanceIdentifier) !== undefined) return Verdict.NOT_APPLICABLE;
      if ((str(node, node.engine, 'Engine') ?? '').toLowerCase().startsWith('aurora')) return Verdict.NOT_APPLICABLE;
      return verdict((num(node, node.backupRetentionPeriod, 'BackupRetentionPeriod') ?? 1) >= MIN_BACKUP_RETENTION_DAYS);
    }
    if (node instanceof CfnDBCluster) {
      return verdict((num(node, node.backupRetentionPeriod, 'BackupRetentionPeriod') ?? 1) >= MIN_BACKUP_RETENTION_DAYS);
    }
    return Verdict.NOT_APPLICABLE;
  },
};
