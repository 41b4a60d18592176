import { aws_cloudwatch_actions as actions, aws_ecs as ecs, aws_sns as sns } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ReliableService } from '../../src';
import { findings, newStack } from '../nag/utils';

/**
 * A user who routes only pages once got saturation alarms and an SLO ticket alarm without
 * actions, and ReliabilityChecks warned on the user's app about the library's own alarms. Now the
 * props say how (`ticket: page`, or an error naming alarmActions.ticket), and an app that pages for
 * everything has no finding on them.
 */
describe('alarm routing when a user pages for tickets too (ticket: page)', () => {
  const stack = newStack({ env: { account: '111111111111', region: 'us-east-1' } });
  const topic = sns.Topic.fromTopicArn(stack, 'Pages', 'arn:aws:sns:us-east-1:111111111111:pages');
  const page = [new actions.SnsAction(topic)];
  new ReliableService(stack, 'Api', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx-unprivileged:1.27'),
    containerPort: 8080,
    healthCheckPath: '/',
    allowPlainHttp: true,
    alarmActions: { page, ticket: page },
    trafficAnomalyAlarm: true,
  });

  test('ReliabilityChecks reports no alarm-action finding on any of the service\'s alarms', () => {
    const all = findings(stack);
    const alarmRules = ['Reliability-CloudWatchAlarmAction', 'Reliability-CloudWatchCompositeAlarmAction'];
    for (const rule of alarmRules) {
      expect({ rule, paths: (all.get(rule) ?? []).filter((p) => p.startsWith('Test/Api')) }).toEqual({ rule, paths: [] });
    }
  });

  test('every metric alarm the service creates either notifies the topic or is consumed by a composite / ECS', () => {
    const template = Template.fromStack(stack);
    const withAction = Object.entries(template.findResources('AWS::CloudWatch::Alarm'))
      .filter(([, r]) => JSON.stringify(r.Properties.AlarmActions ?? []).includes(':pages'));
    // CPU, memory, traffic anomaly, deployment 5XX rate: all ticket severity, all routed to the page topic here.
    expect(withAction.map(([id]) => id).sort()).toEqual(expect.arrayContaining([
      expect.stringMatching(/CpuSaturation/), expect.stringMatching(/MemorySaturation/),
      expect.stringMatching(/TrafficAnomaly/), expect.stringMatching(/DeploymentErrorRate/),
    ]));
    const composites = Object.values(template.findResources('AWS::CloudWatch::CompositeAlarm'))
      .filter((r) => JSON.stringify(r.Properties.AlarmActions ?? []).includes(':pages'));
    expect(composites).toHaveLength(2); // the SLO page and ticket alarms
  });
});
