import { Aws, Validations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { HelperContainer } from './helper-container-acknowledgements';

/** The compliance findings the SSM agent sidecar of `enableFaultInjection` brings, and the reasons. */

/** Every SSM managed instance of the account and Region: the ids are generated at registration. */
export const MANAGED_INSTANCES_ARN = `arn:${Aws.PARTITION}:ssm:${Aws.REGION}:${Aws.ACCOUNT_ID}:managed-instance/*`;

/** Why the SSM agent sidecar breaks the container rules it breaks (see `declareHelperContainer`). */
export function ssmAgentHelper(sidecarName: string): HelperContainer {
  return {
    name: sidecarName,
    environmentReason: `Only the ${sidecarName} sidecar sets an environment variable: MANAGED_INSTANCE_ROLE_NAME, the name of the `
      + 'managed-instance role the FIS registration script reads there (FIS guide); a role name is not a secret',
    rootReason: `The non-essential ${sidecarName} sidecar (enableFaultInjection) runs as root: it installs the AWS CLI and `
      + 'registers the SSM agent, which FIS needs to run its fault documents',
    writableRootReason: `Only the non-essential ${sidecarName} sidecar (enableFaultInjection) has a writable root filesystem: dnf installs `
      + 'the AWS CLI and the agent writes its registration under /var/lib/amazon/ssm',
  };
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
