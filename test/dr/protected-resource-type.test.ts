import { ProtectedResourceType } from '../../src/dr';

test('AWS Backup type names', () => {
  expect([
    ProtectedResourceType.DYNAMODB, ProtectedResourceType.RDS, ProtectedResourceType.AURORA, ProtectedResourceType.S3,
    ProtectedResourceType.EFS, ProtectedResourceType.EC2, ProtectedResourceType.EBS,
  ].map((t) => t.backupTypeName)).toEqual(['DynamoDB', 'RDS', 'Aurora', 'S3', 'EFS', 'EC2', 'EBS']);
});

test('capabilities: only RDS, Aurora and S3 have AWS Backup continuous backup', () => {
  expect(ProtectedResourceType.RDS._capabilities().continuousBackupRpoMinutes).toBe(5);
  expect(ProtectedResourceType.DYNAMODB._capabilities().continuousBackupRpoMinutes).toBeUndefined();
  expect(ProtectedResourceType.EFS._capabilities().nativePitrRpoMinutes).toBeUndefined();
});
