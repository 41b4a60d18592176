import * as fs from 'fs';
import * as path from 'path';
import { synthExampleApp } from '../../examples/compliance/example-assembly';

/** Every marked alarm of the example app reaches its route, and every route reaches a destination. */
describe('example app on-call routing', () => {
  const templates = new Map<string, any>();
  beforeAll(() => {
    const { assemblyDir } = synthExampleApp();
    for (const file of fs.readdirSync(assemblyDir).filter((f) => f.endsWith('.template.json'))) {
      templates.set(file.replace('.template.json', ''), JSON.parse(fs.readFileSync(path.join(assemblyDir, file), 'utf8')));
    }
  });
  const resources = (stack: string) => Object.entries(templates.get(stack).Resources as Record<string, any>);
  const marked = () => [...templates.entries()].flatMap(([stack, t]) => Object.entries(t.Resources as Record<string, any>)
    .filter(([, r]) => r.Metadata?.['cdk-reliability:alert']).map(([id, r]) => ({ stack, id, mark: r.Metadata['cdk-reliability:alert'], r })));

  test('every page alarm publishes to a page topic and every ticket alarm to a ticket topic, in its own Region', () => {
    const alarms = marked();
    expect(alarms.filter((a) => a.mark === 'PAGE').length).toBeGreaterThanOrEqual(1);
    expect(alarms.filter((a) => a.mark === 'TICKET').length).toBeGreaterThanOrEqual(8);
    for (const alarm of alarms) {
      const route = alarm.mark === 'PAGE' ? 'OnCallPageTopic' : 'OnCallTicketTopic';
      expect({ alarm: `${alarm.stack}/${alarm.id}`, actions: JSON.stringify(alarm.r.Properties.AlarmActions) })
        .toEqual({ alarm: `${alarm.stack}/${alarm.id}`, actions: expect.stringContaining(route) });
    }
  });

  test('the page route reaches the paging webhook and the team channel, the ticket route the team queue', () => {
    const subscriptions = resources('Alerting').filter(([, r]) => r.Type === 'AWS::SNS::Subscription').map(([, r]) => r.Properties);
    expect(subscriptions.find((s) => s.Protocol === 'https').TopicArn.Ref).toMatch(/^OnCallPageTopic/);
    expect(subscriptions.find((s) => s.Protocol === 'email')).toMatchObject({ Endpoint: 'checkout-queue@tickets.example.com', TopicArn: { Ref: expect.stringMatching(/^OnCallTicketTopic/) } });
    const [, slack] = resources('Alerting').find(([, r]) => r.Type === 'AWS::Chatbot::SlackChannelConfiguration')!;
    expect(slack.Properties.SnsTopicArns.map((t: any) => t.Ref)).toEqual([expect.stringMatching(/^OnCallPageTopic/), expect.stringMatching(/^OnCallTicketTopic/)]);
  });

  test('the SLO page alarm links to its runbook under the example\'s runbook base URL', () => {
    const page = marked().find((a) => a.mark === 'PAGE' && a.stack === 'Checkout')!;
    expect(page.r.Properties.AlarmDescription).toMatch(new RegExp(`Runbook: https://runbooks\\.example\\.com/checkout/Checkout/${page.id}\\.md$`));
  });
});
