import { Token } from 'aws-cdk-lib';
import { CfnBackupPlan } from 'aws-cdk-lib/aws-backup';
import { NagMessageLevel } from 'cdk-nag';
import { field, known, list, resolve } from '../resolve';
import { anyOf, ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';
import { StackIndex } from '../stack-index';

/**
 * AWS Backup plans copy recovery points to a vault in another Region: at least one rule has a copy
 * action whose destination vault ARN names a Region other than the stack's. A destination vault of
 * the same stack, or an ARN built with `AWS::Region`, is the same Region. Unresolvable (an imported
 * ARN, or a literal ARN while the stack's Region is unknown, as in an environment-agnostic stack):
 * UNKNOWN.
 */
export const BackupPlanCrossRegionCopy: ReliabilityRule = {
  name: 'BackupPlanCrossRegionCopy',
  level: NagMessageLevel.WARN,
  resourceTypes: ['AWS::Backup::BackupPlan'],
  bestPractice: 'REL13-BP02',
  info: 'The AWS Backup plan does not copy recovery points to another Region.',
  explanation: 'Backups kept only in the Region they protect are lost or unreachable with that Region; a cross-Region copy is the minimum of a backup-and-restore DR strategy.',
  fix: 'Add `copyActions: [{ destinationBackupVault: vaultInOtherRegion, deleteAfter }]` to a BackupPlanRule (DrBackupPlan `copyTo`), with the stack\'s `env.region` set.',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnBackupPlan)) return Verdict.NOT_APPLICABLE;
    const planRules = list(node, field(known(node, node.backupPlan, 'BackupPlan'), 'backupPlanRule'), 'BackupPlanRule') ?? [];
    const copies: Verdict[] = [];
    for (const rule of planRules) {
      const actions = list(node, field(known(node, rule, 'a backup rule'), 'copyActions'), 'CopyActions') ?? [];
      for (const action of actions) copies.push(crossRegion(node, field(resolve(node, action), 'destinationBackupVaultArn'), index));
    }
    return copies.length === 0 ? Verdict.NON_COMPLIANT : anyOf(copies);
  },
};

function crossRegion(node: CfnBackupPlan, arn: unknown, index: StackIndex): Verdict {
  const region = regionOf(arn, index);
  if (region === 'same') return Verdict.NON_COMPLIANT;
  if (region === undefined) return Verdict.UNKNOWN;
  const stackRegion = resolve(node, index.stack.region);
  if (typeof stackRegion !== 'string' || Token.isUnresolved(index.stack.region)) return Verdict.UNKNOWN;
  return verdict(region !== stackRegion);
}

/** The Region an ARN names; `same` for this stack's Region; undefined when it cannot be told. */
function regionOf(arn: unknown, index: StackIndex): string | undefined {
  if (typeof arn === 'string') return arn.split(':')[3] || undefined;
  if (arn && typeof arn === 'object') {
    const record = arn as Record<string, unknown>;
    if ('Ref' in record || 'Fn::GetAtt' in record) {
      const target = 'Ref' in record ? record.Ref : (record['Fn::GetAtt'] as string[])[0];
      return typeof target === 'string' && index.resource(target) ? 'same' : undefined;
    }
    const join = record['Fn::Join'] as [string, unknown[]] | undefined;
    if (Array.isArray(join) && join[0] === '' && Array.isArray(join[1])) {
      // Placeholders without colons, so that splitting the ARN on ':' keeps its fields.
      const flat = join[1].map((part) => (typeof part === 'string' ? part : isRegionRef(part) ? '<region>' : '<?>')).join('');
      const region = flat.split(':')[3];
      if (region === '<region>') return 'same';
      return region && !region.includes('<') ? region : undefined;
    }
  }
  return undefined;
}

function isRegionRef(part: unknown): boolean {
  return !!part && typeof part === 'object' && (part as Record<string, unknown>).Ref === 'AWS::Region';
}
