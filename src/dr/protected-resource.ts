import {
  Stack, Token,
  aws_backup as backup,
  aws_dynamodb as dynamodb,
  aws_ec2 as ec2,
  aws_efs as efs,
  aws_rds as rds,
  aws_s3 as s3,
} from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ProtectedResourceType } from './protected-resource-type';

/** Options for a protected DynamoDB table. */
export interface ProtectedTableOptions {
  /**
   * Whether the table has DynamoDB point-in-time recovery on; it is what lets a table meet an RPO under an hour.
   *
   * @default - read from the table's template when the table is defined in this app, else false
   */
  readonly pointInTimeRecoveryEnabled?: boolean;
}

/** Options for a resource given by ARN or tag. */
export interface ProtectedResourceOptions {
  /**
   * Whether the resource's own point-in-time recovery is on (DynamoDB only).
   *
   * @default false
   */
  readonly pointInTimeRecoveryEnabled?: boolean;
}

/** A tag that selects the resources to protect. */
export interface ProtectedResourceTag {
  readonly key: string;
  readonly value: string;
}

/**
 * A resource a DrBackupPlan protects, with its type (which decides the achievable RPO,
 * restore tests and audit scope).
 */
export class ProtectedResource {
  /** A DynamoDB table (Table or TableV2). */
  public static dynamoDbTable(table: dynamodb.ITable, options: ProtectedTableOptions = {}): ProtectedResource {
    const pitr = options.pointInTimeRecoveryEnabled ?? tablePitrEnabled(table);
    return new ProtectedResource({
      type: ProtectedResourceType.DYNAMODB,
      backupResource: backup.BackupResource.fromDynamoDbTable(table),
      name: table.node.id,
      arn: table.tableArn,
      pointInTimeRecoveryEnabled: pitr,
      construct: table,
    });
  }

  /** An RDS DB instance. */
  public static rdsInstance(instance: rds.IDatabaseInstance): ProtectedResource {
    return new ProtectedResource({
      type: ProtectedResourceType.RDS,
      backupResource: backup.BackupResource.fromRdsDatabaseInstance(instance),
      name: instance.node.id,
      arn: instance.instanceArn,
      construct: instance,
    });
  }

  /** An Aurora DB cluster. */
  public static auroraCluster(cluster: rds.IDatabaseCluster): ProtectedResource {
    return new ProtectedResource({
      type: ProtectedResourceType.AURORA,
      backupResource: backup.BackupResource.fromRdsDatabaseCluster(cluster),
      name: cluster.node.id,
      arn: cluster.clusterArn,
      construct: cluster,
    });
  }

  /** An S3 bucket; AWS Backup needs versioning on (checked for buckets defined in this app). */
  public static s3Bucket(bucket: s3.IBucket): ProtectedResource {
    return new ProtectedResource({
      type: ProtectedResourceType.S3,
      backupResource: backup.BackupResource.fromArn(bucket.bucketArn),
      name: bucket.node.id,
      arn: bucket.bucketArn,
      construct: bucket,
    });
  }

  /** An EFS file system. */
  public static efsFileSystem(fileSystem: efs.IFileSystem): ProtectedResource {
    return new ProtectedResource({
      type: ProtectedResourceType.EFS,
      backupResource: backup.BackupResource.fromEfsFileSystem(fileSystem),
      name: fileSystem.node.id,
      arn: fileSystem.fileSystemArn,
      construct: fileSystem,
    });
  }

  /** An EC2 instance. */
  public static ec2Instance(instance: ec2.IInstance): ProtectedResource {
    const arn = Stack.of(instance).formatArn({ service: 'ec2', resource: 'instance', resourceName: instance.instanceId });
    return new ProtectedResource({
      type: ProtectedResourceType.EC2,
      backupResource: backup.BackupResource.fromEc2Instance(instance),
      name: instance.node.id,
      arn,
      construct: instance,
    });
  }

