import { Aws, CfnResource, Stack, Validations, aws_ecs as ecs } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The compliance findings the SSM agent sidecar of `enableFaultInjection` brings, and the reasons.
 * The container rules report on the whole task definition, so each acknowledgement is recorded
 * only when every other container passes the rule: the app container's own findings stay visible.
 */

/** Every SSM managed instance of the account and Region: the ids are generated at registration. */
export const MANAGED_INSTANCES_ARN = `arn:${Aws.PARTITION}:ssm:${Aws.REGION}:${Aws.ACCOUNT_ID}:managed-instance/*`;

/** The part of a resolved container definition (L1 property names) the rules read. */
export interface RenderedContainer {
  readonly name?: string;
  readonly user?: unknown;
  readonly environment?: readonly unknown[];
  readonly readonlyRootFilesystem?: unknown;
}

/** The user patterns CT.ECS.PR.3 treats as root (cfn-guard rule ecs_task_definition_nonroot_user_check). */
export function isRootOrUnsetUser(user: unknown): boolean {
  if (user === undefined || user === null) return true;
  return /^(root|0)(:.*)?$/.test(String(user));
}

/** The acknowledgements the rendered containers allow: none when another container fails the rule too. */
export function sidecarAcknowledgements(containers: readonly RenderedContainer[], sidecarName: string): Array<{ id: string; reason: string }> {
  const others = containers.filter((c) => c.name !== sidecarName);
  const acks: Array<{ id: string; reason: string }> = [];
  if (others.every((c) => !c.environment || c.environment.length === 0)) {
    acks.push({
      id: 'AwsSolutions-ECS2',
      reason: `Only the ${sidecarName} sidecar sets an environment variable: MANAGED_INSTANCE_ROLE_NAME, the name of the `
        + 'managed-instance role the FIS registration script reads there (FIS guide); a role name is not a secret',
    });
  }
  if (others.every((c) => !isRootOrUnsetUser(c.user))) {
    acks.push({
      id: 'cdk-validator-cfnguard::ecs_task_definition_nonroot_user_check',
      reason: `Only the non-essential ${sidecarName} sidecar (enableFaultInjection) runs as root: it installs the AWS CLI and `
        + 'registers the SSM agent, which FIS needs to run its fault documents; every other container sets a non-root user',
    });
  }
  if (others.every((c) => c.readonlyRootFilesystem === true)) {
    acks.push({
      id: 'cdk-validator-cfnguard::ecs_containers_readonly_access_check',
      reason: `Only the non-essential ${sidecarName} sidecar (enableFaultInjection) has a writable root filesystem: dnf installs `
        + 'the AWS CLI and the agent writes its registration under /var/lib/amazon/ssm; every other container is read-only',
    });
  }
  return acks;
}

/**
 * Records the sidecar acknowledgements on the task definition resource in the validation phase,
 * when every container (including ones added after the construct) is known.
 */
export function acknowledgeAgentPrivilegesLater(taskDefinition: ecs.TaskDefinition, sidecarName: string): void {
  const resource = taskDefinition.node.defaultChild as CfnResource;
  let done = false;
  taskDefinition.node.addValidation({
    validate: () => {
      // An app synthesized twice (tests do) must not record the acknowledgements twice.
      if (done) return [];
      done = true;
      const rendered = Stack.of(taskDefinition).resolve((resource as ecs.CfnTaskDefinition).containerDefinitions) as RenderedContainer[];
      for (const ack of sidecarAcknowledgements(rendered ?? [], sidecarName)) Validations.of(resource).acknowledge(ack);
      return [];
    },
  });
}

/** The managed-instance role's policy: `*` only where IAM offers no resource to name. */
export function acknowledgeManagedInstancePolicy(policy: IConstruct): void {
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'ec2messages and ssmmessages actions have no resource types (IAM service authorization reference); '
      + 'ssm:UpdateInstanceInformation and ssm:DeleteActivation act on the managed instance and activation the task creates '
      + 'at start-up, whose ids do not exist at deploy time (as in AmazonSSMManagedInstanceCore and the FIS guide)',
  });
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ssm:<AWS::Region>:<AWS::AccountId>:managed-instance/*]',
    reason: 'ssm:DeregisterManagedInstance on task stop: the managed-instance id (mi-...) is generated when the task registers; '
      + 'the resource is limited to managed instances of this account and Region',
  });
}

/** The task role's registration policy. */
export function acknowledgeRegistrationPolicy(policy: IConstruct): void {
  Validations.of(policy).acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason: 'ssm:CreateActivation has no resource types, and ssm:AddTagsToResource here tags the activation and managed '
      + 'instance created at task start (FIS guide requirements); iam:PassRole is limited to the managed-instance role',
  });
}
