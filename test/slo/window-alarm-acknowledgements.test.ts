import { App, Stack, Validations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgeStillBurningActions, acknowledgeWindowAlarmActions, WINDOW_ALARM_ACTION_RULES } from '../../src/slo/window-alarm-acknowledgements';

test('each alarm-action rule is acknowledged on the window alarm with a reason naming its composite and the other window', () => {
  const stack = new Stack(new App(), 'S');
  const window = new Construct(stack, 'Page1h5mLong');
  const other = new Construct(stack, 'Page1h5mShort');
  acknowledgeWindowAlarmActions(window, other, 'S/Set/PageAlarm');
  const recorded = window.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY);
  const text = JSON.stringify(recorded.map((m) => m.data));
  for (const rule of WINDOW_ALARM_ACTION_RULES) expect(text).toContain(rule);
  expect(text).toContain('notifies only through composite alarm S/Set/PageAlarm');
  expect(text).toContain('requires it together with S/Page1h5mShort');
});

test('the still-burning alarm is acknowledged with the page pairs it confirms', () => {
  const stack = new Stack(new App(), 'S');
  const alarm = new Construct(stack, 'StillBurning10m');
  acknowledgeStillBurningActions(alarm, [new Construct(stack, 'Page6h30mLong')], 'S/Set/PageAlarm');
  const text = JSON.stringify(alarm.node.metadata.filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY).map((m) => m.data));
  for (const rule of WINDOW_ALARM_ACTION_RULES) expect(text).toContain(rule);
  expect(text).toContain('page pair(s) of S/Page6h30mLong in the rule of composite alarm S/Set/PageAlarm');
});
