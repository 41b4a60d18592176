// Public API of src/dr: re-exports only.
export { RecoveryTier } from './recovery-tier';
export { RecoveryObjectives, RecoveryObjectivesOptions } from './recovery-objectives';
export { ProtectedResourceType } from './protected-resource-type';
export { ProtectedResource, ProtectedResourceOptions, ProtectedResourceTag, ProtectedTableOptions } from './protected-resource';
export { VaultLockMode, VaultLockOptions } from './vault-lock';
export { DrVault, DrVaultProps } from './dr-vault';
export { CopyTarget } from './copy-target';
export { RestoreTestingOptions } from './restore-testing';
export { DrBackupPlan } from './dr-backup-plan';
export { AuditConfigRecorder, AuditConfigRecorderProps } from './audit-config-recorder';
export { BackupRetention, DrBackupPlanProps } from './dr-backup-plan-props';
export { RecoveryStrategy } from './recovery-strategy';
export { IRegionalRecovery } from './regional-recovery';
