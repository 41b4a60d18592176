import { CfnBackupPlan } from 'aws-cdk-lib/aws-backup';
import { NagMessageLevel } from 'cdk-nag';
import { field, known, list, num } from '../resolve';
import { allOf, ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';
import { MIN_BACKUP_RETENTION_DAYS } from './rds-backup-retention';

/**
 * Every rule of an AWS Backup plan keeps its recovery points for at least 7 days (Lifecycle
 * DeleteAfterDays unset, meaning kept until deleted, or >= 7). A plan without rules backs nothing up
 * and is non-compliant. Unresolvable: UNKNOWN.
 */
export const BackupPlanRetention: ReliabilityRule = {
  name: 'BackupPlanRetention',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::Backup::BackupPlan'],
  bestPractice: 'REL09-BP03',
  info: `A rule of the AWS Backup plan keeps recovery points for fewer than ${MIN_BACKUP_RETENTION_DAYS} days (or the plan has no rule).`,
  explanation: 'Corruption or a bad deploy noticed after the retention window can no longer be restored from backup.',
  fix: `Set \`deleteAfter: Duration.days(${MIN_BACKUP_RETENTION_DAYS})\` or more on every BackupPlanRule (35 days for continuous backups).`,
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnBackupPlan)) return Verdict.NOT_APPLICABLE;
    const plan = known(node, node.backupPlan, 'BackupPlan');
    const planRules = list(node, field(plan, 'backupPlanRule'), 'BackupPlanRule') ?? [];
    if (planRules.length === 0) return Verdict.NON_COMPLIANT;
    return allOf(planRules.map((rule) => {
      const lifecycle = known(node, field(known(node, rule, 'a backup rule'), 'lifecycle'), 'Lifecycle');
      const deleteAfter = num(node, field(lifecycle, 'deleteAfterDays'), 'Lifecycle.DeleteAfterDays');
      return verdict(deleteAfter === undefined || deleteAfter >= MIN_BACKUP_RETENTION_DAYS);
    }));
  },
};
