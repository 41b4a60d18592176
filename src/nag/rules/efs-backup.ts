import { CfnFileSystem } from 'aws-cdk-lib/aws-efs';
import { NagMessageLevel, rules } from 'cdk-nag';
import { isInBackupSelection } from '../helpers/backup-selection';
import { field, known, str } from '../resolve';
import { nagVerdict, ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * EFS file systems are backed up: BackupPolicy ENABLED (EFS automatic backups), or selected by an
 * AWS Backup plan of the stack (cdk-nag's EFSInBackupPlan, plus wildcard-ARN and tag selections).
 * Unresolvable (the policy status is a token): UNKNOWN.
 */
export const EFSBackup: ReliabilityRule = {
  name: 'EFSBackup',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::EFS::FileSystem'],
  bestPractice: 'REL09-BP01',
  info: 'The EFS file system has no backup policy and is in no AWS Backup plan of the stack.',
  explanation: 'Replication and Multi-AZ storage do not protect against deletes and overwrites; only a backup does.',
  fix: 'Set `enableAutomaticBackups: true` on the FileSystem, or add it to a BackupPlan (`BackupResource.fromEfsFileSystem`).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnFileSystem)) return Verdict.NOT_APPLICABLE;
    const policy = known(node, node.backupPolicy, 'BackupPolicy');
    if (str(node, field(policy, 'status'), 'BackupPolicy.Status') === 'ENABLED') return Verdict.COMPLIANT;
    if (nagVerdict(rules.efs.EFSInBackupPlan, node) === Verdict.COMPLIANT) return Verdict.COMPLIANT;
    return verdict(isInBackupSelection(node, index, 'elasticfilesystem'));
  },
};
