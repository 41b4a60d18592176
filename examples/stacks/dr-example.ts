import {
  App, Environment, RemovalPolicy, Stack, StackProps,
  aws_cloudwatch_actions as actions,
  aws_dynamodb as dynamodb,
  aws_iam as iam,
  aws_kms as kms,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { recoveryRegionRouting } from './alerting-stack';
import { customerManagedKey } from './customer-managed-key';
import { CopyTarget, DrBackupPlan, DrVault, OnCallRouting, ProtectedResource, RecoveryObjectives, RecoveryTier } from '../../src';

/** The recovery Region's stack: the vault the primary Region's backups are copied to. */
export class RecoveryVaultStack extends Stack {
  public readonly vault: DrVault;

  public readonly routing: OnCallRouting;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.routing = recoveryRegionRouting(this);
    // Vault events and failed-job alarms go to the team's queue, not to a topic of their own nobody reads.
    this.vault = new DrVault(this, 'OrdersRecoveryVault', { vaultName: 'orders-recovery', notificationTopic: this.routing.ticketTopic });
    this.routing.routeAlarms(this);
  }
}

/** What the primary data stack needs. */
export interface OrdersDataStackProps extends StackProps {
  /** The vault in the recovery Region. */
  readonly recoveryVault: DrVault;
  /** Where vault events and failed backup / copy / restore alarms go (the team's ticket topic). */
  readonly ticketTopic?: sns.ITopic;
  /** Where failed backup / copy / restore alarms page, besides the notification topic. */
  readonly pageTopic?: sns.ITopic;
}

/**
 * The example service's state: an orders table (CMK, point-in-time recovery, deletion protection,
 * retained) protected by a critical-tier DrBackupPlan that copies to the recovery Region.
 */
export class OrdersDataStack extends Stack {
  public readonly table: dynamodb.Table;
  public readonly backupPlan: DrBackupPlan;

  constructor(scope: Construct, id: string, props: OrdersDataStackProps) {
    super(scope, id, props);
    const key = customerManagedKey(this, 'OrdersKey', 'Encrypts the orders table');
    this.table = new dynamodb.Table(this, 'Orders', {
      partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      // The table's own PITR is what meets the critical tier's 15-minute RPO.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.backupPlan = new DrBackupPlan(this, 'OrdersBackup', {
      objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
      resources: [ProtectedResource.dynamoDbTable(this.table)],
      copyTo: CopyTarget.vault(props.recoveryVault),
      notificationTopic: props.ticketTopic,
      alarmActions: props.pageTopic ? [new actions.SnsAction(props.pageTopic)] : [],
    });
  }
}

/** The two stacks of the example's disaster recovery. */
export interface DisasterRecoveryStacks {
  readonly data: OrdersDataStack;
  readonly recovery: RecoveryVaultStack;
}

/** Options of addDisasterRecovery. */
export interface DisasterRecoveryOptions {
  /** Vault events and failed backup / copy / restore jobs (a topic in the primary Region). */
  readonly ticketTopic?: sns.ITopic;
  /** Page on failed backup / copy / restore jobs too (a topic in the primary Region). */
  readonly pageTopic?: sns.ITopic;
}

/**
 * Adds the example's disaster recovery to an app: the recovery vault in `drEnv`'s Region and the
 * orders table with its critical-tier backup plan in `env`'s Region (deployed after the vault).
 */
export function addDisasterRecovery(app: App, env: Environment, drEnv: Environment, options: DisasterRecoveryOptions = {}): DisasterRecoveryStacks {
  const recovery = new RecoveryVaultStack(app, 'OrdersRecovery', { env: drEnv });
  const data = new OrdersDataStack(app, 'OrdersData', { env, recoveryVault: recovery.vault, ticketTopic: options.ticketTopic, pageTopic: options.pageTopic });
  return { data, recovery };
}
