/**
 * Predicts the AwsSolutions-IAM5 finding ids cdk-nag reports for a resolved policy statement,
 * so each one can be acknowledged individually (cdk-nag v3 has no prefix suppression).
 * Mirrors cdk-nag's own `flattenCfnReference`: `{Ref: X}` → `<X>`, `Fn::GetAtt` → `<X.Attr>`,
 * `Fn::Join` concatenated, `${...}` → `<...>`.
 */
export function flattenCfnReference(reference: unknown): string {
  if (reference === undefined) return '';
  if (typeof reference === 'string') return reference.replace(/\${/g, '<').replace(/}/g, '>');
  if (reference && typeof reference === 'object') {
    const node = reference as Record<string, unknown>;
    if (Array.isArray(node['Fn::Join'])) {
      const [delimiter, items] = node['Fn::Join'] as [string, unknown[]];
      return items.map(flattenCfnReference).join(delimiter);
    }
    if ('Fn::Sub' in node) return flattenCfnReference(node['Fn::Sub']);
    if (Array.isArray(node['Fn::GetAtt'])) {
      const [resource, attribute] = node['Fn::GetAtt'] as [unknown, unknown];
      return `<${flattenCfnReference(resource)}.${flattenCfnReference(attribute)}>`;
    }
    if ('Fn::ImportValue' in node) return flattenCfnReference(node['Fn::ImportValue']);
    if ('Ref' in node) return `<${flattenCfnReference(node.Ref)}>`;
  }
  return JSON.stringify(reference);
}

/** The IAM5 finding suffixes (`Resource::...`) of one resolved Allow statement. */
export function wildcardResourceFindings(resolvedStatement: { Effect?: string; Resource?: unknown }): string[] {
  if (resolvedStatement.Effect !== 'Allow') return [];
  const resources = Array.isArray(resolvedStatement.Resource) ? resolvedStatement.Resource : [resolvedStatement.Resource];
  return resources
    .map(flattenCfnReference)
    .filter((resource) => resource.includes('*'))
    .map((resource) => `Resource::${resource}`);
}
