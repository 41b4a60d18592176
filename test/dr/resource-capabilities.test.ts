import { impliedRestoreMinutes, recoveryMeans, RESOURCE_CAPABILITIES } from '../../src/dr/resource-capabilities';

describe('recoveryMeans', () => {
  test('RDS, Aurora and S3 reach minutes with AWS Backup continuous backup', () => {
    expect(recoveryMeans(RESOURCE_CAPABILITIES.RDS, false)).toEqual({ achievableRpoMinutes: 5, usesContinuousBackup: true });
    expect(recoveryMeans(RESOURCE_CAPABILITIES.AURORA, false)).toEqual({ achievableRpoMinutes: 5, usesContinuousBackup: true });
    expect(recoveryMeans(RESOURCE_CAPABILITIES.S3, false)).toEqual({ achievableRpoMinutes: 15, usesContinuousBackup: true });
  });
  test('DynamoDB reaches 5 minutes only with its own PITR, else hourly snapshots', () => {
    expect(recoveryMeans(RESOURCE_CAPABILITIES.DYNAMODB, true)).toEqual({ achievableRpoMinutes: 5, usesContinuousBackup: false });
    expect(recoveryMeans(RESOURCE_CAPABILITIES.DYNAMODB, false)).toEqual({ achievableRpoMinutes: 60, usesContinuousBackup: false });
  });
  test('EFS, EC2 and EBS have snapshots only: one hour at best', () => {
    for (const key of ['EFS', 'EC2', 'EBS']) {
      expect(recoveryMeans(RESOURCE_CAPABILITIES[key], true).achievableRpoMinutes).toBe(60);
    }
  });
});

describe('impliedRestoreMinutes', () => {
  test('an RPO under an hour implies a point-in-time restore, which takes longer for RDS', () => {
    expect(impliedRestoreMinutes(RESOURCE_CAPABILITIES.RDS, 15)).toBe(45);
    expect(impliedRestoreMinutes(RESOURCE_CAPABILITIES.RDS, 60)).toBe(30);
    expect(impliedRestoreMinutes(RESOURCE_CAPABILITIES.DYNAMODB, 15)).toBe(30);
  });
});
