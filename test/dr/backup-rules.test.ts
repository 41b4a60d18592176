import {
  coldStorageProblems, defaultLockMinRetentionDays, defaultRetentionDays, deriveBackupRules, retentionProblems,
} from '../../src/dr/backup-rules';

const summary = (rules: ReturnType<typeof deriveBackupRules>) =>
  rules.map((r) => `${r.name}:${r.deleteAfterDays}d${r.continuous ? ':pitr' : ''}${r.moveToColdStorageAfterDays ? `:cold${r.moveToColdStorageAfterDays}` : ''}`);

describe('defaultRetentionDays (tier profiles)', () => {
  test('critical (RPO under an hour): frequent, daily, weekly, monthly and PITR', () => {
    expect(defaultRetentionDays(15)).toEqual({ frequent: 7, daily: 35, weekly: 91, monthly: 365, continuous: 35 });
  });
  test('important (RPO up to 8 hours): frequent, daily, weekly', () => {
    expect(defaultRetentionDays(240)).toEqual({ frequent: 7, daily: 35, weekly: 91 });
  });
  test('standard: daily only', () => {
    expect(defaultRetentionDays(1440)).toEqual({ daily: 35 });
  });
});

describe('deriveBackupRules', () => {
  test('critical with continuous backup: PITR 35 d, hourly 7 d, daily, weekly, monthly', () => {
    const rules = deriveBackupRules({ rpoMinutes: 15, rtoMinutes: 60, continuousBackup: true, retention: defaultRetentionDays(15) });
    expect(summary(rules)).toEqual(['Continuous:35d:pitr', 'Hourly:7d', 'Daily:35d', 'Weekly:91d', 'Monthly:365d']);
    expect(rules[1].cron).toEqual({ minute: '0', hour: '*' });
    expect(rules[3].cron).toEqual({ minute: '0', hour: '5', weekDay: 'SUN' });
    expect(rules[4].cron).toEqual({ minute: '0', hour: '5', day: '1' });
  });
  test('critical without continuous backup (DynamoDB native PITR): no continuous rule', () => {
    const rules = deriveBackupRules({ rpoMinutes: 15, rtoMinutes: 60, continuousBackup: false, retention: defaultRetentionDays(15) });
    expect(summary(rules)).toEqual(['Hourly:7d', 'Daily:35d', 'Weekly:91d', 'Monthly:365d']);
  });
  test('important: every 4 hours, windows within the interval and the RTO', () => {
    const rules = deriveBackupRules({ rpoMinutes: 240, rtoMinutes: 480, continuousBackup: false, retention: defaultRetentionDays(240) });
    expect(summary(rules)).toEqual(['Every4Hours:7d', 'Daily:35d', 'Weekly:91d']);
    expect(rules[0]).toMatchObject({ cron: { minute: '0', hour: '*/4' }, intervalMinutes: 240, startWindowMinutes: 120, completionWindowMinutes: 240 });
  });
  test('standard: one daily rule', () => {
    const rules = deriveBackupRules({ rpoMinutes: 1440, rtoMinutes: 1440, continuousBackup: false, retention: defaultRetentionDays(1440) });
    expect(summary(rules)).toEqual(['Daily:35d']);
    expect(rules[0]).toMatchObject({ startWindowMinutes: 480, completionWindowMinutes: 1440 });
  });
  test('explicit RPO 2 h: every 2 hours', () => {
    const rules = deriveBackupRules({ rpoMinutes: 120, rtoMinutes: 240, continuousBackup: false, retention: defaultRetentionDays(120) });
    expect(rules[0].name).toBe('Every2Hours');
  });
  test('continuous retention defaults to the daily retention when shorter than 35 days', () => {
    const rules = deriveBackupRules({ rpoMinutes: 15, rtoMinutes: 60, continuousBackup: true, retention: { daily: 14 } });
    expect(rules[0]).toMatchObject({ name: 'Continuous', deleteAfterDays: 14 });
  });
  test('cold storage goes to the longest-kept rule only', () => {
    const rules = deriveBackupRules({
      rpoMinutes: 15, rtoMinutes: 60, continuousBackup: true, retention: { ...defaultRetentionDays(15), moveToColdStorageAfter: 30 },
    });
    expect(summary(rules)).toEqual(['Continuous:35d:pitr', 'Hourly:7d', 'Daily:35d', 'Weekly:91d', 'Monthly:365d:cold30']);
  });
});

describe('retentionProblems', () => {
  const critical = () => deriveBackupRules({ rpoMinutes: 15, rtoMinutes: 60, continuousBackup: true, retention: defaultRetentionDays(15) });
  test('the critical profile has none under its default lock', () => {
    expect(retentionProblems(critical(), { minRetentionDays: defaultLockMinRetentionDays(critical()) })).toEqual([]);
    expect(defaultLockMinRetentionDays(critical())).toBe(7);
  });
  test('retention under 7 days', () => {
    const rules = deriveBackupRules({ rpoMinutes: 1440, rtoMinutes: 1440, continuousBackup: false, retention: { daily: 3 } });
    expect(retentionProblems(rules, undefined)).toEqual([{ prop: 'retention.daily', allowed: 'be at least 7 days', value: '3 days' }]);
  });
  test('retention under the vault lock minimum', () => {
    expect(retentionProblems(critical(), { minRetentionDays: 30 })[0]).toEqual({
      prop: 'retention.frequent', allowed: 'be at least the vault lock minRetention of 30 days', value: '7 days',
    });
  });
  test('retention over the vault lock maximum', () => {
    expect(retentionProblems(critical(), { minRetentionDays: 7, maxRetentionDays: 100 })).toEqual([{
      prop: 'retention.monthly', allowed: 'be at most the vault lock maxRetention of 100 days', value: '365 days',
    }]);
  });
  test('continuous backup over 35 days', () => {
    const rules = deriveBackupRules({ rpoMinutes: 15, rtoMinutes: 60, continuousBackup: true, retention: { daily: 35, continuous: 60 } });
    expect(retentionProblems(rules, undefined)[0]).toEqual({
      prop: 'retention.continuous', allowed: 'be between 1 and 35 days (continuous backup / PITR limit)', value: '60 days',
    });
  });
  test('cold storage that breaks the 90-day rule', () => {
    const rules = deriveBackupRules({
      rpoMinutes: 1440, rtoMinutes: 1440, continuousBackup: false, retention: { daily: 100, moveToColdStorageAfter: 30 },
    });
    expect(retentionProblems(rules, undefined)).toEqual([{
      prop: 'retention.moveToColdStorageAfter',
      allowed: 'be at least 90 days before retention.daily (100 days), because recovery points stay in cold storage at least 90 days',
      value: '30 days',
    }]);
  });
});

describe('coldStorageProblems', () => {
  test('exactly 90 days in cold storage is allowed; 89 is not', () => {
    expect(coldStorageProblems('c', 30, 120, 'd')).toEqual([]);
    expect(coldStorageProblems('c', 31, 120, 'd')).toHaveLength(1);
  });
  test('no cold storage, no problem; zero days is refused', () => {
    expect(coldStorageProblems('c', undefined, 7, 'd')).toEqual([]);
    expect(coldStorageProblems('c', 0, 365, 'd')[0].allowed).toBe('be at least 1 day');
  });
});
