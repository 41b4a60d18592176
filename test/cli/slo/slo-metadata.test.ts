import { AssemblyStack } from '../../../src/cli/assembly/cloud-assembly';
import { readSloDefinitions, sloAlarmLogicalIds } from '../../../src/cli/slo/slo-metadata';

const stackWith = (value: unknown): AssemblyStack => ({
  artifactId: 'S',
  displayName: 'S',
  region: 'us-east-1',
  templateFile: 'S.template.json',
  metadata: {},
  constructPaths: {},
  template: { Resources: {}, Metadata: { 'cdk-reliability:slos': value } },
});

const slo = {
  name: 'Latency',
  kind: 'LATENCY',
  objectivePercent: 99,
  window: { name: 'ROLLING_7_DAYS', days: 7, seconds: 604_800 },
  errorBudget: 0.01,
  sli: { returnQueryId: 'errorRatio', queries: [{ id: 'errorRatio', expression: 'slow / all' }], sliAlarmLogicalId: 'Long1' },
  monthlyCostUsd: 1.2,
  alerts: [{ severity: 'PAGE', burnRate: 14.4, threshold: 0.144, longWindowSeconds: 3600, shortWindowSeconds: 300, longAlarmLogicalId: 'Long1', shortAlarmLogicalId: 'Short1', stillBurningAlarmLogicalId: 'Burning1' }],
};

describe('readSloDefinitions (docs/slo-alarm-set.md, formatVersion 1)', () => {
  test('one definition per SLO of every alarm set, with stack and Region', () => {
    const [definition] = readSloDefinitions([stackWith({ formatVersion: 1, alarmSets: [{ serviceName: 'api', constructPath: 'S/Slos', slos: [slo] }] })]);
    expect(definition).toMatchObject({
      stack: 'S',
      region: 'us-east-1',
      serviceName: 'api',
      alarmSetPath: 'S/Slos',
      name: 'Latency',
      objectivePercent: 99,
      windowName: 'ROLLING_7_DAYS',
      windowSeconds: 604_800,
      errorBudget: 0.01,
      monthlyCostUsd: 1.2,
    });
    expect(sloAlarmLogicalIds(definition)).toEqual(['Burning1', 'Long1', 'Short1']);
  });

  test('stacks without SLO metadata contribute nothing', () => {
    expect(readSloDefinitions([{ ...stackWith(undefined), template: { Resources: {} } }])).toEqual([]);
  });

  test.each([
    [{ formatVersion: 1 }, 'S.template.json Metadata.cdk-reliability:slos has no alarmSets array'],
    [{ formatVersion: 2, alarmSets: [] }, 'formatVersion must be 1, got 2 (upgrade cdk-reliability)'],
    [{ formatVersion: 1, alarmSets: [{ slos: [{ ...slo, objectivePercent: '99' }] }] }, 'slos[].objectivePercent must be a number, got "99"'],
  ])('malformed %j', (value, message) => {
    expect(() => readSloDefinitions([stackWith(value)])).toThrow(message);
  });
});
