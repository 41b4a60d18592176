import { Duration, Stack, Token, aws_ecs as ecs, aws_iam as iam } from 'aws-cdk-lib';
import { ActionSpec, actionOwner, baseSpec } from './action-spec';
import {
  EcsStopTasksOptions,
  EcsTaskCpuStressOptions,
  EcsTaskFaultOptions,
  EcsTaskNetworkLatencyOptions,
  EcsTaskNetworkPacketLossOptions,
} from './fis-action-options';
import { arn, ecsTasksOfCluster, fisSsmDocument, ssmManagedInstances } from './fis-arns';
import { FIS_ACTION_DURATION_MAX_SECONDS, FIS_ACTION_DURATION_MIN_SECONDS, fisDuration } from './fis-duration';
import { requirePlainDuration, requireFisInteger, requireZoneName } from './fis-rules';
import { FisSelection, FisTarget, FisTargetFilter } from './fis-target';
import { justifiedStatement } from './statement-reasons';
import { propError, ReliabilityValidationError } from '../common/errors';

const LIST_TASKS_REASON =
  'ecs:ListTasks has no resource-level permissions (IAM service authorization reference); the ecs:cluster condition limits it to the target cluster';
const TASKS_REASON =
  'ECS task ids are generated at run time; the resource is limited to tasks of the target cluster';

/** `aws:ecs:stop-task` on tasks of one service. */
export function ecsStopTasksSpec(options: EcsStopTasksOptions): ActionSpec {
  const base = baseSpec(options, 'stopTasks');
  const owner = actionOwner(base.name);
  const service = requireService(owner, options.service);
  return {
    ...base,
    actionId: 'aws:ecs:stop-task',
    parameters: {},
    targetKey: 'Tasks',
    target: serviceTasks(owner, service, options.selection ?? FisSelection.count(1), options.availabilityZone),
    statements: [
      justifiedStatement({
        actions: ['ecs:DescribeTasks', 'ecs:StopTask'],
        resources: [ecsTasksOfCluster(service.cluster.clusterName)],
      }, TASKS_REASON),
      listTasksStatement(service),
    ],
  };
}

/** `aws:ecs:task-cpu-stress`: runs through the SSM agent sidecar, not the ECS fault injection endpoints. */
export function ecsTaskCpuStressSpec(options: EcsTaskCpuStressOptions): ActionSpec {
  const base = baseSpec(options, 'cpuStress');
  const owner = actionOwner(base.name);
  const service = requireService(owner, options.service);
  const parameters: { [key: string]: string } = {
    duration: actionDuration(owner, options.duration),
    percent: String(requireFisInteger(owner, 'loadPercent', options.loadPercent ?? 100, 1, 100)),
    workers: String(requireFisInteger(owner, 'workers', options.workers ?? 0, 0, 1024)),
    installDependencies: 'true',
  };
  return {
    ...base,
    actionId: 'aws:ecs:task-cpu-stress',
    parameters,
    targetKey: 'Tasks',
    target: serviceTasks(owner, service, options.selection ?? FisSelection.percent(50)),
    statements: ssmFaultStatements(service, 'AWSFIS-Run-CPU-Stress', false),
  };
}

/** `aws:ecs:task-network-latency` through the ECS fault injection endpoints (works on Fargate). */
export function ecsTaskNetworkLatencySpec(options: EcsTaskNetworkLatencyOptions): ActionSpec {
  return networkFaultSpec(options, 'networkLatency', 'aws:ecs:task-network-latency', 'AWSFIS-Run-Network-Latency-ECS', (owner) => ({
    delayMilliseconds: String(millis(owner, 'delay', options.delay ?? Duration.millis(200), 1)),
    jitterMilliseconds: String(millis(owner, 'jitter', options.jitter ?? Duration.millis(10), 0)),
  }));
}

/** `aws:ecs:task-network-packet-loss` through the ECS fault injection endpoints (works on Fargate). */
export function ecsTaskNetworkPacketLossSpec(options: EcsTaskNetworkPacketLossOptions): ActionSpec {
  return networkFaultSpec(options, 'packetLoss', 'aws:ecs:task-network-packet-loss', 'AWSFIS-Run-Network-Packet-Loss-ECS', (owner) => ({
    lossPercent: String(requireFisInteger(owner, 'lossPercent', options.lossPercent ?? 7, 1, 100)),
  }));
}

/**
 * What the ECS network actions share: the fault injection check, duration, flows, sources, the
 * service's tasks as target and the SSM document statements; `faultParameters` adds the fault's own.
 */
function networkFaultSpec(
  options: EcsTaskNetworkLatencyOptions | EcsTaskNetworkPacketLossOptions, defaultName: string, actionId: string, ssmDocument: string,
  faultParameters: (owner: string) => { [key: string]: string },
): ActionSpec {
  const base = baseSpec(options, defaultName);
  const owner = actionOwner(base.name);
  const service = requireService(owner, options.service);
  requireFaultInjection(owner, actionId, options);
  return {
    ...base,
    actionId,
    parameters: {
      duration: actionDuration(owner, options.duration),
      ...faultParameters(owner),
      flowsPercent: String(requireFisInteger(owner, 'flowsPercent', options.flowsPercent ?? 100, 1, 100)),
      sources: sources(owner, options.sources),
      installDependencies: 'true',
      useEcsFaultInjectionEndpoints: 'true',
    },
    targetKey: 'Tasks',
    target: serviceTasks(owner, service, options.selection ?? FisSelection.percent(50)),
    statements: ssmFaultStatements(service, ssmDocument, true),
  };
}

