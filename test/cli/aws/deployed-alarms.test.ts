import { deployedDimensions, findDeployedAlarm } from '../../../src/cli/aws/deployed-alarms';
import { FakeCloudWatch, startFakeCloudWatch } from '../fake-cloudwatch';

describe('deployedDimensions', () => {
  test('a single-metric alarm is query m1; metric math alarms by query id', () => {
    expect(deployedDimensions({ MetricName: 'Errors', Dimensions: [{ Name: 'LoadBalancer', Value: 'app/web/1' }] })).toEqual(new Map([['m1', { LoadBalancer: 'app/web/1' }]]));
    expect(deployedDimensions({
      Metrics: [
        { Id: 'bad', MetricStat: { Metric: { MetricName: 'E', Dimensions: [{ Name: 'TargetGroup', Value: 'tg/1' }] }, Period: 60, Stat: 'Sum' } },
        { Id: 'e1', Expression: 'bad * 2' },
      ],
    })).toEqual(new Map([['bad', { TargetGroup: 'tg/1' }]]));
  });
});

describe('findDeployedAlarm (DescribeAlarms on a local endpoint)', () => {
  let cw: FakeCloudWatch;
  beforeAll(async () => {
    cw = await startFakeCloudWatch({ alarms: [{ AlarmName: 'Web-ErrorsAlarm1A2B-QWERTY' }, { AlarmName: 'named' }, { AlarmName: 'Web-Twin-1' }, { AlarmName: 'Web-Twin-2' }] });
  });
  afterAll(async () => { await cw.close(); });

  test('by CloudFormation generated name prefix, by literal name, and nothing when ambiguous or absent', async () => {
    const client = cw.client();
    expect((await findDeployedAlarm(client, 'Web', 'ErrorsAlarm1A2B', undefined))?.AlarmName).toBe('Web-ErrorsAlarm1A2B-QWERTY');
    expect((await findDeployedAlarm(client, 'Web', 'Whatever', 'named'))?.AlarmName).toBe('named');
    expect(await findDeployedAlarm(client, 'Web', 'Twin', undefined)).toBeUndefined();
    expect(await findDeployedAlarm(client, 'Web', 'Missing', undefined)).toBeUndefined();
    expect(cw.calls.map((c) => [c.target, c.body.AlarmNamePrefix ?? c.body.AlarmNames])).toEqual([
      ['GraniteServiceVersion20100801.DescribeAlarms', 'Web-ErrorsAlarm1A2B-'],
      ['GraniteServiceVersion20100801.DescribeAlarms', ['named']],
      ['GraniteServiceVersion20100801.DescribeAlarms', 'Web-Twin-'],
      ['GraniteServiceVersion20100801.DescribeAlarms', 'Web-Missing-'],
    ]);
  });
});
