import { Names, aws_backup as backup, aws_events as events } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { requireKnownDuration } from './dr-input-rules';
import { ProtectedResource } from './protected-resource';
import { RestoreTestingOptions } from './restore-testing';
import { propError } from '../common/errors';
import { requireTimeZone } from '../common/time-zone';

/** What the restore tests of a plan need. */
export interface RestoreTestInputs {
  /** The owner label for error messages. */
  readonly owner: string;
  readonly options: RestoreTestingOptions;
  readonly resources: readonly ProtectedResource[];
  /** The vault whose recovery points are restored. */
  readonly vaultArn: string;
  /** The role AWS Backup restores with. */
  readonly roleArn: string;
  /** Whether continuous (PITR) recovery points exist too. */
  readonly continuousBackup: boolean;
  /** The shortest retention of the plan: a tested point must still exist. */
  readonly minRetentionDays: number;
}

/**
 * A restore testing plan (weekly by default, latest recovery point within the selection window) and one
 * selection per protected resource type (by ARN) or tag selection: the proof that restores work in time.
 */
export function createRestoreTests(scope: Construct, inputs: RestoreTestInputs): backup.CfnRestoreTestingPlan {
  const { owner, options, minRetentionDays } = inputs;
  requireKnownDuration(owner, 'restoreTesting.validationWindow', options.validationWindow);
  requireKnownDuration(owner, 'restoreTesting.selectionWindow', options.selectionWindow);
  const timeZone = requireTimeZone(owner, 'restoreTesting.scheduleTimeZone', options.scheduleTimeZone);
  const validationHours = options.validationWindow?.toHours({ integral: false }) ?? 1;
  if (!Number.isInteger(validationHours) || validationHours < 1 || validationHours > 168) {
    throw propError(owner, 'restoreTesting.validationWindow', 'be a whole number of hours between 1 and 168', options.validationWindow);
  }
  const maxSelectionDays = Math.min(365, minRetentionDays);
  const selectionDays = options.selectionWindow?.toDays({ integral: false }) ?? Math.min(7, minRetentionDays);
  if (!Number.isInteger(selectionDays) || selectionDays < 1 || selectionDays > maxSelectionDays) {
    throw propError(owner, 'restoreTesting.selectionWindow',
      `be a whole number of days between 1 and ${maxSelectionDays} (the shortest retention)`, options.selectionWindow);
  }
  const schedule = options.schedule ?? events.Schedule.cron({ minute: '0', hour: '6', weekDay: 'MON' });
  const planName = Names.uniqueResourceName(scope, { maxLength: 50 });
  const testPlan = new backup.CfnRestoreTestingPlan(scope, 'RestoreTestingPlan', {
    restoreTestingPlanName: planName,
    scheduleExpression: schedule.expressionString,
    scheduleExpressionTimezone: timeZone,
    recoveryPointSelection: {
      algorithm: 'LATEST_WITHIN_WINDOW',
      includeVaults: [inputs.vaultArn],
      recoveryPointTypes: inputs.continuousBackup ? ['SNAPSHOT', 'CONTINUOUS'] : ['SNAPSHOT'],
      selectionWindowDays: selectionDays,
    },
  });
  restoreSelections(inputs.resources).forEach((selection, i) => {
    const resource = new backup.CfnRestoreTestingSelection(scope, `RestoreTestingSelection${selection.name}`, {
      restoreTestingPlanName: planName,
      restoreTestingSelectionName: `${selection.name}_${i}`,
      protectedResourceType: selection.typeName,
      iamRoleArn: inputs.roleArn,
      protectedResourceArns: selection.arns,
      protectedResourceConditions: selection.tag
        ? { stringEquals: [{ key: `aws:ResourceTag/${selection.tag.key}`, value: selection.tag.value }] }
        : undefined,
      validationWindowHours: validationHours,
    });
    resource.addResourceDependency(testPlan);
  });
  return testPlan;
}

interface RestoreSelection {
  readonly name: string;
  readonly typeName: string;
  readonly arns: string[];
  readonly tag?: { readonly key: string; readonly value: string };
}

/** One restore test selection per protected resource type (ARNs), and one per tag selection. */
export function restoreSelections(resources: readonly ProtectedResource[]): RestoreSelection[] {
  const selections: RestoreSelection[] = [];
  const byType = new Map<string, string[]>();
  resources.forEach((r, i) => {
    if (r.tag) {
      selections.push({ name: `${r.type.backupTypeName}Tag${i}`, typeName: r.type.backupTypeName, arns: ['*'], tag: r.tag });
    } else if (r.arn) {
      byType.set(r.type.backupTypeName, [...(byType.get(r.type.backupTypeName) ?? []), r.arn]);
    }
  });
  for (const [typeName, arns] of byType) selections.unshift({ name: typeName, typeName, arns });
  return selections;
}
