import { Duration } from 'aws-cdk-lib';
import { RecoveryObjectives, RecoveryTier } from '../../src/dr';

test('a tier brings its objectives and itself', () => {
  const objectives = RecoveryObjectives.tier(RecoveryTier.IMPORTANT);
  expect(objectives.rpo.toHours()).toBe(4);
  expect(objectives.rto.toHours()).toBe(8);
  expect(objectives.presetTier).toBe(RecoveryTier.IMPORTANT);
});

test('explicit objectives have no tier', () => {
  const objectives = RecoveryObjectives.of({ rpo: Duration.minutes(30), rto: Duration.hours(2) });
  expect(objectives.rpo.toMinutes()).toBe(30);
  expect(objectives.rto.toMinutes()).toBe(120);
  expect(objectives.presetTier).toBeUndefined();
});
