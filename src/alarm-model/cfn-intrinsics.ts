/**
 * Turns CloudFormation values that may hold intrinsic functions into plain strings, with a hook for the
 * caller. In a synthesized template a composite alarm's rule is typically
 * `{"Fn::Join": ["", ["(ALARM(\"", {"Fn::GetAtt": ["PageLong", "Arn"]}, "\") AND ...)"]]}`.
 */

/**
 * Maps an intrinsic (`{"Fn::GetAtt": [...]}`, `{"Ref": ...}`, ...) to the text that stands for it, or
 * `undefined` to fall back to the default: the logical ID for `Ref X` and `Fn::GetAtt [X, ...]`.
 * The CLI can return a stack-qualified id, matching the ids it gives the alarms.
 *
 * @param where names the property, for the resolver's own messages (e.g. `AlarmRule`)
 */
export type IntrinsicResolver = (intrinsic: Readonly<Record<string, unknown>>, where: string) => string | undefined;

export interface ResolveOptions {
  readonly resolveIntrinsic?: IntrinsicResolver;
}

/** Result of flattening: the text, or `undefined` when a piece could not be resolved. */
export function flattenToString(value: unknown, where: string, options: ResolveOptions = {}): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const obj = value as Record<string, unknown>;
  const custom = options.resolveIntrinsic?.(obj, where);
  if (custom !== undefined) return custom;
  const keys = Object.keys(obj);
  if (keys.length !== 1) return undefined;
  const arg = obj[keys[0]];
  switch (keys[0]) {
    case 'Ref':
      return typeof arg === 'string' ? arg : undefined;
    case 'Fn::GetAtt':
      if (Array.isArray(arg) && typeof arg[0] === 'string') return arg[0];
      if (typeof arg === 'string') return arg.split('.')[0];
      return undefined;
    case 'Fn::Join': {
      if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) return undefined;
      const parts = (arg[1] as unknown[]).map((p) => flattenToString(p, where, options));
      return parts.every((p) => p !== undefined) ? parts.join(arg[0]) : undefined;
    }
    case 'Fn::Sub': {
      const template = typeof arg === 'string' ? arg : Array.isArray(arg) && typeof arg[0] === 'string' ? arg[0] : undefined;
      if (template === undefined) return undefined;
      // `${X.Arn}` → X, `${X}` → X, `${!Literal}` → ${Literal}. A pseudo parameter (`${AWS::Region}`) stays
      // as its name, like `Ref`: unknown offline, and an ARN is matched on its `:alarm:<name>` tail anyway.
      let unresolved = false;
      const text = template.replace(/\$\{([^}]*)\}/g, (_m, name: string) => {
        if (name.startsWith('!')) return '${' + name.slice(1) + '}';
        const intrinsic = name.includes('.') ? { 'Fn::GetAtt': name.split('.') } : { Ref: name };
        const text2 = flattenToString(intrinsic, where, options);
        if (text2 === undefined) unresolved = true;
        return text2 ?? '';
      });
      return unresolved ? undefined : text;
    }
    default:
      return undefined;
  }
}
