import { Aws, aws_ecs as ecs, aws_iam as iam, aws_logs as logs } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { declareHelperContainer } from './helper-container-acknowledgements';
import {
  acknowledgeManagedInstancePolicy,
  acknowledgeRegistrationPolicy,
  MANAGED_INSTANCES_ARN,
  ssmAgentHelper,
} from './ssm-agent-acknowledgements';
import { ManagedPolicyRole } from '../common/managed-policy-role';

/**
 * The SSM agent image, pinned: with `latest` a task started during an agent release would run
 * code nobody reviewed, and two tasks of one deployment could differ. Bump it on purpose.
 */
export const SSM_AGENT_IMAGE = 'public.ecr.aws/amazon-ssm-agent/amazon-ssm-agent:3.3.987.0';

/** Name of the sidecar container in the task definition. */
export const SSM_AGENT_CONTAINER_NAME = 'ssm-agent';

/**
 * Memory the sidecar reserves, taken from the app container's hard limit so that the two
 * reservations add up to the task size (ECS refuses a task definition whose containers reserve
 * more than the task has). The idle agent needs a few tens of MiB; 128 leaves room for the FIS
 * stress and network documents it runs.
 */
export const SSM_AGENT_MEMORY_RESERVATION_MIB = 128;

/**
 * Hard limit of the sidecar (Control Tower CT.ECS.PR.7 wants one on every container). It sits
 * above the reservation because `dnf install` peaks at start-up, before the app takes traffic;
 * an out-of-memory kill stops only this non-essential container, never the task.
 */
export const SSM_AGENT_MEMORY_LIMIT_MIB = 256;

/**
 * What the FIS-defined registration script of "Use the AWS FIS aws:ecs:task actions" does,
 * rewritten step by step:
 * 1. install the AWS CLI, jq and procps, as the guide does (the agent image does not ship them);
 * 2. refuse to run without MANAGED_INSTANCE_ROLE_NAME, or when an agent already runs (ECS Exec
 *    brings its own and FIS cannot use it), or outside ECS (no task metadata endpoint);
 * 3. read the task ARN and Availability Zone from the task metadata endpoint (v4);
 * 4. create a single-use SSM activation for the managed-instance role, tagged ECS_TASK_ARN (how
 *    FIS maps a target task to its managed instance), ECS_TASK_AVAILABILITY_ZONE and
 *    FAULT_INJECTION_SIDECAR, then register the agent with it and run the agent;
 * 5. on SIGTERM (task stop) delete the activation and deregister the managed instance, so that
 *    stopped tasks do not pile up as offline managed instances.
 * Differences from the guide: the Region comes from the task ARN rather than from cutting the
 * last letter off the AZ (which breaks in Local Zones), and no `dnf upgrade` runs at start-up:
 * the image is pinned so every task runs the same, reviewed bits.
 * The guide grants the clean-up calls to the managed-instance role, not the task role: once
 * registered, the agent shares that role's credentials through the default credentials file,
 * which the AWS CLI reads before the container (task role) credentials.
 */
