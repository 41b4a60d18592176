import { Arn, ArnFormat, Token } from 'aws-cdk-lib';
import { DrVault } from './dr-vault';

/** Where a DrBackupPlan copies its recovery points: a vault in another Region. */
export class CopyTarget {
  /** A DrVault, normally in a stack of another Region (or an air-gapped one). Its lock is checked against the copy retention. */
  public static vault(vault: DrVault): CopyTarget {
    return new CopyTarget(vault.vaultArn, vault.region, vault);
  }

  /** Any vault by ARN (`arn:aws:backup:<region>:<account>:backup-vault:<name>`). */
  public static vaultArn(arn: string): CopyTarget {
    const region = Token.isUnresolved(arn) ? arn : Arn.split(arn, ArnFormat.COLON_RESOURCE_NAME).region ?? '';
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
