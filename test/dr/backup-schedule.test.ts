import { backupWindows, cronForInterval, needsPointInTimeRecovery, snapshotIntervalHours } from '../../src/dr/backup-schedule';

describe('snapshotIntervalHours', () => {
  test.each([
    [15, 1], [59, 1], [60, 1], [119, 1], [120, 2], [180, 3], [240, 4], [300, 4], [360, 6], [480, 6],
    [720, 12], [1439, 12], [1440, 24], [2880, 24], [10080, 24],
  ])('RPO %i minutes → every %i hours (never longer than the RPO above an hour)', (rpo, hours) => {
    expect(snapshotIntervalHours(rpo)).toBe(hours);
    if (rpo >= 60) expect(hours * 60).toBeLessThanOrEqual(rpo);
  });
});

describe('needsPointInTimeRecovery', () => {
  test('only an RPO under the one-hour snapshot minimum needs PITR', () => {
    expect(needsPointInTimeRecovery(15)).toBe(true);
    expect(needsPointInTimeRecovery(59)).toBe(true);
    expect(needsPointInTimeRecovery(60)).toBe(false);
  });
});

describe('cronForInterval', () => {
  test('hourly, every n hours, and daily at 05:00 UTC', () => {
    expect(cronForInterval(1)).toEqual({ minute: '0', hour: '*' });
    expect(cronForInterval(4)).toEqual({ minute: '0', hour: '*/4' });
    expect(cronForInterval(24)).toEqual({ minute: '0', hour: '5' });
  });
});

describe('backupWindows', () => {
  test('hourly with RTO 1 h: the AWS minimum start window, completion one hour later', () => {
    expect(backupWindows(60, 60)).toEqual({ startWindowMinutes: 60, completionWindowMinutes: 120 });
  });
  test('every 4 hours with RTO 8 h: start within half the interval, complete within the interval', () => {
    expect(backupWindows(240, 480)).toEqual({ startWindowMinutes: 120, completionWindowMinutes: 240 });
  });
  test('daily with RTO 1 h: the start window follows the RTO, not the interval', () => {
    expect(backupWindows(1440, 60)).toEqual({ startWindowMinutes: 60, completionWindowMinutes: 120 });
  });
  test('daily with RTO 24 h: start window capped at 8 h, completion at the RTO', () => {
    expect(backupWindows(1440, 1440)).toEqual({ startWindowMinutes: 480, completionWindowMinutes: 1440 });
  });
  test('completion is always at least an hour after the start window', () => {
    for (const interval of [60, 120, 240, 720, 1440, 10080]) {
      for (const rto of [60, 240, 480, 1440, 4320]) {
        const w = backupWindows(interval, rto);
        expect(w.completionWindowMinutes - w.startWindowMinutes).toBeGreaterThanOrEqual(60);
        expect(w.startWindowMinutes).toBeGreaterThanOrEqual(60);
        expect(w.startWindowMinutes).toBeLessThanOrEqual(480);
      }
    }
  });
});
