import { CfnResource, TagManager } from 'aws-cdk-lib';
import { CfnBackupSelection } from 'aws-cdk-lib/aws-backup';
import { field, refsIn, resolve } from '../resolve';
import { StackIndex } from '../stack-index';

/**
 * True when an AWS Backup selection of the stack protects `node`: by reference (what cdk-nag's
 * own *InBackupPlan rules check), by a wildcard resource ARN of the service (`arnService`, e.g.
 * `elasticfilesystem`), by `*`, or by a tag condition (`BackupResource.fromTag`) that the
 * resource's tags satisfy.
 */
export function isInBackupSelection(node: CfnResource, index: StackIndex, arnService: string): boolean {
  const logicalId = index.logicalId(node);
  const tags = tagsOf(node);
  return index.resources('AWS::Backup::BackupSelection').some((selection) => {
    const spec = resolve(selection, (selection as CfnBackupSelection).backupSelection);
    const resources = field(spec, 'resources');
    if (Array.isArray(resources)) {
      for (const resource of resources) {
        if (refsIn(resource).has(logicalId)) return true;
        if (resource === '*') return true;
        if (typeof resource === 'string' && resource.includes(`:${arnService}:`) && resource.endsWith('*')) return true;
      }
    }
    const listOfTags = field(spec, 'listOfTags');
    if (Array.isArray(listOfTags)) {
      for (const condition of listOfTags) {
        const key = field(condition, 'conditionKey');
        const value = field(condition, 'conditionValue');
        if (field(condition, 'conditionType') === 'STRINGEQUALS' && typeof key === 'string' && tags.get(key) === value) {
          return true;
        }
      }
    }
    return false;
  });
}

/** The literal tags of a resource, whatever tag format its type uses. */
function tagsOf(node: CfnResource): Map<string, unknown> {
  const tags = new Map<string, unknown>();
  if (!TagManager.isTaggable(node)) return tags;
  const rendered = resolve(node, node.tags.renderTags());
  if (Array.isArray(rendered)) {
    for (const tag of rendered) {
      const key = field(tag, 'key');
      if (typeof key === 'string') tags.set(key, field(tag, 'value'));
    }
  } else if (rendered && typeof rendered === 'object') {
    for (const [key, value] of Object.entries(rendered)) tags.set(key, value);
  }
  return tags;
}
