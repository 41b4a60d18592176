import { AssemblyStack, CfnResource } from '../../../src/cli/assembly/cloud-assembly';
import { collectChaosExperiments } from '../../../src/cli/report/collect-chaos';
import { collectDisasterRecovery, seconds } from '../../../src/cli/report/collect-disaster-recovery';
import { collectRecoveryStrategies, collectRegionSwitchPlans } from '../../../src/cli/report/collect-recovery-strategies';
import { collectRollbackAlarms } from '../../../src/cli/report/collect-rollback-alarms';
import { humanSeconds } from '../../../src/cli/report/collect-slos';

const stackOf = (resources: Record<string, CfnResource>): AssemblyStack => ({
  artifactId: 'S', displayName: 'S', templateFile: 'S.template.json', metadata: {}, constructPaths: {}, template: { Resources: resources },
});

describe('collectChaosExperiments', () => {
  test('stop condition "none" is shown as none; alarm references by name', () => {
    const rows = collectChaosExperiments([stackOf({
      Alarm: { Type: 'AWS::CloudWatch::Alarm', Properties: { AlarmName: 'errors-high' } },
      Guarded: {
        Type: 'AWS::FIS::ExperimentTemplate',
        Properties: {
          Description: 'guarded',
          StopConditions: [{ Source: 'aws:cloudwatch:alarm', Value: { 'Fn::GetAtt': ['Alarm', 'Arn'] } }],
          Actions: { Cpu: { ActionId: 'aws:ecs:task-cpu-stress', Parameters: { duration: 'PT5M' } } },
          Targets: { Tasks: { ResourceType: 'aws:ecs:task', SelectionMode: 'COUNT(1)' } },
        },
      },
      Unguarded: { Type: 'AWS::FIS::ExperimentTemplate', Properties: { Description: 'unguarded', StopConditions: [{ Source: 'none' }] } },
    })]);
    expect(rows.map((r) => [r.description, r.stopConditions, r.actions, r.targets])).toEqual([
      ['guarded', ['errors-high'], ['Cpu: aws:ecs:task-cpu-stress for PT5M'], ['Tasks: aws:ecs:task (COUNT(1))']],
      ['unguarded', ['none'], [], []],
    ]);
  });
});

describe('collectRollbackAlarms', () => {
  test('ECS alarms without rollback, CodeDeploy alarms with auto-rollback, services without alarms left out', () => {
    const rows = collectRollbackAlarms([stackOf({
      NoRollback: { Type: 'AWS::ECS::Service', Properties: { DeploymentConfiguration: { Alarms: { AlarmNames: ['a1'], Enable: true, Rollback: false } } } },
      Plain: { Type: 'AWS::ECS::Service', Properties: {} },
      Group: {
        Type: 'AWS::CodeDeploy::DeploymentGroup',
        Properties: {
          DeploymentGroupName: 'web',
          AlarmConfiguration: { Enabled: true, Alarms: [{ Name: 'a2' }] },
          AutoRollbackConfiguration: { Enabled: true, Events: ['DEPLOYMENT_FAILURE', 'DEPLOYMENT_STOP_ON_ALARM'] },
        },
      },
    })]);
    expect(rows.map((r) => [r.kind, r.target, r.alarms, r.onAlarm])).toEqual([
      ['ECS service', 'S/NoRollback', ['a1'], 'stop deployment, no rollback'],
      ['CodeDeploy deployment group', 'web', ['a2'], 'roll back'],
    ]);
  });
});

