import { Template } from 'aws-cdk-lib/assertions';
import { formatFindings } from '../../examples/compliance/findings';
import { synthWithCompliance } from '../../examples/compliance/synth';
import { EXAMPLE_ENV } from '../../examples/example-app';
import { AlertingStack } from '../../examples/stacks/alerting-stack';
import { SloExampleStack } from '../../examples/stacks/slo-example';
import { WINDOW_ALARM_ACTION_RULES } from '../../src/slo/window-alarm-acknowledgements';

describe('SLO example', () => {
  test('synthesizes with zero unacknowledged findings under every pack', () => {
    let stack: SloExampleStack | undefined;
    const result = synthWithCompliance((app) => {
      const alerting = new AlertingStack(app, 'Alerting', { env: EXAMPLE_ENV });
      stack = new SloExampleStack(app, 'CheckoutSlo', { env: EXAMPLE_ENV, pageTopic: alerting.pageTopic, ticketTopic: alerting.ticketTopic });
    });
    expect(formatFindings(result.findings)).toBe('');
    // The only acknowledgements: 3 alarm-action rules on each of the 16 window alarms and the 2
    // still-burning alarms, each with its reason.
    const ours = result.acknowledgements.filter((a) => a.constructPath.startsWith('CheckoutSlo/'));
    expect(ours).toHaveLength(54);
    expect(new Set(ours.map((a) => a.rule))).toEqual(new Set(WINDOW_ALARM_ACTION_RULES));
    expect(ours.filter((a) => !/\/((Page|Ticket)\w+(Long|Short)|StillBurning10m)$/.test(a.constructPath) || a.reason.length <= 40)).toEqual([]);
    const template = Template.fromStack(stack!);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 18);
    // pageAlarm and ticketAlarm hold the pairs in their rules: no composite per pair.
    template.resourceCountIs('AWS::CloudWatch::CompositeAlarm', 2);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    // ALB availability: (8 windows + still burning) × 3 metrics; latency: 4 long windows × 2 (the
    // bad-event guard adds the request count), 4 short windows and still burning × 1; 2 set composites.
    expect([stack!.alarmSet.monthlyCostUsdFor('Availability'), stack!.alarmSet.monthlyCostUsdFor('Latency'), stack!.alarmSet.monthlyCostUsd])
      .toEqual([2.7, 1.3, 5]);
  });
});
