import { ReliabilityRule } from '../rule';
import { AlarmTopicSubscriber } from './alarm-topic-subscriber';
import { AuroraClusterInstances } from './aurora-cluster-instances';
import { AutoScalingGroupELBHealthCheck } from './auto-scaling-group-elb-health-check';
import { AutoScalingGroupMinSize } from './auto-scaling-group-min-size';
import { AutoScalingGroupMultiAZ } from './auto-scaling-group-multi-az';
import { BackupPlanCrossRegionCopy } from './backup-plan-cross-region-copy';
import { BackupPlanRetention } from './backup-plan-retention';
import { BackupVaultLock } from './backup-vault-lock';
import { CloudWatchAlarmAction } from './cloudwatch-alarm-action';
import { CloudWatchCompositeAlarmAction } from './cloudwatch-composite-alarm-action';
import { DynamoDBDeletionProtection } from './dynamodb-deletion-protection';
import { DynamoDBGlobalTableReplica } from './dynamodb-global-table-replica';
import { DynamoDBPITR } from './dynamodb-pitr';
import { EBSBackup } from './ebs-backup';
import { ECSServiceCircuitBreaker } from './ecs-service-circuit-breaker';
import { ECSServiceDeploymentAlarms } from './ecs-service-deployment-alarms';
import { ECSServiceDesiredCount } from './ecs-service-desired-count';
import { ECSServiceMinHealthyPercent } from './ecs-service-min-healthy-percent';
import { ECSServiceMultiAZ } from './ecs-service-multi-az';
import { ECSTaskDefinitionHealthCheck } from './ecs-task-definition-health-check';
import { EFSBackup } from './efs-backup';
import { ElastiCacheMultiAZ } from './elasticache-multi-az';
import { ElastiCacheSnapshots } from './elasticache-snapshots';
import { ELBCrossZone } from './elb-cross-zone';
import { ELBDeletionProtection } from './elb-deletion-protection';
import { ELBMultiAZ } from './elb-multi-az';
import { ELBTargetGroupHealthCheck } from './elb-target-group-health-check';
import { ELBZonalShift } from './elb-zonal-shift';
import { FISStopCondition } from './fis-stop-condition';
import { LambdaAsyncFailureDestination } from './lambda-async-failure-destination';
import { LambdaStreamFailureDestination } from './lambda-stream-failure-destination';
import { RDSBackupRetention } from './rds-backup-retention';
import { RDSDeletionProtection } from './rds-deletion-protection';
import { RDSMultiAZ } from './rds-multi-az';
import { RegionSwitchPlanRouting } from './region-switch-plan-routing';
import { ResiliencyPolicyStrategy } from './resiliency-policy-strategy';
import { S3BucketVersioning } from './s3-bucket-versioning';
import { SQSQueueDLQ } from './sqs-queue-dlq';
import { VPCNatGatewayPerAZ } from './vpc-nat-gateway-per-az';

/** Every rule of the ReliabilityChecks pack, grouped by service, in the order the README lists them. */
export const RELIABILITY_RULES: readonly ReliabilityRule[] = [
  ECSServiceCircuitBreaker,
  ECSServiceDeploymentAlarms,
  ECSServiceDesiredCount,
  ECSServiceMinHealthyPercent,
  ECSServiceMultiAZ,
  ECSTaskDefinitionHealthCheck,
  ELBCrossZone,
  ELBDeletionProtection,
  ELBMultiAZ,
  ELBTargetGroupHealthCheck,
  ELBZonalShift,
  AutoScalingGroupELBHealthCheck,
  AutoScalingGroupMinSize,
  AutoScalingGroupMultiAZ,
  RDSMultiAZ,
  RDSBackupRetention,
  RDSDeletionProtection,
  AuroraClusterInstances,
  DynamoDBPITR,
  DynamoDBDeletionProtection,
  ElastiCacheMultiAZ,
  ElastiCacheSnapshots,
  EFSBackup,
  EBSBackup,
  S3BucketVersioning,
  SQSQueueDLQ,
  LambdaAsyncFailureDestination,
  LambdaStreamFailureDestination,
  VPCNatGatewayPerAZ,
  CloudWatchAlarmAction,
  AlarmTopicSubscriber,
  CloudWatchCompositeAlarmAction,
  FISStopCondition,
  BackupPlanRetention,
  BackupVaultLock,
  BackupPlanCrossRegionCopy,
  DynamoDBGlobalTableReplica,
  RegionSwitchPlanRouting,
  ResiliencyPolicyStrategy,
];