/**
 * The running tasks of one service, resolved by FIS from the cluster and service names. `aws:ecs:task`
 * takes only the `cluster` and `service` parameters (FIS targets reference), so a zone is selected
 * with a filter on the task's `AvailabilityZone` attribute, which ECS reports as a zone name.
 */
export function serviceTasks(owner: string, service: ecs.IBaseService, selection: FisSelection, availabilityZone?: string): FisTarget {
  const parameters: { [key: string]: string } = {
    cluster: service.cluster.clusterName,
    service: service.serviceName,
  };
  const filters: FisTargetFilter[] | undefined = availabilityZone === undefined
    ? undefined
    : [{ path: 'AvailabilityZone', values: [requireZoneName(owner, 'availabilityZone', availabilityZone)] }];
  return FisTarget.fromParameters('aws:ecs:task', parameters, { selection: renderable(owner, selection), filters });
}

/** Validates the selection now, so a bad percentage fails in the factory that received it. */
function renderable(owner: string, selection: FisSelection): FisSelection {
  selection._render(owner, 'selection');
  return selection;
}

function requireService(owner: string, service: ecs.IBaseService | undefined): ecs.IBaseService {
  if (!service || !service.cluster) throw propError(owner, 'service', 'be an ECS service', service);
  return service;
}

function listTasksStatement(service: ecs.IBaseService): iam.PolicyStatement {
  return justifiedStatement({
    actions: ['ecs:ListTasks'],
    resources: ['*'],
    conditions: { ArnEquals: { 'ecs:cluster': service.cluster.clusterArn } },
  }, LIST_TASKS_REASON);
}

/** What the SSM-document based ECS task actions need (FIS actions reference, "Permissions"). */
function ssmFaultStatements(service: ecs.IBaseService, documentName: string, network: boolean): iam.PolicyStatement[] {
  const statements = [
    justifiedStatement({
      actions: ['ecs:DescribeTasks'],
      resources: [ecsTasksOfCluster(service.cluster.clusterName)],
    }, TASKS_REASON),
    listTasksStatement(service),
    justifiedStatement({
      actions: ['ssm:SendCommand'],
      resources: [fisSsmDocument(documentName), ssmManagedInstances()],
    }, 'The tasks register as SSM managed instances with ids generated at run time; the document is the single FIS-owned one this action runs'),
    justifiedStatement({
      actions: ['ssm:ListCommands', 'ssm:CancelCommand'],
      resources: ['*'],
    }, 'ssm:ListCommands and ssm:CancelCommand have no resource-level permissions (IAM service authorization reference)'),
  ];
  if (network) {
    statements.push(
      justifiedStatement({
        actions: ['ecs:DescribeContainerInstances'],
        resources: [arn('ecs', `container-instance/${service.cluster.clusterName}/*`)],
      }, 'Container instance ids are generated at run time; the resource is limited to the target cluster'),
      justifiedStatement({
        actions: ['ec2:DescribeInstances', 'ec2:DescribeSubnets'],
        resources: ['*'],
      }, 'EC2 Describe* actions have no resource-level permissions (IAM service authorization reference); they are read-only'),
    );
  }
  return statements;
}

/**
 * The network fault actions use the ECS fault injection endpoints, which answer only for tasks
 * whose task definition sets `enableFaultInjection: true` and `pidMode: task` (FIS actions reference).
 * Without them the template deploys and every experiment fails, so refuse at synth.
 */
function requireFaultInjection(owner: string, actionId: string, options: EcsTaskFaultOptions): void {
  const taskDefinition = options.taskDefinition
    ?? (options.service instanceof ecs.BaseService ? options.service.taskDefinition : undefined);
  if (!taskDefinition) {
    throw propError(owner, 'taskDefinition', `be given when service is imported, so that ${actionId} can check fault injection is enabled`, undefined);
  }
  const cfn = taskDefinition.node.defaultChild;
  if (!(cfn instanceof ecs.CfnTaskDefinition)) {
    throw new ReliabilityValidationError(
      `${owner}: taskDefinition must be defined in this app with enableFaultInjection: true for ${actionId}, got an imported task definition whose settings cannot be checked`,
    );
  }
  const enabled = Stack.of(taskDefinition).resolve(cfn.enableFaultInjection);
  if (enabled !== true && !Token.isUnresolved(cfn.enableFaultInjection)) {
    throw propError(owner, 'taskDefinition enableFaultInjection', `be true for ${actionId} (it uses the ECS fault injection endpoints)`, enabled);
  }
  const pidMode = Stack.of(taskDefinition).resolve(cfn.pidMode);
  if (pidMode !== 'task' && !Token.isUnresolved(cfn.pidMode)) {
    throw propError(owner, 'taskDefinition pidMode', `be "task" for ${actionId}`, pidMode);
  }
}

function actionDuration(owner: string, duration: Duration): string {
  return fisDuration(owner, 'duration', duration, FIS_ACTION_DURATION_MIN_SECONDS, FIS_ACTION_DURATION_MAX_SECONDS);
}

function millis(owner: string, prop: string, duration: Duration, minMillis: number): number {
  const value = requirePlainDuration(owner, prop, duration, `between ${minMillis} ms and 1 minute`).toMilliseconds();
  if (!Number.isInteger(value) || value < minMillis || value > 60_000) {
    throw propError(owner, prop, `be between ${minMillis} ms and 1 minute`, duration);
  }
  return value;
}

function sources(owner: string, given: string[] | undefined): string {
  const list = given ?? ['ALL'];
  if (!Array.isArray(list) || list.length === 0 || list.some((s) => typeof s !== 'string' || s.length === 0 || /[\s,]/.test(s))) {
    throw propError(owner, 'sources', 'be a non-empty list of sources without spaces or commas', given);
  }
  return list.join(',');
}