describe('collectDisasterRecovery', () => {
  test('continuous backup, copy actions, cold storage, tag selections, air-gapped vault and restore tests', () => {
    const dr = collectDisasterRecovery([stackOf({
      Plan: {
        Type: 'AWS::Backup::BackupPlan',
        Properties: {
          BackupPlan: {
            BackupPlanName: 'tier1',
            BackupPlanRule: [{
              RuleName: 'Pitr',
              ScheduleExpression: 'cron(0 * * * ? *)',
              EnableContinuousBackup: true,
              Lifecycle: { DeleteAfterDays: 120, MoveToColdStorageAfterDays: 30 },
              CopyActions: [{ DestinationBackupVaultArn: 'arn:aws:backup:us-west-2:1:backup-vault:dr' }],
            }],
          },
        },
      },
      Selection: {
        Type: 'AWS::Backup::BackupSelection',
        Properties: { BackupPlanId: { 'Fn::GetAtt': ['Plan', 'BackupPlanId'] }, BackupSelection: { ListOfTags: [{ ConditionKey: 'backup', ConditionValue: 'tier1' }] } },
      },
      AirGapped: { Type: 'AWS::Backup::LogicallyAirGappedBackupVault', Properties: { BackupVaultName: 'ag', MinRetentionDays: 7, MaxRetentionDays: 90 } },
      Unlocked: { Type: 'AWS::Backup::BackupVault', Properties: { BackupVaultName: 'plain' } },
      RestoreTest: { Type: 'AWS::Backup::RestoreTestingPlan', Properties: { RestoreTestingPlanName: 'weekly', ScheduleExpression: 'cron(0 5 ? * MON *)' } },
    })]);
    expect(dr.backupPlans[0].rules[0]).toEqual({
      name: 'Pitr',
      schedule: 'cron(0 * * * ? *)',
      retention: 'delete after 120 days, cold after 30 days',
      continuousBackup: true,
      copyTo: ['arn:aws:backup:us-west-2:1:backup-vault:dr'],
    });
    expect(dr.backupPlans[0].resources).toEqual(['tag backup=tier1']);
    expect(dr.vaults.map((v) => [v.name, v.lock])).toEqual([
      ['plain', 'no vault lock'], ['ag', 'logically air-gapped, retention 7–90 days'],
    ]);
    expect(dr.restoreTests).toEqual([expect.objectContaining({ name: 'weekly', schedule: 'cron(0 5 ? * MON *)' })]);
  });

  test.each([[30, '30 s'], [90, '1.5 min'], [3600, '1 h'], [5400, '1.5 h'], [172800, '2 d'], ['{"Ref":"X"}', '{"Ref":"X"}']])('seconds(%j) = %s', (value, text) => {
    expect(seconds(value)).toBe(text);
  });
});

describe('humanSeconds', () => {
  test.each([[300, '5 min'], [3600, '1 h'], [2_592_000, '30 d'], [45, '45 s']])('%i → %s', (s, text) => {
    expect(humanSeconds(s)).toBe(text);
  });
});

describe('collectRecoveryStrategies', () => {
  const withMetadata = (value: unknown): AssemblyStack => ({ ...stackOf({}), template: { Resources: {}, Metadata: { 'cdk-reliability:recovery': value } } });

  test('an acknowledged miss shows the reason and the strategy the objectives need', () => {
    const rows = collectRecoveryStrategies([withMetadata({
      formatVersion: 1,
      regionSwitchPlans: [],
      workloads: [{
        constructPath: 'Data/Backup',
        declaredRpoSeconds: 900,
        declaredRtoSeconds: 3600,
        strategy: 'BACKUP_AND_RESTORE',
        meetsRto: false,
        strategyNeeded: 'WARM_STANDBY',
        acknowledgement: 'Orders can wait half a day',
      }],
    })]);
    expect(rows).toEqual([{
      stack: 'S',
      constructPath: 'Data/Backup',
      tier: 'explicit',
      declaredRpo: '15 min',
      declaredRto: '1 h',
      strategy: 'backup and restore',
      achievable: 'RPO ≥ 1 h, RTO ≥ 4 h',
      meetsRto: 'no (acknowledged: Orders can wait half a day)',
      strategyNeeded: 'warm standby',
      recoveredBy: '–',
    }]);
  });

  test('no metadata, or a malformed one: no rows; a plan without practice says so', () => {
    expect(collectRecoveryStrategies([stackOf({}), withMetadata('bad')])).toEqual([]);
    const [plan] = collectRegionSwitchPlans([withMetadata({
      regionSwitchPlans: [{ constructPath: 'B/R', strategy: 'PILOT_LIGHT', primaryRegion: 'a', standbyRegion: 'b', steps: [], triggeredBy: ['page'] }],
    })]);
    expect(plan).toMatchObject({ strategy: 'pilot light', trigger: 'page', practiceRuns: 'none', lastPractice: 'no practice scheduled' });
  });
});
