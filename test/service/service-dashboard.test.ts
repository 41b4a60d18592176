import { Stack, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { createServiceDashboard } from '../../src/service/service-dashboard';

function metric(name: string, statistic = 'Average') {
  return new cloudwatch.Metric({ namespace: 'Test', metricName: name, statistic });
}

describe('createServiceDashboard', () => {
  function body(alarms: cloudwatch.IAlarm[], extraWidgets: cloudwatch.IWidget[], stack = new Stack()) {
    const dashboard = createServiceDashboard(stack, 'D', {
      serviceName: 'Checkout',
      requestCount: metric('Requests'),
      serverErrors: metric('5xx'),
      clientErrors: metric('4xx'),
      responseTime: (s) => metric('Latency', s),
      cpuUtilization: metric('Cpu'),
      memoryUtilization: metric('Mem'),
      runningTasks: metric('Tasks'),
      alarms,
      extraWidgets,
    });
    // The body is an Fn::Join around tokens (Region, alarm ARNs): render tokens as a placeholder to parse it.
    const resolved = stack.resolve((dashboard.node.defaultChild as cloudwatch.CfnDashboard).dashboardBody);
    const parts: unknown[] = typeof resolved === 'string' ? [resolved] : resolved['Fn::Join'][1];
    return parts.map((p) => (typeof p === 'string' ? p : 'TOKEN')).join('');
  }

  test('four golden-signal graphs named after the service, then extra widgets', () => {
    const parsed = JSON.parse(body([], [new cloudwatch.TextWidget({ markdown: 'SLO here' })]));
    const widgets = parsed.widgets as Array<{ type: string; properties: { title?: string; markdown?: string } }>;
    expect(widgets.map((w) => w.properties.title ?? w.properties.markdown)).toEqual([
      'Checkout latency (target response time)',
      'Checkout traffic (requests)',
      'Checkout errors (5XX, 4XX)',
      'Checkout saturation (CPU, memory %) and running tasks',
      'SLO here',
    ]);
    expect(JSON.stringify(widgets[0])).toContain('p99');
  });

  test('an alarm status widget when there are alarms', () => {
    const stack = new Stack();
    const alarm = new cloudwatch.Alarm(stack, 'A', { metric: metric('x'), threshold: 1, evaluationPeriods: 1 });
    const parsed = JSON.parse(body([alarm], [], stack));
    expect(parsed.widgets.some((w: { type: string }) => w.type === 'alarm')).toBe(true);
  });
});