export const SSM_AGENT_REGISTRATION_SCRIPT = [
  'set -euo pipefail',
  'PKG=$(command -v dnf || command -v yum)',
  '"$PKG" install -y jq procps awscli',
  // Runs on task stop; each step may meet a half-done registration, so none of them may abort the others.
  'cleanup() {',
  '  if [ -n "${ACTIVATION_ID:-}" ]; then',
  '    aws ssm delete-activation --activation-id "$ACTIVATION_ID" --region "$REGION" || echo "could not delete SSM activation $ACTIVATION_ID" >&2',
  '  fi',
  '  INSTANCE_ID=$(jq -r .ManagedInstanceID /var/lib/amazon/ssm/registration 2>/dev/null || true)',
  '  if [ -n "$INSTANCE_ID" ]; then',
  '    aws ssm deregister-managed-instance --instance-id "$INSTANCE_ID" --region "$REGION" || echo "could not deregister $INSTANCE_ID" >&2',
  '  fi',
  '  if [ -n "${AGENT_PID:-}" ]; then kill -TERM "$AGENT_PID"; fi',
  '  exit 0',
  '}',
  'trap cleanup TERM INT',
  'if [ -z "${MANAGED_INSTANCE_ROLE_NAME:-}" ]; then echo "MANAGED_INSTANCE_ROLE_NAME is not set" >&2; exit 1; fi',
  // Matches a process whose program (first word) is the agent, not this script's own command line.
  'if pgrep -f "^[^ ]*amazon-ssm-agent( |$)" >/dev/null; then echo "an SSM agent already runs (ECS Exec?); FIS needs its own" >&2; exit 1; fi',
  'if [ -z "${ECS_CONTAINER_METADATA_URI_V4:-}" ]; then echo "no ECS task metadata endpoint" >&2; exit 1; fi',
  'TASK=$(curl -fsS "$ECS_CONTAINER_METADATA_URI_V4/task")',
  'TASK_ARN=$(echo "$TASK" | jq -er .TaskARN)',
  'AZ=$(echo "$TASK" | jq -er .AvailabilityZone)',
  'if ! [[ "$TASK_ARN" =~ ^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:task/[A-Za-z0-9_-]+/[A-Za-z0-9]+$ ]]; then echo "unexpected task ARN $TASK_ARN" >&2; exit 1; fi',
  'REGION=$(echo "$TASK_ARN" | cut -d: -f4)',
  'ACTIVATION=$(aws ssm create-activation --iam-role "$MANAGED_INSTANCE_ROLE_NAME" --registration-limit 1 --region "$REGION"'
    + ' --tags "Key=ECS_TASK_ARN,Value=$TASK_ARN" "Key=ECS_TASK_AVAILABILITY_ZONE,Value=$AZ" "Key=FAULT_INJECTION_SIDECAR,Value=true")',
  'ACTIVATION_ID=$(echo "$ACTIVATION" | jq -er .ActivationId)',
  'ACTIVATION_CODE=$(echo "$ACTIVATION" | jq -er .ActivationCode)',
  'amazon-ssm-agent -register -code "$ACTIVATION_CODE" -id "$ACTIVATION_ID" -region "$REGION"',
  // In the background, or the trap would wait for the agent to exit before cleaning up.
  'amazon-ssm-agent &',
  'AGENT_PID=$!',
  'wait "$AGENT_PID"',
].join('\n');

/** Where the sidecar goes and what it logs to. */
export interface SsmAgentSidecarOptions {
  /** The service's log group; the sidecar writes under the `ssm-agent` stream prefix. */
  readonly logGroup: logs.ILogGroup;
  /** Who the managed-instance role is for, in its description. */
  readonly serviceName: string;
}

/** The sidecar container and the role its tasks register with. */
export interface SsmAgentSidecar {
  readonly container: ecs.ContainerDefinition;
  /** Role of the SSM managed instances the tasks become (trusts ssm.amazonaws.com). */
  readonly managedInstanceRole: iam.IRole;
}

/**
 * Adds to `taskDefinition` what the FIS aws:ecs:task actions need besides the ECS settings: the
 * SSM agent sidecar, the managed-instance role it registers the task with, and the task role
 * permissions the registration script uses.
 */
export function addSsmAgentSidecar(scope: Construct, taskDefinition: ecs.TaskDefinition, options: SsmAgentSidecarOptions): SsmAgentSidecar {
  const managedInstanceRole = createManagedInstanceRole(scope, options.serviceName);
  grantRegistration(scope, taskDefinition.taskRole, managedInstanceRole);
  const container = taskDefinition.addContainer(SSM_AGENT_CONTAINER_NAME, {
    image: ecs.ContainerImage.fromRegistry(SSM_AGENT_IMAGE),
    // The app must keep serving when the agent or its registration fails: only experiments need it.
    essential: false,
    command: ['/bin/bash', '-c', SSM_AGENT_REGISTRATION_SCRIPT],
    environment: { MANAGED_INSTANCE_ROLE_NAME: managedInstanceRole.roleName },
    memoryReservationMiB: SSM_AGENT_MEMORY_RESERVATION_MIB,
    memoryLimitMiB: SSM_AGENT_MEMORY_LIMIT_MIB,
    // No CPU share on purpose: aws:ecs:task-cpu-stress runs its stress processes in this container,
    // and a small share would cap the very contention the experiment exists to create.
    // Root and a writable filesystem: the script installs packages and the agent writes its
    // registration and credentials under /var/lib/amazon/ssm and /root/.aws.
    user: '0',
    readonlyRootFilesystem: false,
    logging: ecs.LogDrivers.awsLogs({ logGroup: options.logGroup, streamPrefix: SSM_AGENT_CONTAINER_NAME }),
  });
  declareHelperContainer(taskDefinition, ssmAgentHelper(SSM_AGENT_CONTAINER_NAME));
  return { container, managedInstanceRole };
}

