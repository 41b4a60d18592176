import {
  App, Environment, Lazy, RemovalPolicy, Stack, StackProps,
  aws_cloudwatch as cloudwatch,
  aws_cloudwatch_actions as actions,
  aws_dynamodb as dynamodb,
  aws_kms as kms,
  aws_sns as sns,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { recoveryRegionRouting } from './alerting-stack';
import { customerManagedKey } from './customer-managed-key';
import { addWarmStandby, WarmStandbyStacks } from './standby-example';
import {
  CopyTarget, DrBackupPlan, DrVault, IRegionalRecovery, OnCallRouting, ProtectedResource, RecoveryObjectives, RecoveryTier,
  ReliableService,
} from '../../src';

/** The recovery Region's stack: the vault the primary Region's backups are copied to, and the orders replica's key. */
export class RecoveryVaultStack extends Stack {
  public readonly vault: DrVault;
  /**
   * The alias of the key that encrypts the orders table's replica in this Region. A global table names each replica's
   * key; the alias ARN is formatted from its name and this stack's env, so the primary stack needs no cross-Region reference.
   */
  public readonly replicaKeyAlias: kms.Alias;

  public readonly routing: OnCallRouting;

  constructor(scope: Construct, id: string, props: StackProps) {
    super(scope, id, props);
    this.routing = recoveryRegionRouting(this);
    // Vault events and failed-job alarms go to the team's queue, not to a topic of their own nobody reads.
    this.vault = new DrVault(this, 'OrdersRecoveryVault', { vaultName: 'orders-recovery', notificationTopic: this.routing.ticketTopic });
    this.routing.routeAlarms(this);
    const key = customerManagedKey(this, 'OrdersReplicaKey', 'Encrypts the orders table replica');
    this.replicaKeyAlias = key.addAlias('alias/orders-replica');
  }
}

/** What the primary data stack needs. */
export interface OrdersDataStackProps extends StackProps {
  /** The recovery Region's stack: its vault and the replica key. */
  readonly recovery: RecoveryVaultStack;
  /** Where vault events and failed backup / copy / restore alarms go (the team's ticket topic). */
  readonly ticketTopic?: sns.ITopic;
  /** Where failed backup / copy / restore alarms page, besides the notification topic. */
  readonly pageTopic?: sns.ITopic;
}

/**
 * The example service's state: an orders global table (CMK in each Region, point-in-time recovery, deletion
 * protection, retained; its replica comes from the warm standby) protected by a critical-tier DrBackupPlan that
 * copies to the recovery Region.
 */
export class OrdersDataStack extends Stack {
  public readonly table: dynamodb.TableV2;
  private readonly props: OrdersDataStackProps;
  private plan?: DrBackupPlan;

  constructor(scope: Construct, id: string, props: OrdersDataStackProps) {
    super(scope, id, props);
    this.props = props;
    const key = customerManagedKey(this, 'OrdersKey', 'Encrypts the orders table');
    this.table = new dynamodb.TableV2(this, 'Orders', {
      partitionKey: { name: 'orderId', type: dynamodb.AttributeType.STRING },
      billing: dynamodb.Billing.onDemand(),
      encryption: dynamodb.TableEncryptionV2.customerManagedKey(key, {
        // A replica's KMSMasterKeyId takes "key ID, ARN, alias name, or alias ARN" (CloudFormation, GlobalTable
        // ReplicaSSESpecification); aws-cdk-lib parses a literal value as a key ARN, so the alias ARN stays lazy.
        [props.recovery.region]: Lazy.string({ produce: () => props.recovery.replicaKeyAlias.aliasArn }),
      }),
      // The table's own PITR is what meets the critical tier's 15-minute RPO inside the Region.
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /**
   * The critical-tier backup plan. Its one-hour RTO after the loss of the Region is met by `recoveredBy` (a warm
   * standby), not by the backups: backup and restore alone would fail synth.
   */
  public protect(recoveredBy: IRegionalRecovery): DrBackupPlan {
    const alarmActions: cloudwatch.IAlarmAction[] = this.props.pageTopic ? [new actions.SnsAction(this.props.pageTopic)] : [];
    this.plan = new DrBackupPlan(this, 'OrdersBackup', {
      objectives: RecoveryObjectives.tier(RecoveryTier.CRITICAL),
      resources: [ProtectedResource.dynamoDbTable(this.table)],
      copyTo: CopyTarget.vault(this.props.recovery.vault),
      notificationTopic: this.props.ticketTopic,
      recoveredBy,
      alarmActions,
    });
    return this.plan;
  }

  /** The backup plan, once `protect` ran. */
  public get backupPlan(): DrBackupPlan {
    if (!this.plan) throw new Error('OrdersDataStack.protect() has not run');
    return this.plan;
  }
}

/** The stacks of the example's disaster recovery. */
export interface DisasterRecoveryStacks {
  readonly data: OrdersDataStack;
  readonly recovery: RecoveryVaultStack;
  readonly standby: WarmStandbyStacks;
}

/** Options of addDisasterRecovery. */
export interface DisasterRecoveryOptions {
  /** The Checkout service the warm standby copies. */
  readonly checkout: ReliableService;
  /** Vault events and failed backup / copy / restore jobs (a topic in the primary Region). */
  readonly ticketTopic?: sns.ITopic;
  /** Page on failed backup / copy / restore jobs too (a topic in the primary Region). */
  readonly pageTopic?: sns.ITopic;
}

/**
 * Adds the example's disaster recovery to an app: the recovery vault and replica key in `drEnv`'s Region, the
 * orders global table in `env`'s Region (deployed after them), Checkout's warm standby in `drEnv`'s Region with the
 * table's replica, and the critical-tier backup plan whose one-hour RTO the warm standby meets.
 */
export function addDisasterRecovery(app: App, env: Environment, drEnv: Environment, options: DisasterRecoveryOptions): DisasterRecoveryStacks {
  const recovery = new RecoveryVaultStack(app, 'OrdersRecovery', { env: drEnv });
  const data = new OrdersDataStack(app, 'OrdersData', { env, recovery, ticketTopic: options.ticketTopic, pageTopic: options.pageTopic });
  // The replica's key must exist before the global table names it.
  data.addStackDependency(recovery, 'the orders replica key');
  const standby = addWarmStandby(app, drEnv, { primary: options.checkout, tables: [data.table], routing: recovery.routing });
  data.protect(standby.recovery);
  return { data, recovery, standby };
}
