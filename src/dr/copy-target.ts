import { Token } from 'aws-cdk-lib';
import { parseVaultArn } from './dr-input-rules';
import { DrVault } from './dr-vault';
import { describeValue, ReliabilityValidationError } from '../common/errors';

/** Where a DrBackupPlan copies its recovery points: a vault in another Region. */
export class CopyTarget {
  /** A DrVault, normally in a stack of another Region (or an air-gapped one). Its lock is checked against the copy retention. */
  public static vault(vault: DrVault): CopyTarget {
    if (!(vault instanceof DrVault)) {
      throw new ReliabilityValidationError(`CopyTarget.vault: vault must be a DrVault, got ${describeValue(vault)}`);
    }
    return new CopyTarget(vault.vaultArn, vault.region, vault);
  }

  /**
   * Any vault by ARN (`arn:aws:backup:<region>:<account>:backup-vault:<name>`); DrBackupPlan checks the ARN and
   * its Region name at synth.
   */
  public static vaultArn(arn: string): CopyTarget {
    const region = typeof arn === 'string' && Token.isUnresolved(arn) ? arn : parseVaultArn(String(arn))?.region ?? '';
    return new CopyTarget(arn, region, undefined);
  }

  private constructor(
    /** The destination vault's ARN. */
    public readonly destinationVaultArn: string,
    /** The destination's Region (a token when unknown at synth). */
    public readonly destinationRegion: string,
    /** The DrVault, when the target is one. */
    public readonly drVault?: DrVault,
  ) {}
}
