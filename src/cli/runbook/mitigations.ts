import { AssemblyStack, CfnResource } from '../assembly/cloud-assembly';
import { isRecord } from '../assembly/json-file';
import { referencedLogicalId } from '../assembly/template-values';

/**
 * The mitigations an app actually has, read from its templates, each with the AWS CLI commands that
 * carry it out. Physical names are looked up from the deployed stack by logical id
 * (`aws cloudformation describe-stack-resource`), so the commands are exact without the CLI knowing
 * what CloudFormation named things. Pure functions of the assembly.
 */

export interface Mitigation {
  /** e.g. `Roll back the ECS deployment of Checkout/CheckoutService` */
  readonly title: string;
  /** When it helps, in one sentence. */
  readonly when: string;
  /** Shell lines, run in order. */
  readonly commands: string[];
}

/** What a responder looks at first. */
export interface LookAt {
  readonly title: string;
  readonly commands: string[];
}

const ZONAL_SHIFT_ATTRIBUTE = 'zonal_shift.config.enabled';

/** A shell variable holding a resource's physical id, looked up from the deployed stack. */
export function physicalIdLine(stack: AssemblyStack, logicalId: string, variable: string): string {
  return `${variable}=$(aws cloudformation describe-stack-resource --stack-name ${shellWord(stack.stackName ?? stack.displayName)} `
    + `--logical-resource-id ${logicalId}${regionFlag(stack)} --query StackResourceDetail.PhysicalResourceId --output text)`;
}

/** Every mitigation of the app, in the order a responder tries them: roll back, shift away, scale out, stop chaos, restore. */
export function mitigations(stacks: readonly AssemblyStack[]): Mitigation[] {
  const found: Mitigation[] = [];
  for (const stack of stacks) found.push(...ecsServices(stack).map((s) => rollback(stack, s)));
  for (const stack of stacks) found.push(...zonalShiftLoadBalancers(stack).map((id) => zonalShift(stack, id)));
  for (const stack of stacks) found.push(...ecsServices(stack).map((s) => scaleOut(stack, s)));
  for (const stack of stacks) found.push(...resourcesOf(stack, 'AWS::FIS::ExperimentTemplate').map(([id]) => stopExperiment(stack, id)));
  for (const stack of stacks) found.push(...resourcesOf(stack, 'AWS::Backup::BackupVault').map(([id]) => restore(stack, id)));
  return found;
}

/** Dashboards and recent deployments of the alarm's stack. */
export function lookAt(stack: AssemblyStack, stacks: readonly AssemblyStack[]): LookAt[] {
  const items: LookAt[] = [];
  for (const [id, dashboard] of resourcesOf(stack, 'AWS::CloudWatch::Dashboard')) {
    const name = dashboard.Properties?.DashboardName;
    items.push({
      title: `Dashboard ${typeof name === 'string' ? name : id}`,
      commands: typeof name === 'string'
        ? [`aws cloudwatch get-dashboard --dashboard-name ${shellWord(name)}${regionFlag(stack)} --query DashboardArn --output text`]
        : [physicalIdLine(stack, id, 'DASHBOARD'), `aws cloudwatch get-dashboard --dashboard-name "$DASHBOARD"${regionFlag(stack)} --query DashboardArn --output text`],
    });
  }
  for (const service of ecsServices(stack)) {
    items.push({
      title: `Recent deployments of ECS service ${service.logicalId}`,
      commands: [
        ...serviceVariables(stack, service),
        `aws ecs list-service-deployments --cluster "$CLUSTER" --service "$SERVICE"${regionFlag(stack)} --max-results 5`,
      ],
    });
  }
  for (const other of stacks) {
    for (const [id] of resourcesOf(other, 'AWS::CodePipeline::Pipeline')) {
      items.push({
        title: `Recent runs of pipeline ${id} (${other.displayName})`,
        commands: [physicalIdLine(other, id, 'PIPELINE'), `aws codepipeline list-pipeline-executions --pipeline-name "$PIPELINE"${regionFlag(other)} --max-items 5`],
      });
    }
  }
  return items;
}

interface EcsService {
  readonly logicalId: string;
  readonly clusterLogicalId?: string;
  readonly scalable?: { readonly min: number; readonly max: number };
}