  /** Any supported resource by ARN (or an ARN pattern such as `arn:aws:dynamodb:*:*:table/orders-*`). */
  public static fromArn(arn: string, type: ProtectedResourceType, options: ProtectedResourceOptions = {}): ProtectedResource {
    return new ProtectedResource({
      type,
      backupResource: backup.BackupResource.fromArn(arn),
      name: Token.isUnresolved(arn) ? '(an ARN token)' : arn,
      arn,
      pointInTimeRecoveryEnabled: options.pointInTimeRecoveryEnabled,
    });
  }

  /** Every resource of `type` that carries the tag `key` = `value`. */
  public static fromTag(key: string, value: string, type: ProtectedResourceType, options: ProtectedResourceOptions = {}): ProtectedResource {
    return new ProtectedResource({
      type,
      backupResource: backup.BackupResource.fromTag(key, value),
      name: `tag ${key}=${value}`,
      tag: { key, value },
      pointInTimeRecoveryEnabled: options.pointInTimeRecoveryEnabled,
    });
  }

  /** The resource's type. */
  public readonly type: ProtectedResourceType;
  /** The AWS Backup selection entry. */
  public readonly backupResource: backup.BackupResource;
  /** A name for messages: the construct id, the ARN or the tag. */
  public readonly name: string;
  /** The resource's ARN, when it is selected by ARN or construct. */
  public readonly arn?: string;
  /** The selecting tag, when it is selected by tag. */
  public readonly tag?: ProtectedResourceTag;
  /** Whether the resource's own point-in-time recovery is on. */
  public readonly pointInTimeRecoveryEnabled: boolean;
  /** The construct, when the resource is one. */
  public readonly construct?: IConstruct;

  private constructor(fields: ProtectedResourceFields) {
    this.type = fields.type;
    this.backupResource = fields.backupResource;
    this.name = fields.name;
    this.arn = fields.arn;
    this.tag = fields.tag;
    this.pointInTimeRecoveryEnabled = fields.pointInTimeRecoveryEnabled ?? false;
    this.construct = fields.construct;
  }
}

interface ProtectedResourceFields {
  readonly type: ProtectedResourceType;
  readonly backupResource: backup.BackupResource;
  readonly name: string;
  readonly arn?: string;
  readonly tag?: ProtectedResourceTag;
  readonly pointInTimeRecoveryEnabled?: boolean;
  readonly construct?: IConstruct;
}

/** Whether a bucket defined in this app has versioning off (an imported bucket cannot be told: false). */
export function bucketVersioningOff(construct: IConstruct | undefined): boolean {
  const child = construct?.node.defaultChild;
  if (!(child instanceof s3.CfnBucket)) return false;
  const versioning = Stack.of(child).resolve(child.versioningConfiguration) as { status?: string; Status?: string } | undefined;
  return (versioning?.status ?? versioning?.Status) !== 'Enabled';
}

/** Reads PITR from a table defined in this app (Table → CfnTable, TableV2 → CfnGlobalTable replicas). */
function tablePitrEnabled(table: dynamodb.ITable): boolean {
  const child = table.node.defaultChild;
  const stack = Stack.of(table);
  if (child instanceof dynamodb.CfnTable) {
    return isPitrOn(stack.resolve(child.pointInTimeRecoverySpecification));
  }
  if (child instanceof dynamodb.CfnGlobalTable) {
    const replicas = stack.resolve(child.replicas) as unknown[] | undefined;
    return Array.isArray(replicas) && replicas.length > 0
      && replicas.every((r) => isPitrOn((r as { PointInTimeRecoverySpecification?: unknown; pointInTimeRecoverySpecification?: unknown })
        .PointInTimeRecoverySpecification ?? (r as { pointInTimeRecoverySpecification?: unknown }).pointInTimeRecoverySpecification));
  }
  return false;
}

function isPitrOn(spec: unknown): boolean {
  if (!spec || typeof spec !== 'object') return false;
  const s = spec as { pointInTimeRecoveryEnabled?: unknown; PointInTimeRecoveryEnabled?: unknown };
  return (s.pointInTimeRecoveryEnabled ?? s.PointInTimeRecoveryEnabled) === true;
}
