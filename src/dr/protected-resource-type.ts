import { RESOURCE_CAPABILITIES, ResourceCapabilities } from './resource-capabilities';

/**
 * The kind of a protected resource: decides how low its RPO can go (continuous backup, native PITR
 * or hourly snapshots) and how its restore tests and audit controls are scoped.
 */
export class ProtectedResourceType {
  /** Amazon DynamoDB table (RPO under an hour only with the table's own point-in-time recovery). */
  public static readonly DYNAMODB = new ProtectedResourceType('DYNAMODB');
  /** Amazon RDS DB instance (AWS Backup continuous backup). */
  public static readonly RDS = new ProtectedResourceType('RDS');
  /** Amazon Aurora DB cluster (AWS Backup continuous backup). */
  public static readonly AURORA = new ProtectedResourceType('AURORA');
  /** Amazon S3 bucket, versioned (AWS Backup continuous backup). */
  public static readonly S3 = new ProtectedResourceType('S3');
  /** Amazon EFS file system (snapshots only). */
  public static readonly EFS = new ProtectedResourceType('EFS');
  /** Amazon EC2 instance (snapshots only). */
  public static readonly EC2 = new ProtectedResourceType('EC2');
  /** Amazon EBS volume (snapshots only). */
  public static readonly EBS = new ProtectedResourceType('EBS');

  /** @param key our key for the type, e.g. `DYNAMODB` */
  private constructor(public readonly key: string) {}

  /** The AWS Backup resource type name, e.g. `DynamoDB`, `Aurora`. */
  public get backupTypeName(): string {
    return this._capabilities().backupTypeName;
  }

  /** @internal */
  public _capabilities(): ResourceCapabilities {
    return RESOURCE_CAPABILITIES[this.key];
  }
}
