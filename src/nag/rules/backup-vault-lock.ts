import { CfnBackupVault } from 'aws-cdk-lib/aws-backup';
import { NagMessageLevel } from 'cdk-nag';
import { field, known, num } from '../resolve';
import { ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * AWS Backup vaults have a vault lock (LockConfiguration with MinRetentionDays). Logically air-gapped
 * vaults are locked by design and not checked. Unresolvable: UNKNOWN.
 */
export const BackupVaultLock: ReliabilityRule = {
  name: 'BackupVaultLock',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::Backup::BackupVault'],
  bestPractice: 'REL09-BP02',
  info: 'The AWS Backup vault has no vault lock.',
  explanation: 'Without a lock, anyone (or anything, such as ransomware with stolen credentials) allowed to delete recovery points can erase the backups together with the data.',
  fix: 'Set `lockConfiguration: { minRetention: Duration.days(7) }` on the BackupVault (DrBackupPlan `vaultLock`).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node) => {
    if (!(node instanceof CfnBackupVault)) return Verdict.NOT_APPLICABLE;
    const lock = known(node, node.lockConfiguration, 'LockConfiguration');
    return verdict(num(node, field(lock, 'minRetentionDays'), 'LockConfiguration.MinRetentionDays') !== undefined);
  },
};
