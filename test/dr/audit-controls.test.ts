import { auditControls, ControlScopeKind } from '../../src/dr/audit-controls';

const base = { snapshotIntervalHours: 1, snapshotRetentionDays: 7, minRetentionDays: 7, rtoMinutes: 60, copyRegions: [], copies: false };

describe('auditControls', () => {
  test('frequency and retention follow the plan; restore time follows the RTO', () => {
    const controls = auditControls({ ...base, snapshotIntervalHours: 4, snapshotRetentionDays: 7, rtoMinutes: 480 });
    expect(controls.find((c) => c.controlName === 'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK')).toEqual({
      controlName: 'BACKUP_PLAN_MIN_FREQUENCY_AND_MIN_RETENTION_CHECK',
      parameters: { requiredFrequencyUnit: 'hours', requiredFrequencyValue: '4', requiredRetentionDays: '7' },
      scope: ControlScopeKind.PLAN,
    });
    expect(controls.find((c) => c.controlName === 'RESTORE_TIME_FOR_RESOURCES_MEET_TARGET')?.parameters).toEqual({ maxRestoreTime: '480' });
    expect(controls.find((c) => c.controlName === 'BACKUP_LAST_RECOVERY_POINT_CREATED')?.parameters)
      .toEqual({ recoveryPointAgeUnit: 'hours', recoveryPointAgeValue: '8' });
  });
  test('encryption, deletion and vault lock controls are always there', () => {
    const names = auditControls(base).map((c) => c.controlName);
    expect(names).toEqual(expect.arrayContaining([
      'BACKUP_RECOVERY_POINT_ENCRYPTED', 'BACKUP_RECOVERY_POINT_MANUAL_DELETION_DISABLED',
      'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_VAULT_LOCK', 'BACKUP_RESOURCES_PROTECTED_BY_BACKUP_PLAN',
    ]));
    expect(names).not.toContain('BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION');
  });
  test('the cross-Region control appears with copies, listing the Regions when known', () => {
    const withRegion = auditControls({ ...base, copies: true, copyRegions: ['us-west-2'] });
    expect(withRegion.find((c) => c.controlName === 'BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION')?.parameters)
      .toEqual({ crossRegionList: 'us-west-2' });
    const unknownRegion = auditControls({ ...base, copies: true });
    expect(unknownRegion.find((c) => c.controlName === 'BACKUP_RESOURCES_PROTECTED_BY_CROSS_REGION')?.parameters).toEqual({});
  });
});
