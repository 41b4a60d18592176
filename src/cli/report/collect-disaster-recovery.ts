import { collectRecoveryStrategies, collectRegionSwitchPlans } from './collect-recovery-strategies';
import { BackupPlanRow, BackupRuleRow, DisasterRecoverySection, RecoveryObjectiveRow } from './report-model';
import { DurationStyle, formatApproximateDuration } from '../../common/duration-text';
import { AssemblyStack } from '../assembly/cloud-assembly';
import { isRecord } from '../assembly/json-file';
import { asArray, describeValue, getPath, referencedLogicalId, resourcesOfType } from '../assembly/template-values';

const DISRUPTIONS = ['Software', 'Hardware', 'AZ', 'Region'];

/** Recovery objectives (Resilience Hub policies), backup plans, vaults and restore tests of every stack. */
export function collectDisasterRecovery(stacks: readonly AssemblyStack[]): DisasterRecoverySection {
  const section: DisasterRecoverySection = {
    resiliencyPolicies: [],
    backupPlans: [],
    vaults: [],
    restoreTests: [],
    recoveryStrategies: collectRecoveryStrategies(stacks),
    regionSwitchPlans: collectRegionSwitchPlans(stacks),
  };
  for (const stack of stacks) {
    for (const { path, resource } of resourcesOfType(stack, 'AWS::ResilienceHub::ResiliencyPolicy')) {
      const policy = resource.Properties?.Policy;
      const objectives: RecoveryObjectiveRow[] = DISRUPTIONS
        .filter((d) => isRecord(getPath(policy, d)))
        .map((d) => ({
          disruption: d,
          rto: seconds(getPath(policy, d, 'RtoInSecs')),
          rpo: seconds(getPath(policy, d, 'RpoInSecs')),
        }));
      section.resiliencyPolicies.push({
        stack: stack.displayName,
        constructPath: path,
        name: describeValue(stack, resource.Properties?.PolicyName),
        tier: describeValue(stack, resource.Properties?.Tier),
        objectives,
      });
    }
    const selections = resourcesOfType(stack, 'AWS::Backup::BackupSelection');
    for (const { logicalId, path, resource } of resourcesOfType(stack, 'AWS::Backup::BackupPlan')) {
      const plan = resource.Properties?.BackupPlan;
      const resources = selections
        .filter((s) => referencedLogicalId(s.resource.Properties?.BackupPlanId) === logicalId)
        .flatMap((s) => selectedResources(stack, s.resource.Properties?.BackupSelection));
      section.backupPlans.push({
        stack: stack.displayName,
        constructPath: path,
        name: describeValue(stack, getPath(plan, 'BackupPlanName')),
        rules: asArray(getPath(plan, 'BackupPlanRule')).map((rule) => backupRule(stack, rule)),
        resources,
      } satisfies BackupPlanRow);
    }
    for (const type of ['AWS::Backup::BackupVault', 'AWS::Backup::LogicallyAirGappedBackupVault']) {
      for (const { path, resource } of resourcesOfType(stack, type)) {
        const p = resource.Properties ?? {};
        const lock = type === 'AWS::Backup::LogicallyAirGappedBackupVault'
          ? `logically air-gapped, retention ${p.MinRetentionDays ?? '?'}–${p.MaxRetentionDays ?? '?'} days`
          : vaultLock(p.LockConfiguration);
        section.vaults.push({ stack: stack.displayName, constructPath: path, name: describeValue(stack, p.BackupVaultName), lock });
      }
    }
    for (const { path, resource } of resourcesOfType(stack, 'AWS::Backup::RestoreTestingPlan')) {
      section.restoreTests.push({
        stack: stack.displayName,
        constructPath: path,
        name: describeValue(stack, resource.Properties?.RestoreTestingPlanName),
        schedule: describeValue(stack, resource.Properties?.ScheduleExpression),
      });
    }
  }
  return section;
}

function backupRule(stack: AssemblyStack, rule: unknown): BackupRuleRow {
  const deleteAfter = getPath(rule, 'Lifecycle', 'DeleteAfterDays');
  const coldAfter = getPath(rule, 'Lifecycle', 'MoveToColdStorageAfterDays');
  const retention = [
    deleteAfter !== undefined ? `delete after ${deleteAfter} days` : 'kept until deleted',
    coldAfter !== undefined ? `cold after ${coldAfter} days` : '',
  ].filter(Boolean).join(', ');
  return {
    name: describeValue(stack, getPath(rule, 'RuleName')),
    schedule: describeValue(stack, getPath(rule, 'ScheduleExpression')) || '(none)',
    retention,
    continuousBackup: getPath(rule, 'EnableContinuousBackup') === true,
    copyTo: asArray(getPath(rule, 'CopyActions')).map((c) => describeValue(stack, getPath(c, 'DestinationBackupVaultArn'))),
  };
}

function selectedResources(stack: AssemblyStack, selection: unknown): string[] {
  const resources = asArray(getPath(selection, 'Resources')).map((r) => describeValue(stack, r));
  const tags = asArray(getPath(selection, 'ListOfTags'))
    .map((t) => `tag ${describeValue(stack, getPath(t, 'ConditionKey'))}=${describeValue(stack, getPath(t, 'ConditionValue'))}`);
  return [...resources, ...tags];
}

function vaultLock(lock: unknown): string {
  if (!isRecord(lock)) return 'no vault lock';
  const parts = [
    `min retention ${lock.MinRetentionDays ?? '?'} days`,
    lock.MaxRetentionDays !== undefined ? `max ${lock.MaxRetentionDays} days` : '',
    lock.ChangeableForDays !== undefined ? `compliance mode after ${lock.ChangeableForDays} days` : 'governance mode',
  ];
  return `vault lock: ${parts.filter(Boolean).join(', ')}`;
}

/** 3600 → "1 h", 90 → "1.5 min", a token → as written. */
export function seconds(value: unknown): string {
  if (typeof value !== 'number') return value === undefined ? '' : String(value);
  return formatApproximateDuration(value, DurationStyle.SHORT, 2);
}
