import { Duration, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { importedAlb, plainAvailability, testStack } from './helpers';
import { ServiceLevelObjective, SloAlarmSet } from '../../src/slo';

function dashboardBody(build: (stack: any) => cloudwatch.IWidget[]): any {
  const stack = testStack();
  new cloudwatch.Dashboard(stack, 'Dash', { widgets: [build(stack)] });
  const dashboard = Object.values(Template.fromStack(stack).findResources('AWS::CloudWatch::Dashboard'))[0] as any;
  const parts = dashboard.Properties.DashboardBody['Fn::Join'][1];
  return JSON.parse(parts.map((p: any) => (typeof p === 'string' ? p : 'us-east-1')).join(''));
}

describe('SLO widgets', () => {
  test('one summary plus one burn-rate graph per long window', () => {
    const body = dashboardBody((stack) => new SloAlarmSet(stack, 'S', { serviceName: 'checkout', slos: [plainAvailability()] }).widgets());
    expect(body.widgets.map((w: any) => w.properties.title)).toEqual([
      'checkout Availability (99.9% over 30 days): attainment and budget left',
      'checkout Availability (99.9% over 30 days): burn rate over 1h',
      'checkout Availability (99.9% over 30 days): burn rate over 6h',
      'checkout Availability (99.9% over 30 days): burn rate over 1d',
      'checkout Availability (99.9% over 30 days): burn rate over 3d',
    ]);
  });

  test('attainment and budget left are computed over the whole window', () => {
    const [summary] = dashboardBody((stack) => new SloAlarmSet(stack, 'S', { serviceName: 'checkout', slos: [plainAvailability()] }).widgets()).widgets;
    expect(summary.properties).toMatchObject({ view: 'singleValue', setPeriodToTimeRange: true, start: '-P30D' });
    const expressions = summary.properties.metrics.map((m: any[]) => m[m.length - 1]).filter((o: any) => o.expression && o.visible !== false);
    expect(expressions.map((o: any) => o.expression)).toEqual(['100 * (1 - ratio)', '100 * (1 - ratio / 0.001)']);
  });

  test('burn-rate graphs divide the window ratio by the budget and draw the thresholds', () => {
    const widgets = dashboardBody((stack) => new SloAlarmSet(stack, 'S', { serviceName: 'checkout', slos: [plainAvailability()] }).widgets()).widgets;
    const oneHour = widgets[1].properties;
    expect(oneHour.metrics[0][0]).toMatchObject({ expression: 'ratio / 0.001', period: 3_600 });
    expect(oneHour.annotations.horizontal).toEqual([{ value: 14.4, label: 'PAGE at 14.4x', color: '#d62728', yAxis: 'left' }]);
    expect(widgets[4].properties.annotations.horizontal[0]).toMatchObject({ value: 1, label: 'TICKET at 1x' });
  });

  test('widgetsFor picks one SLO', () => {
    const body = dashboardBody((stack) => new SloAlarmSet(stack, 'S', {
      serviceName: 'checkout',
      slos: [
        plainAvailability(),
        ServiceLevelObjective.albLatency({ objectivePercent: 99, loadBalancer: importedAlb(stack), threshold: Duration.millis(300) }),
      ],
    }).widgetsFor('Latency'));
    expect(body.widgets).toHaveLength(5);
    expect(body.widgets[0].properties.title).toMatch(/^checkout Latency \(99% over 30 days\)/);
  });
});
