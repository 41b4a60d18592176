import { Aws } from 'aws-cdk-lib';

/**
 * ARNs the FIS experiment role is scoped to. Built from pseudo parameters so the same
 * statements work in any account and partition (the targets live in the experiment's account).
 */
export function arn(service: string, resource: string, options: { region?: boolean; account?: boolean } = {}): string {
  const region = options.region === false ? '' : Aws.REGION;
  const account = options.account === false ? '' : Aws.ACCOUNT_ID;
  return `arn:${Aws.PARTITION}:${service}:${region}:${account}:${resource}`;
}

/** Every task of one ECS cluster (tasks are ephemeral: their ids are unknown at synth). */
export function ecsTasksOfCluster(clusterName: string): string {
  return arn('ecs', `task/${clusterName}/*`);
}

/** The FIS-owned SSM documents the ECS task actions run. */
export function fisSsmDocument(documentName: string): string {
  return arn('ssm', `document/${documentName}`, { account: false });
}

/** SSM managed instances: the ECS tasks register themselves under ids unknown at synth. */
export function ssmManagedInstances(): string {
  return arn('ssm', 'managed-instance/*');
}

/** One subnet by id. */
export function subnetArn(subnetId: string): string {
  return arn('ec2', `subnet/${subnetId}`);
}

/** Network ACLs; FIS creates them during the action, so only the managedByFIS tag can scope them. */
export function networkAcls(): string {
  return arn('ec2', 'network-acl/*');
}

/** EC2 instances (scoped further by a tag condition). */
export function ec2Instances(): string {
  return arn('ec2', 'instance/*');
}

/** One EC2 instance by id. */
export function ec2InstanceArn(instanceId: string): string {
  return arn('ec2', `instance/${instanceId}`);
}

/** An Auto Scaling group by name; the group's UUID in the ARN is unknown at synth. */
export function autoScalingGroupArnPattern(groupName: string): string {
  return arn('autoscaling', `autoScalingGroup:*:autoScalingGroupName/${groupName}`);
}

/** Experiments of this account: FIS checks the API-fault permissions against the running experiment. */
export function fisExperiments(): string {
  return arn('fis', 'experiment/*');
}

/** One FIS experiment template by id. */
export function fisExperimentTemplate(templateId: string): string {
  return arn('fis', `experiment-template/${templateId}`);
}
