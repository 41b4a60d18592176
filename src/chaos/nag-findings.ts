import { flattenCfnReference } from '../common/cfn-reference';

/** The IAM5 finding suffixes (`Resource::...`) of one resolved Allow statement. */
export function wildcardResourceFindings(resolvedStatement: { Effect?: string; Resource?: unknown }): string[] {
  if (resolvedStatement.Effect !== 'Allow') return [];
  const resources = Array.isArray(resolvedStatement.Resource) ? resolvedStatement.Resource : [resolvedStatement.Resource];
  return resources
    .map(flattenCfnReference)
    .filter((resource) => resource.includes('*'))
    .map((resource) => `Resource::${resource}`);
}