function ecsServices(stack: AssemblyStack): EcsService[] {
  const targets = resourcesOf(stack, 'AWS::ApplicationAutoScaling::ScalableTarget');
  return resourcesOf(stack, 'AWS::ECS::Service').map(([logicalId, resource]) => {
    const target = targets.find(([, t]) => JSON.stringify(t.Properties?.ResourceId ?? '').includes(`"${logicalId}"`));
    const min = target?.[1].Properties?.MinCapacity;
    const max = target?.[1].Properties?.MaxCapacity;
    return {
      logicalId,
      clusterLogicalId: referencedLogicalId(resource.Properties?.Cluster),
      scalable: typeof min === 'number' && typeof max === 'number' ? { min, max } : undefined,
    };
  });
}

function serviceVariables(stack: AssemblyStack, service: EcsService): string[] {
  return [
    service.clusterLogicalId ? physicalIdLine(stack, service.clusterLogicalId, 'CLUSTER') : 'CLUSTER=default',
    physicalIdLine(stack, service.logicalId, 'SERVICE'),
  ];
}

function rollback(stack: AssemblyStack, service: EcsService): Mitigation {
  return {
    title: `Roll back the ECS deployment of ${stack.displayName}/${service.logicalId}`,
    when: 'The alarm started with a deployment: stop it and return to the last good revision.',
    commands: [
      ...serviceVariables(stack, service),
      `DEPLOYMENT=$(aws ecs list-service-deployments --cluster "$CLUSTER" --service "$SERVICE" --status IN_PROGRESS${regionFlag(stack)} --query 'serviceDeployments[0].serviceDeploymentArn' --output text)`,
      `aws ecs stop-service-deployment --service-deployment-arn "$DEPLOYMENT" --stop-type ROLLBACK${regionFlag(stack)}`,
    ],
  };
}

function scaleOut(stack: AssemblyStack, service: EcsService): Mitigation {
  const region = regionFlag(stack);
  if (service.scalable) {
    const min = Math.min(service.scalable.max, service.scalable.min * 2);
    return {
      title: `Scale out ${stack.displayName}/${service.logicalId} (raise its minimum from ${service.scalable.min} to ${min})`,
      when: 'The service is saturated (CPU, memory or requests per task high) and autoscaling is not keeping up.',
      commands: [
        ...serviceVariables(stack, service),
        'aws application-autoscaling register-scalable-target --service-namespace ecs --scalable-dimension ecs:service:DesiredCount '
        + `--resource-id "service/$CLUSTER/\${SERVICE##*/}" --min-capacity ${min} --max-capacity ${service.scalable.max}${region}`,
      ],
    };
  }
  return {
    title: `Scale out ${stack.displayName}/${service.logicalId}`,
    when: 'The service is saturated (CPU, memory or requests per task high).',
    commands: [
      ...serviceVariables(stack, service),
      `COUNT=$(aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE"${region} --query 'services[0].desiredCount' --output text)`,
      `aws ecs update-service --cluster "$CLUSTER" --service "$SERVICE" --desired-count $((COUNT * 2))${region}`,
    ],
  };
}

function zonalShiftLoadBalancers(stack: AssemblyStack): string[] {
  return resourcesOf(stack, 'AWS::ElasticLoadBalancingV2::LoadBalancer')
    .filter(([, lb]) => (Array.isArray(lb.Properties?.LoadBalancerAttributes) ? lb.Properties!.LoadBalancerAttributes as unknown[] : [])
      .some((a) => isRecord(a) && a.Key === ZONAL_SHIFT_ATTRIBUTE && String(a.Value) === 'true'))
    .map(([id]) => id);
}

