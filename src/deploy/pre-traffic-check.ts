import * as fs from 'fs';
import * as path from 'path';
import {
  Duration,
  aws_ec2 as ec2, aws_iam as iam, aws_lambda as lambda, aws_sqs as sqs,
} from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { PipelineStorage } from './pipeline-storage';
import { acknowledgeDeadLetterQueue } from '../common/dead-letter-queue';
import { latestNodejsRuntime } from '../common/lambda-runtime';
import { ManagedPolicyRole } from '../common/managed-policy-role';

/** The handler folder: `src/deploy/pre-traffic-check` in the repository, `lib/deploy/pre-traffic-check` when packaged. */
const HANDLER_DIR = path.join(__dirname, 'pre-traffic-check');

/** Inputs of the hook that checks the green tasks through the test listener. */
export interface PreTrafficCheckProps {
  readonly vpc: ec2.IVpc;
  readonly storage: PipelineStorage;
  /** Full URL of the test listener's health path, by the load balancer's DNS name (sent as Host and TLS server name). */
  readonly checkUrl: string;
  /**
   * The load balancer whose network interfaces the hook calls at their private addresses: the
   * test listener admits the hook's security group, which matches private source addresses only.
   */
  readonly loadBalancerArn: string;
  /** Accepted status codes, e.g. `200` or `200-299`. */
  readonly expectedStatus: string;
  /** The listener is HTTPS, and its certificate names the service's domain, not the load balancer. */
  readonly insecureTls: boolean;
}

/**
 * The Lambda function ECS calls after test traffic reaches the green tasks. It runs in the
 * service's VPC, logs to an encrypted group, and has a role with only what it uses.
 * Internal: built by `BlueGreenPipeline` for each ECS-native stage.
 */
export class PreTrafficCheck extends Construct {
  public readonly function: lambda.Function;
  public readonly securityGroup: ec2.SecurityGroup;

  constructor(scope: Construct, id: string, props: PreTrafficCheckProps) {
    super(scope, id);
    if (!fs.existsSync(path.join(HANDLER_DIR, 'index.js'))) {
      // Only a packaging mistake gets here: the compile step must copy the handler next to this file.
      throw new Error(`cdk-reliability: the pre-traffic check handler is missing from ${HANDLER_DIR}; reinstall the package`);
    }
    this.securityGroup = new ec2.SecurityGroup(this, 'SecurityGroup', {
      vpc: props.vpc,
      description: 'Pre-traffic check: calls the test listener only',
      allowAllOutbound: false,
    });
    // The hook asks EC2 for the load balancer's network interfaces (DescribeNetworkInterfaces) over
    // HTTPS, through the subnet's NAT gateway or an EC2 interface endpoint; the test port is opened
    // to the load balancer's security group by the caller.
    this.securityGroup.addEgressRule(ec2.Peer.anyIpv4(), ec2.Port.tcp(443), 'EC2 API: finds the load balancer network interfaces');
    const role = new ManagedPolicyRole(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Pre-traffic check hook: writes its logs, attaches to the VPC',
    });
    const deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: props.storage.key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    // ECS invokes the hook synchronously, so this queue is a formality of the Lambda DLQ rules.
    const queueReason = 'This queue is itself the dead-letter queue of the pre-traffic check; a dead-letter queue of a dead-letter queue has nothing to catch';
    acknowledgeDeadLetterQueue(deadLetterQueue, queueReason);
    const logGroup = props.storage.logGroup(this, 'Logs');
    this.function = new lambda.Function(this, 'Function', {
      description: 'ECS lifecycle hook: fails the deployment when the test listener answers badly',
      // The newest Node.js runtime the installed aws-cdk-lib knows (AwsSolutions-L1 wants exactly that);
      // the handler is plain CommonJS that runs on any Node.js from 18 on.
      runtime: latestNodejsRuntime(),
      handler: 'index.handler',
      // Plain JS next to this file (copied to lib/ when packaged): no bundler, same bytes everywhere.
      code: lambda.Code.fromAsset(HANDLER_DIR),
      role,
      vpc: props.vpc,
      vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      securityGroups: [this.securityGroup],
      timeout: Duration.seconds(60),
      memorySize: 256,
      // ECS calls the hook once per deployment stage; two leaves room for a concurrent rollback.
      reservedConcurrentExecutions: 2,
      deadLetterQueue,
      tracing: lambda.Tracing.ACTIVE,
      logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      environment: {
        CHECK_URL: props.checkUrl,
        LOAD_BALANCER_ARN: props.loadBalancerArn,
        EXPECTED_STATUS: props.expectedStatus,
        ATTEMPTS: '3',
        TIMEOUT_MS: '5000',
        INSECURE_TLS: String(props.insecureTls),
      },
      environmentEncryption: props.storage.key,
    });
    logGroup.grantWrite(role);
    // Lambda creates the function's network interfaces with the execution role; none of these
    // EC2 actions can be scoped to a resource (see UNSCOPABLE_ACTION_REASONS).
    const eniStatement = new iam.PolicyStatement({
      actions: [
        'ec2:CreateNetworkInterface', 'ec2:DescribeNetworkInterfaces', 'ec2:DeleteNetworkInterface',
        'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses',
      ],
      resources: ['*'],
    });
    role.addToPrincipalPolicy(eniStatement);
    // Writers of what the pipeline key encrypts: Lambda sends a failed asynchronous event to the
    // dead-letter queue with this role, and SQS then needs kms:GenerateDataKey and kms:Decrypt from
    // the sender (SQS Developer Guide, "Configuring AWS KMS permissions": producers); kms:Decrypt also
    // lets the function read its environment if Lambda's grant on the key is lost (role re-created).
    role.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [props.storage.key.keyArn],
    }));
  }
}
