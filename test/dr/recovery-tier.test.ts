import { RecoveryTier } from '../../src/dr';

test.each([
  [RecoveryTier.CRITICAL, 'critical', 15, 60, 'Critical'],
  [RecoveryTier.IMPORTANT, 'important', 240, 480, 'Important'],
  [RecoveryTier.STANDARD, 'standard', 1440, 1440, 'NonCritical'],
])('tier %#: %s has RPO %i min, RTO %i min, Resilience Hub tier %s', (tier, name, rpo, rto, hubTier) => {
  expect(tier.name).toBe(name);
  expect(tier.rpo.toMinutes()).toBe(rpo);
  expect(tier.rto.toMinutes()).toBe(rto);
  expect(tier.resilienceHubTier).toBe(hubTier);
});
