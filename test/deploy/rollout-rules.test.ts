import { Duration } from 'aws-cdk-lib';
import { DeploymentEngine, TrafficShift } from '../../src/deploy';
import { checkBakeTime, checkTrafficShift, rolloutMinutes } from '../../src/deploy/rollout-rules';

describe('rollout rules', () => {
  test('rollout minutes: all at once is the bake, canary adds one interval, linear one per step but the last', () => {
    expect(rolloutMinutes(TrafficShift.allAtOnce(), Duration.minutes(10))).toBe(10);
    expect(rolloutMinutes(TrafficShift.canary(5, Duration.minutes(10)), Duration.minutes(10))).toBe(20);
    expect(rolloutMinutes(TrafficShift.linear(25, Duration.minutes(5)), Duration.minutes(10))).toBe(25);
    expect(rolloutMinutes(TrafficShift.linear(30, Duration.minutes(5)), Duration.minutes(0))).toBe(15);
  });

  test('limits differ per engine', () => {
    expect(() => checkTrafficShift('X', TrafficShift.linear(2, Duration.minutes(1)), DeploymentEngine.CODE_DEPLOY)).not.toThrow();
    expect(() => checkTrafficShift('X', TrafficShift.linear(2, Duration.minutes(1)), DeploymentEngine.ECS_NATIVE)).toThrow('between 3 and 99');
    expect(() => checkTrafficShift('X', TrafficShift.canary(0.5, Duration.minutes(1)), DeploymentEngine.ECS_NATIVE)).toThrow('between 1 and 99');
    expect(() => checkTrafficShift('X', TrafficShift.canary(12.34, Duration.minutes(1)), DeploymentEngine.ECS_NATIVE)).toThrow('multiple of 0.1');
    expect(() => checkTrafficShift('X', TrafficShift.canary(12.3, Duration.minutes(1)), DeploymentEngine.ECS_NATIVE)).not.toThrow();
    expect(() => checkTrafficShift('X', TrafficShift.canary(10, Duration.minutes(2000)), DeploymentEngine.CODE_DEPLOY)).not.toThrow();
    expect(() => checkTrafficShift('X', TrafficShift.canary(10, Duration.minutes(2881)), DeploymentEngine.CODE_DEPLOY)).toThrow('between 1 and 2880');
    expect(() => checkTrafficShift('X', TrafficShift.canary(10, Duration.minutes(0)), DeploymentEngine.ECS_NATIVE)).toThrow('between 1 and 1440');
  });

  test('bake time accepts 0 to 1,440 whole minutes', () => {
    expect(() => checkBakeTime('X', Duration.minutes(0))).not.toThrow();
    expect(() => checkBakeTime('X', Duration.minutes(1440))).not.toThrow();
    expect(() => checkBakeTime('X', Duration.seconds(30))).toThrow('X: bakeTime must be a whole number of minutes between 0 and 1440, got 30 seconds');
  });
});