function zonalShift(stack: AssemblyStack, logicalId: string): Mitigation {
  const region = regionFlag(stack);
  return {
    title: `Shift traffic away from an Availability Zone at ${stack.displayName}/${logicalId} (ARC zonal shift)`,
    when: 'Errors or latency come from one Availability Zone (compare the per-zone metrics of the load balancer).',
    commands: [
      physicalIdLine(stack, logicalId, 'LOAD_BALANCER'),
      `ZONE_ID=$(aws ec2 describe-availability-zones --zone-names "$IMPAIRED_ZONE"${region} --query 'AvailabilityZones[0].ZoneId' --output text)  # IMPAIRED_ZONE=us-east-1a, say`,
      `aws arc-zonal-shift start-zonal-shift --resource-identifier "$LOAD_BALANCER" --away-from "$ZONE_ID" --expires-in 1h --comment "incident: shift away from $IMPAIRED_ZONE"${region}`,
    ],
  };
}

function stopExperiment(stack: AssemblyStack, logicalId: string): Mitigation {
  const region = regionFlag(stack);
  return {
    title: `Stop the running FIS experiment of ${stack.displayName}/${logicalId}`,
    when: 'A chaos experiment is running while the alarm fires (its stop condition should have stopped it; make sure).',
    commands: [
      physicalIdLine(stack, logicalId, 'TEMPLATE'),
      `for ID in $(aws fis list-experiments${region} --query "experiments[?experimentTemplateId=='$TEMPLATE' && state.status=='running'].id" --output text); do aws fis stop-experiment --id "$ID"${region}; done`,
    ],
  };
}

function restore(stack: AssemblyStack, logicalId: string): Mitigation {
  const region = regionFlag(stack);
  const role = backupRole(stack);
  return {
    title: `Restore the latest recovery point of vault ${stack.displayName}/${logicalId}`,
    when: 'Data was lost or corrupted: restore it next to the original and switch over after checking it.',
    commands: [
      physicalIdLine(stack, logicalId, 'VAULT'),
      ...roleLines(stack, role),
      `RECOVERY_POINT=$(aws backup list-recovery-points-by-backup-vault --backup-vault-name "$VAULT"${region} --query 'sort_by(RecoveryPoints[?Status==\`COMPLETED\`], &CreationDate)[-1].RecoveryPointArn' --output text)`,
      `aws backup get-recovery-point-restore-metadata --backup-vault-name "$VAULT" --recovery-point-arn "$RECOVERY_POINT"${region} --query RestoreMetadata > restore-metadata.json  # edit the target name first`,
      `aws backup start-restore-job --recovery-point-arn "$RECOVERY_POINT" --iam-role-arn "$ROLE_ARN" --metadata file://restore-metadata.json${region}`,
    ],
  };
}

/** The role of the stack's backup selection (the one AWS Backup already uses for this vault's plan): a logical id or an ARN. */
function backupRole(stack: AssemblyStack): { logicalId?: string; arn?: string } {
  for (const [, selection] of resourcesOf(stack, 'AWS::Backup::BackupSelection')) {
    const inner = selection.Properties?.BackupSelection;
    if (!isRecord(inner)) continue;
    if (typeof inner.IamRoleArn === 'string') return { arn: inner.IamRoleArn };
    const logicalId = referencedLogicalId(inner.IamRoleArn);
    if (logicalId) return { logicalId };
  }
  return {};
}

function roleLines(stack: AssemblyStack, role: { logicalId?: string; arn?: string }): string[] {
  if (role.arn) return [`ROLE_ARN=${shellWord(role.arn)}`];
  if (role.logicalId) return [physicalIdLine(stack, role.logicalId, 'ROLE_NAME'), 'ROLE_ARN=$(aws iam get-role --role-name "$ROLE_NAME" --query Role.Arn --output text)'];
  // No backup plan in this stack (a copy-target vault): AWS Backup's default service role of the account.
  const account = /^aws:\/\/(\d{12})\//.exec(stack.environment ?? '')?.[1] ?? '$ACCOUNT_ID';
  return [`ROLE_ARN=arn:aws:iam::${account}:role/service-role/AWSBackupDefaultServiceRole`];
}

function resourcesOf(stack: AssemblyStack, type: string): Array<[string, CfnResource]> {
  return Object.entries(stack.template.Resources ?? {}).filter(([, r]) => r.Type === type);
}

function regionFlag(stack: AssemblyStack): string {
  return stack.region ? ` --region ${stack.region}` : '';
}

/** A word safe to paste into a shell. */
function shellWord(value: string): string {
  return /^[A-Za-z0-9_./:-]+$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`;
}