/**
 * The role SSM gives the registered task. Its permissions are written out instead of attaching
 * AmazonSSMManagedInstanceCore (AwsSolutions-IAM4 rejects AWS managed policies): what a node
 * needs to receive and answer Run Command, which is all FIS uses, plus the cleanup calls.
 */
function createManagedInstanceRole(scope: Construct, serviceName: string): iam.Role {
  const role = new ManagedPolicyRole(scope, 'FaultInjectionManagedInstanceRole', {
    description: `SSM managed-instance role of the ${serviceName} tasks, registered by the SSM agent sidecar for AWS FIS`,
    // Confused-deputy guard recommended for the hybrid activation service role.
    assumedBy: new iam.ServicePrincipal('ssm.amazonaws.com', {
      conditions: {
        StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID },
        ArnLike: { 'aws:SourceArn': `arn:${Aws.PARTITION}:ssm:${Aws.REGION}:${Aws.ACCOUNT_ID}:*` },
      },
    }),
  });
  const policy = new iam.ManagedPolicy(scope, 'FaultInjectionManagedInstancePolicy', {
    description: `Run Command channel and clean-up of the ${serviceName} tasks registered as SSM managed instances`,
    roles: [role],
    statements: [
      new iam.PolicyStatement({
        sid: 'RunCommandChannel',
        actions: [
          'ssm:UpdateInstanceInformation',
          'ssmmessages:CreateControlChannel',
          'ssmmessages:CreateDataChannel',
          'ssmmessages:OpenControlChannel',
          'ssmmessages:OpenDataChannel',
          'ec2messages:AcknowledgeMessage',
          'ec2messages:DeleteMessage',
          'ec2messages:FailMessage',
          'ec2messages:GetEndpoint',
          'ec2messages:GetMessages',
          'ec2messages:SendReply',
        ],
        resources: ['*'],
      }),
      // The FIS guide puts the clean-up on this role: the script's AWS CLI calls on task stop use it.
      new iam.PolicyStatement({ sid: 'DeleteOwnActivation', actions: ['ssm:DeleteActivation'], resources: ['*'] }),
      new iam.PolicyStatement({
        sid: 'DeregisterOwnManagedInstance',
        actions: ['ssm:DeregisterManagedInstance'],
        resources: [MANAGED_INSTANCES_ARN],
      }),
    ],
  });
  acknowledgeManagedInstancePolicy(policy);
  return role;
}

/** What the registration script calls with the task role (FIS guide, "Requirements"). */
function grantRegistration(scope: Construct, taskRole: iam.IRole, managedInstanceRole: iam.IRole): void {
  // A policy of its own rather than a grant on the task role's policy: its acknowledgement must not
  // cover wildcards the user grants the app.
  const policy = new iam.ManagedPolicy(scope, 'FaultInjectionRegistrationPolicy', {
    description: 'Lets the SSM agent sidecar register its task as an SSM managed instance for AWS FIS',
    statements: [
      new iam.PolicyStatement({
        sid: 'RegisterTaskWithSsm',
        actions: ['ssm:CreateActivation', 'ssm:AddTagsToResource'],
        resources: ['*'],
      }),
      new iam.PolicyStatement({
        sid: 'PassManagedInstanceRole',
        actions: ['iam:PassRole'],
        resources: [managedInstanceRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'ssm.amazonaws.com' } },
      }),
    ],
  });
  taskRole.addManagedPolicy(policy);
  acknowledgeRegistrationPolicy(policy);
}
