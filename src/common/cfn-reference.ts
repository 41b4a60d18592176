/**
 * Flattens a resolved CloudFormation reference the way cdk-nag names it in finding ids, so a
 * finding can be predicted and acknowledged one by one (cdk-nag v3 has no prefix suppression).
 * Mirrors cdk-nag's own `flattenCfnReference`: `{Ref: X}` → `<X>`, `Fn::GetAtt` → `<X.Attr>`,
 * `Fn::Join` concatenated, `Fn::Sub` and `Fn::ImportValue` unwrapped, `${X}` → `<X>`.
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
