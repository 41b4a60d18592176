import { Duration } from 'aws-cdk-lib';

/** How a vault lock may be undone. */
export enum VaultLockMode {
  /**
   * After the `changeableFor` grace time the lock is immutable: nobody, not even the root user or AWS,
   * can shorten retention, delete recovery points early or remove the lock.
   */
  COMPLIANCE = 'COMPLIANCE',
  /** Users with `backup:DeleteBackupVaultLockConfiguration` can remove the lock at any time. */
  GOVERNANCE = 'GOVERNANCE',
}

/** AWS Backup vault lock settings. */
export interface VaultLockOptions {
  /**
   * Every backup or copy job into the vault must keep its recovery points at least this long.
   *
   * @default - DrBackupPlan: the shortest retention of its rules; DrVault: 7 days
   */
  readonly minRetention?: Duration;
  /**
   * Every job into the vault must keep its recovery points at most this long.
   *
   * @default - no maximum (air-gapped vaults, which require one: 3650 days)
   */
  readonly maxRetention?: Duration;
  /**
   * Compliance or governance mode.
   *
   * @default VaultLockMode.COMPLIANCE
   */
  readonly mode?: VaultLockMode;
  /**
   * Compliance mode only: the grace time (at least 3 days, AWS Backup's cooling-off period) during which
   * the lock can still be changed or removed. When it ends, the lock becomes immutable for the life of
   * the vault: the vault cannot be deleted while it holds recovery points, and retention cannot be shortened.
   * Deploy a new plan to a test account first; use the grace time to undo a mistake.
   *
   * @default Duration.days(3)
   */
  readonly changeableFor?: Duration;
}
