import { Duration } from 'aws-cdk-lib';
import { RecoveryObjectives, RecoveryStrategy, RecoveryTier } from '../../src/dr';
import { checkStrategyMeetsRto } from '../../src/dr/dr-input-rules';
import { achievableText, cheapestStrategyFor, strategyMeets, strategyRange, unmetRto } from '../../src/dr/strategy-ranges';

const OWNER = "[Main/Dr] DrBackupPlan 'Dr'";

describe('strategy ranges (DR whitepaper / Reliability Pillar REL13-BP02)', () => {
  test.each([
    // rpo, rto (minutes) → cheapest strategy that meets both
    [24 * 60, 24 * 60, 'BACKUP_AND_RESTORE'],
    [60, 4 * 60, 'BACKUP_AND_RESTORE'],
    [30, 4 * 60, 'PILOT_LIGHT'],
    [60, 3 * 60, 'PILOT_LIGHT'],
    [60, 119, 'WARM_STANDBY'],
    [15, 60, 'WARM_STANDBY'],
    [1, 15, 'WARM_STANDBY'],
    [1, 14, 'ACTIVE_ACTIVE'],
    [0.5, 60, 'ACTIVE_ACTIVE'],
  ])('RPO %p min, RTO %p min → %s', (rpo, rto, key) => {
    expect(cheapestStrategyFor(rpo, rto).key).toBe(key);
  });

  test('each tier resolves to the strategy that can meet it: critical → warm standby, important and standard → backup and restore', () => {
    expect(RecoveryStrategy.forObjectives(RecoveryObjectives.tier(RecoveryTier.CRITICAL))).toBe(RecoveryStrategy.WARM_STANDBY);
    expect(RecoveryStrategy.forObjectives(RecoveryObjectives.tier(RecoveryTier.IMPORTANT))).toBe(RecoveryStrategy.BACKUP_AND_RESTORE);
    expect(RecoveryStrategy.forObjectives(RecoveryObjectives.tier(RecoveryTier.STANDARD))).toBe(RecoveryStrategy.BACKUP_AND_RESTORE);
    expect(RecoveryStrategy.forObjectives(RecoveryObjectives.of({ rpo: Duration.minutes(15), rto: Duration.hours(3) })))
      .toBe(RecoveryStrategy.PILOT_LIGHT);
  });

  test('floors are ordered: each more expensive strategy meets at least what the cheaper one meets', () => {
    const all = RecoveryStrategy.all().map((s) => s._range());
    for (let i = 1; i < all.length; i++) {
      expect(all[i].rpoFloorMinutes).toBeLessThan(all[i - 1].rpoFloorMinutes);
      expect(all[i].rtoFloorMinutes).toBeLessThan(all[i - 1].rtoFloorMinutes);
    }
  });

  test('meets is inclusive at the floor', () => {
    const warm = strategyRange('WARM_STANDBY');
    expect(strategyMeets(warm, 1, 15)).toBe(true);
    expect(strategyMeets(warm, 1, 14.9)).toBe(false);
    expect(strategyMeets(warm, 0.9, 15)).toBe(false);
  });

  test('achievable text and Durations', () => {
    expect(achievableText(strategyRange('BACKUP_AND_RESTORE'))).toBe('RPO ≥ 1 h, RTO ≥ 4 h');
    expect(RecoveryStrategy.ACTIVE_ACTIVE.achievableText).toBe('RPO near zero, RTO near zero');
    expect(RecoveryStrategy.PILOT_LIGHT.achievableRto.toHours()).toBe(2);
    expect(RecoveryStrategy.WARM_STANDBY.displayName).toBe('warm standby');
  });

  test('unmet RTO names the cheapest strategy that would meet it', () => {
    const unmet = unmetRto(strategyRange('BACKUP_AND_RESTORE'), 15, 60);
    expect(unmet).toMatchObject({ prop: 'objectives.rto', declaredMinutes: 60, floorMinutes: 240 });
    expect(unmet?.wouldMeet.key).toBe('WARM_STANDBY');
    expect(unmetRto(strategyRange('WARM_STANDBY'), 15, 60)).toBeUndefined();
  });
});

describe('checkStrategyMeetsRto', () => {
  const backup = strategyRange('BACKUP_AND_RESTORE');
  test('the critical tier with backup and restore alone is an error naming warm standby', () => {
    expect(() => checkStrategyMeetsRto(OWNER, { rpoMinutes: 15, rtoMinutes: 60, strategy: backup, hasRegionalRecovery: false }))
      .toThrow(`${OWNER}: objectives.rto must be at least 4 hours for backup and restore (RPO hours, RTO up to 24 hours, per the AWS DR `
        + 'whitepaper), got 1 hour; warm standby would (RPO seconds, RTO minutes): protect the workload with a MultiRegionRecovery '
        + '(RecoveryStrategy.WARM_STANDBY) and pass it as recoveredBy, or set unmetRtoAcknowledgement to say why the RTO may be missed');
  });
  test('a pilot light that cannot meet one hour says warm standby would', () => {
    expect(() => checkStrategyMeetsRto(OWNER, { rpoMinutes: 15, rtoMinutes: 60, strategy: strategyRange('PILOT_LIGHT'), hasRegionalRecovery: true }))
      .toThrow('objectives.rto must be at least 2 hours for pilot light (RPO minutes, RTO hours, per the AWS DR whitepaper), got 1 hour; '
        + 'warm standby would (RPO seconds, RTO minutes): give recoveredBy a MultiRegionRecovery with that strategy');
  });
  test('an acknowledgement turns the error into a recorded miss', () => {
    const unmet = checkStrategyMeetsRto(OWNER, {
      rpoMinutes: 15, rtoMinutes: 60, strategy: backup, hasRegionalRecovery: false, acknowledgement: 'Orders can wait half a day in a Regional outage',
    });
    expect(unmet?.wouldMeet.key).toBe('WARM_STANDBY');
  });
  test('a short acknowledgement and a stale one are errors', () => {
    expect(() => checkStrategyMeetsRto(OWNER, { rpoMinutes: 15, rtoMinutes: 60, strategy: backup, hasRegionalRecovery: false, acknowledgement: 'ok' }))
      .toThrow(`${OWNER}: unmetRtoAcknowledgement must be a reason of at least 20 characters saying why the RTO may be missed, got "ok"`);
    expect(() => checkStrategyMeetsRto(OWNER, {
      rpoMinutes: 240, rtoMinutes: 480, strategy: backup, hasRegionalRecovery: false, acknowledgement: 'Orders can wait half a day in a Regional outage',
    })).toThrow(`${OWNER}: unmetRtoAcknowledgement must be left out: backup and restore meets the declared RTO of 8 hours, got "Orders`);
  });
  test('a met RTO passes without an acknowledgement', () => {
    expect(checkStrategyMeetsRto(OWNER, { rpoMinutes: 24 * 60, rtoMinutes: 24 * 60, strategy: backup, hasRegionalRecovery: false })).toBeUndefined();
  });
});
