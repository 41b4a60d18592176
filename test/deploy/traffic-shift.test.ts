import { Duration } from 'aws-cdk-lib';
import { TrafficShift, TrafficShiftKind } from '../../src/deploy';

describe('TrafficShift', () => {
  test('factories keep what they were given', () => {
    expect(TrafficShift.allAtOnce()).toMatchObject({ kind: TrafficShiftKind.ALL_AT_ONCE, stepPercent: undefined, interval: undefined });
    const canary = TrafficShift.canary(5, Duration.minutes(10));
    expect([canary.kind, canary.stepPercent, canary.interval?.toMinutes()]).toEqual([TrafficShiftKind.CANARY, 5, 10]);
    const linear = TrafficShift.linear(20, Duration.minutes(3));
    expect([linear.kind, linear.stepPercent, linear.interval?.toMinutes()]).toEqual([TrafficShiftKind.LINEAR, 20, 3]);
  });
});
