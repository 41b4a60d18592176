import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Stack, aws_ec2 as ec2, aws_ecs as ecs } from 'aws-cdk-lib';
import { CapacityGuardrails, CapacitySource } from '../../../src/capacity';

/** Names and known answers shared by the capacity tests. */
export const SHOP = {
  stack: 'Shop',
  clusterName: 'shop',
  workerName: 'worker',
  /** What CloudFormation would generate for the Api service (it begins with `<stack>-<logical id>-`). */
  apiDeployedName: (logicalId: string) => `Shop-${logicalId}-AbC123xYz`,
} as const;

/**
 * Two scalable Fargate services in one cluster named `shop`: `Api` (name generated at deploy, CPU
 * target 60 %, max 20, capacity guardrails) and `Worker` (named `worker`, CPU target 50 %, max 10,
 * no guardrails).
 */
export function synthCapacityApp(): string {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-capacity-'));
  const app = new App({ outdir });
  const stack = new Stack(app, SHOP.stack, { env: { account: '111111111111', region: 'eu-west-1' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0, subnetConfiguration: [{ name: 'Public', subnetType: ec2.SubnetType.PUBLIC }] });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, clusterName: SHOP.clusterName, containerInsightsV2: ecs.ContainerInsights.ENABLED });
  const service = (id: string, serviceName?: string) => {
    const taskDefinition = new ecs.FargateTaskDefinition(stack, `${id}Task`, { cpu: 512, memoryLimitMiB: 1024 });
    taskDefinition.addContainer('app', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27') });
    const vpcSubnets = { subnetType: ec2.SubnetType.PUBLIC };
    return new ecs.FargateService(stack, id, { cluster, taskDefinition, serviceName, assignPublicIp: true, vpcSubnets });
  };
  const api = service('Api');
  api.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 20 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 60 });
  new CapacityGuardrails(stack, 'ApiGuardrails', { source: CapacitySource.ecsService(api), maxCapacity: 20 });
  const worker = service('Worker', SHOP.workerName);
  worker.autoScaleTaskCount({ minCapacity: 2, maxCapacity: 10 }).scaleOnCpuUtilization('Cpu', { targetUtilizationPercent: 50 });
  app.synth();
  return outdir;
}

/** History starts on a Monday, 2026-03-02, and lasts 28 days; the forecast counts from 2026-03-29. */
export const HISTORY_START = Date.UTC(2026, 2, 2);
export const HISTORY_DAYS = 28;

/**
 * Tasks needed by Api: 4 + 0.25 × day at the 14:00 peak, half that otherwise; 5 tasks run, so CPU is
 * `60 × need / 5`. Known answer: last day's peak 10.75, +0.25/day, reaches 20 in (20 − 10.75) / 0.25 = 37 days.
 * Worker: 3 tasks needed all day, every day (2 running at 75 % against a 50 % target).
 */
export function apiNeed(tMs: number): number {
  const day = Math.floor((tMs - HISTORY_START) / 86_400_000);
  const hour = new Date(tMs).getUTCHours();
  return (4 + 0.25 * day) * (hour === 14 ? 1 : 0.5);
}

/** The account's Fargate On-Demand vCPU: 90 used of a quota of 100, so Api (0.5 vCPU a task, 5 running) has room for 25 tasks. */
export const FARGATE_USAGE = 90;
export const FARGATE_QUOTA = 100;
const FARGATE_DIMENSIONS = { Service: 'Fargate', Type: 'Resource', Resource: 'vCPU', Class: 'Standard/OnDemand' };

export function valueAt(metricName: string, serviceName: string, tMs: number): number | undefined {
  const api = serviceName !== SHOP.workerName;
  if (metricName === 'RunningTaskCount') return api ? 5 : 2;
  if (metricName === 'CPUUtilization') return api ? (60 * apiNeed(tMs)) / 5 : 75;
  return undefined;
}

/** The backtest metrics-file format: hourly points of both services. */
export function metricsFile(apiLogicalId: string, days = HISTORY_DAYS): unknown {
  const hours = Array.from({ length: days * 24 }, (_, h) => HISTORY_START + h * 3_600_000);
  const entry = (namespace: string, metricName: string, serviceName: string) => ({
    namespace,
    metricName,
    period: 3600,
    dimensions: { ClusterName: SHOP.clusterName, ServiceName: serviceName },
    points: hours.map((t) => ({ timestamp: new Date(t).toISOString(), value: valueAt(metricName, serviceName, t) })),
  });
  const api = SHOP.apiDeployedName(apiLogicalId);
  const usage = (statistic: string | undefined, value: number) => ({
    namespace: 'AWS/Usage',
    metricName: 'ResourceCount',
    period: 3600,
    dimensions: FARGATE_DIMENSIONS,
    ...(statistic ? { statistic } : {}),
    points: hours.slice(-24).map((t) => ({ timestamp: new Date(t).toISOString(), value })),
  });
  return {
    metrics: [
      usage(undefined, FARGATE_USAGE), usage('SERVICE_QUOTA', FARGATE_QUOTA),
      entry('ECS/ContainerInsights', 'RunningTaskCount', api), entry('AWS/ECS', 'CPUUtilization', api),
      entry('ECS/ContainerInsights', 'RunningTaskCount', SHOP.workerName), entry('AWS/ECS', 'CPUUtilization', SHOP.workerName),
    ],
  };
}
