import { App, Environment, Stack } from 'aws-cdk-lib';
import { AlertingStack } from './stacks/alerting-stack';
import { addChaosExperiments } from './stacks/chaos-example';
import { addDisasterRecovery } from './stacks/dr-example';
import { addBlueGreenPipeline } from './stacks/pipeline-example';
import { ServiceStack } from './stacks/service-example';

/** Where the example deploys: a fixed account and Region so the templates are deterministic. */
export const EXAMPLE_ENV: Environment = { account: '111111111111', region: 'us-east-1' };
/** The recovery Region, where backups are copied. */
export const EXAMPLE_DR_ENV: Environment = { account: '111111111111', region: 'us-west-2' };

/**
 * The stacks of the example app; tests build the same app in memory.
 *
 * On-call routing (pages to the paging service and the team channel, tickets to the team's queue) → the Checkout service (ReliableService with its SloAlarmSet, shipped by a
 * BlueGreenPipeline that rolls back on the SLO page alarm) → chaos experiments stopped by that
 * alarm; the orders table it keeps state in is protected by a DrBackupPlan with a copy in us-west-2, and Checkout
 * and the table have a warm standby in us-west-2 (MultiRegionRecovery) that meets the critical tier's one-hour RTO.
 */
export function buildExampleApp(app: App): void {
  const alerting = new AlertingStack(app, 'Alerting', { env: EXAMPLE_ENV });
  const checkout = new ServiceStack(app, 'Checkout', { env: EXAMPLE_ENV });
  const service = checkout.service;
  // The pipeline changes the service's deployment configuration, so it lives in the service's stack.
  addBlueGreenPipeline(checkout, {
    service: service.service,
    listener: service.listener,
    targetGroup: service.targetGroup,
    alternateTargetGroup: service.alternateTargetGroup,
    testListener: service.testListener,
    pageAlarm: service.slos.pageAlarm,
    rollbackAlarms: service.deploymentAlarms,
    approvalTopic: alerting.ticketTopic,
  });
  const chaos = new Stack(app, 'Chaos', { env: EXAMPLE_ENV });
  addChaosExperiments(chaos, {
    service: service.service,
    // enableFaultInjection on the service sets what the latency experiment needs (flag and pidMode task).
    taskDefinition: service.taskDefinition,
    stopAlarm: service.slos.pageAlarm,
    subnets: service.vpc.privateSubnets,
  });
  addDisasterRecovery(app, EXAMPLE_ENV, EXAMPLE_DR_ENV, { checkout: service, ticketTopic: alerting.ticketTopic });
  // Written once: every page and ticket alarm of the app to its route. Alarms of the recovery Region are
  // left to that Region's routing (an alarm action must be a topic of the alarm's Region).
  alerting.routing.routeAlarms(app);
}
