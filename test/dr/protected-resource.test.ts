import { App, RemovalPolicy, Stack, aws_dynamodb as dynamodb, aws_ec2 as ec2, aws_efs as efs, aws_rds as rds, aws_s3 as s3 } from 'aws-cdk-lib';
import { compliantTable, stackIn } from './helpers';
import { ProtectedResource, ProtectedResourceType } from '../../src/dr';

describe('ProtectedResource', () => {
  test('a DynamoDB Table: PITR read from its template', () => {
    const stack = stackIn(new App(), 'S');
    expect(ProtectedResource.dynamoDbTable(compliantTable(stack, 'On', true)).pointInTimeRecoveryEnabled).toBe(true);
    const off = ProtectedResource.dynamoDbTable(compliantTable(stack, 'Off', false));
    expect(off.pointInTimeRecoveryEnabled).toBe(false);
    expect(off.type).toBe(ProtectedResourceType.DYNAMODB);
    expect(off.name).toBe('Off');
    expect(stack.resolve(off.arn)).toEqual({ 'Fn::GetAtt': ['Off501F6B1C', 'Arn'] });
  });

  test('a TableV2: PITR read from its replicas', () => {
    const stack = stackIn(new App(), 'S');
    const table = new dynamodb.TableV2(stack, 'Global', {
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
    });
    expect(ProtectedResource.dynamoDbTable(table).pointInTimeRecoveryEnabled).toBe(true);
  });

  test('an imported table: PITR as declared', () => {
    const stack = stackIn(new App(), 'S');
    const table = dynamodb.Table.fromTableName(stack, 'Imported', 'orders');
    expect(ProtectedResource.dynamoDbTable(table).pointInTimeRecoveryEnabled).toBe(false);
    expect(ProtectedResource.dynamoDbTable(table, { pointInTimeRecoveryEnabled: true }).pointInTimeRecoveryEnabled).toBe(true);
  });

  test('RDS instance, Aurora cluster, S3 bucket, EFS and EC2', () => {
    const stack = stackIn(new App(), 'S');
    const vpc = new ec2.Vpc(stack, 'Vpc', {
      natGateways: 0, subnetConfiguration: [{ name: 'data', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
    });
    const vpcSubnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED };
    const instance = new rds.DatabaseInstance(stack, 'Db', { engine: rds.DatabaseInstanceEngine.POSTGRES, vpc, vpcSubnets, removalPolicy: RemovalPolicy.RETAIN });
    const cluster = new rds.DatabaseCluster(stack, 'Aurora', {
      engine: rds.DatabaseClusterEngine.auroraPostgres({ version: rds.AuroraPostgresEngineVersion.VER_16_4 }),
      writer: rds.ClusterInstance.serverlessV2('Writer'),
      vpc,
      vpcSubnets,
    });
    const bucket = new s3.Bucket(stack, 'Bucket', { versioned: true });
    const fileSystem = new efs.FileSystem(stack, 'Files', { vpc, vpcSubnets });
    const host = new ec2.Instance(stack, 'Host', {
      vpc, vpcSubnets, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(),
    });
    const resources = [
      ProtectedResource.rdsInstance(instance), ProtectedResource.auroraCluster(cluster), ProtectedResource.s3Bucket(bucket),
      ProtectedResource.efsFileSystem(fileSystem), ProtectedResource.ec2Instance(host),
    ];
    expect(resources.map((r) => [r.type.backupTypeName, r.name])).toEqual([
      ['RDS', 'Db'], ['Aurora', 'Aurora'], ['S3', 'Bucket'], ['EFS', 'Files'], ['EC2', 'Host'],
    ]);
    expect(resources.every((r) => r.arn !== undefined && r.construct !== undefined)).toBe(true);
    expect(stack.resolve(resources[4].arn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ec2:us-east-1:111111111111:instance/', { Ref: 'HostB4E45AD7' }]],
    });
  });

  test('by ARN and by tag', () => {
    const byArn = ProtectedResource.fromArn('arn:aws:rds:us-east-1:1:db:x', ProtectedResourceType.RDS);
    expect([byArn.name, byArn.arn, byArn.tag]).toEqual(['arn:aws:rds:us-east-1:1:db:x', 'arn:aws:rds:us-east-1:1:db:x', undefined]);
    const byTag = ProtectedResource.fromTag('backup', 'gold', ProtectedResourceType.DYNAMODB, { pointInTimeRecoveryEnabled: true });
    expect([byTag.name, byTag.arn, byTag.tag, byTag.pointInTimeRecoveryEnabled]).toEqual(['tag backup=gold', undefined, { key: 'backup', value: 'gold' }, true]);
    expect(byTag.backupResource.tagCondition).toEqual({ key: 'backup', value: 'gold', operation: undefined });
    expect(Stack.isStack(byTag.construct)).toBe(false);
  });
});
