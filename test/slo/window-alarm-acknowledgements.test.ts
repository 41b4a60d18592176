import { App, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgeWindowAlarmActions, WINDOW_ALARM_ACTION_RULES } from '../../src/slo/window-alarm-acknowledgements';

test('each alarm-action rule is acknowledged on the window alarm with a reason naming its composite', () => {
  const stack = new Stack(new App(), 'S');
  const window = new Construct(stack, 'Page1h5mLong');
  const pair = new Construct(stack, 'Page1h5m');
  acknowledgeWindowAlarmActions(window, pair, 'S/Set/PageAlarm');
  const recorded = window.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
  const text = JSON.stringify(recorded.map((m) => m.data));
  for (const rule of WINDOW_ALARM_ACTION_RULES) expect(text).toContain(rule);
  expect(text).toContain('notifies only through composite alarm S/Page1h5m');
  expect(text).toContain('feeds S/Set/PageAlarm');
});
