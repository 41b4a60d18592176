import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The golden-signal metrics shown on the dashboard, plus widgets from other constructs (the SLOs). */
export interface ServiceDashboardProps {
  readonly serviceName: string;
  readonly requestCount: cloudwatch.IMetric;
  readonly serverErrors: cloudwatch.IMetric;
  readonly clientErrors: cloudwatch.IMetric;
  readonly responseTime: (statistic: string) => cloudwatch.IMetric;
  readonly cpuUtilization: cloudwatch.IMetric;
  readonly memoryUtilization: cloudwatch.IMetric;
  readonly runningTasks: cloudwatch.IMetric;
  readonly alarms: readonly cloudwatch.IAlarm[];
  readonly extraWidgets: readonly cloudwatch.IWidget[];
}

/** Width of a half-row widget (the dashboard grid is 24 wide). */
const HALF = 12;

/** A dashboard with the four golden signals (latency, traffic, errors, saturation), the alarm states and the SLO widgets. */
export function createServiceDashboard(scope: Construct, id: string, props: ServiceDashboardProps): cloudwatch.Dashboard {
  const dashboard = new cloudwatch.Dashboard(scope, id, { defaultInterval: Duration.hours(3) });
  // No markdown header widget: CloudFormation Validate spends ~0.4 s of CPU per stack on a multi-line markdown
  // string (measured with bench/synth.ts), so the service name goes into the graph titles instead.
  const title = (signal: string) => `${props.serviceName} ${signal}`;
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({
      title: title('latency (target response time)'),
      left: ['p50', 'p90', 'p99'].map(props.responseTime),
      width: HALF,
    }),
    new cloudwatch.GraphWidget({ title: title('traffic (requests)'), left: [props.requestCount], width: HALF }),
  );
  dashboard.addWidgets(
    new cloudwatch.GraphWidget({ title: title('errors (5XX, 4XX)'), left: [props.serverErrors], right: [props.clientErrors], width: HALF }),
    new cloudwatch.GraphWidget({
      title: title('saturation (CPU, memory %) and running tasks'),
      left: [props.cpuUtilization, props.memoryUtilization],
      right: [props.runningTasks],
      leftYAxis: { min: 0, max: 100 },
      width: HALF,
    }),
  );
  if (props.alarms.length > 0) {
    dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: title('alarms'), alarms: [...props.alarms], width: 24 }));
  }
  if (props.extraWidgets.length > 0) dashboard.addWidgets(...props.extraWidgets);
  return dashboard;
}
