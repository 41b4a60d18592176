import { CfnResource, Stack } from 'aws-cdk-lib';

/**
 * Thrown by the helpers below when a value is an intrinsic function, a parameter or an
 * import: the rule cannot know it at synth time. The pack turns it into an UNKNOWN verdict; it is
 * the only error a rule may throw on purpose.
 */
export class UnresolvableValue extends Error {
  constructor(what: string) {
    super(`${what} cannot be resolved at synth time`);
    this.name = 'UnresolvableValue';
  }
}

/** Resolves tokens and lazies of `value` in the stack of `node` (CloudFormation intrinsics stay as objects). */
export function resolve(node: CfnResource, value: unknown): unknown {
  return Stack.of(node).resolve(value);
}

/** True for `{ Ref }`, `{ Fn::* }` and `{ Condition }`: values only CloudFormation can compute. */
export function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

/** The resolved value, or an UnresolvableValue error when CloudFormation computes it. */
export function known(node: CfnResource, value: unknown, what: string): unknown {
  const resolved = resolve(node, value);
  if (isIntrinsic(resolved)) throw new UnresolvableValue(what);
  return resolved;
}

/** A boolean property (CloudFormation also accepts "true" / "false" strings). */
export function bool(node: CfnResource, value: unknown, what: string): boolean | undefined {
  const resolved = known(node, value, what);
  if (resolved === undefined || typeof resolved === 'boolean') return resolved;
  if (resolved === 'true' || resolved === 'false') return resolved === 'true';
  throw new UnresolvableValue(what);
}

/** A number property (CloudFormation also accepts numeric strings, e.g. an Auto Scaling group's MinSize). */
export function num(node: CfnResource, value: unknown, what: string): number | undefined {
  const resolved = known(node, value, what);
  if (resolved === undefined || typeof resolved === 'number') return resolved;
  if (typeof resolved === 'string' && resolved.trim() !== '' && !isNaN(Number(resolved))) return Number(resolved);
  throw new UnresolvableValue(what);
}

/** A string property. */
export function str(node: CfnResource, value: unknown, what: string): string | undefined {
  const resolved = known(node, value, what);
  if (resolved === undefined || typeof resolved === 'string') return resolved;
  throw new UnresolvableValue(what);
}

/** A list property; an intrinsic standing for the whole list is unresolvable. */
export function list(node: CfnResource, value: unknown, what: string): unknown[] | undefined {
  const resolved = known(node, value, what);
  if (resolved === undefined || Array.isArray(resolved)) return resolved;
  throw new UnresolvableValue(what);
}

/**
 * A field of a resolved property object. L1 objects resolve with camelCase keys, values set
 * through escape hatches or CfnInclude keep CloudFormation's PascalCase: accept both.
 */
export function field(obj: unknown, camelName: string): unknown {
  if (obj === null || typeof obj !== 'object') return undefined;
  const record = obj as Record<string, unknown>;
  if (camelName in record) return record[camelName];
  const pascal = camelName.charAt(0).toUpperCase() + camelName.slice(1);
  return record[pascal];
}

/** Logical ids referenced anywhere in a resolved value through `Ref` or `Fn::GetAtt`. */
export function refsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) refsIn(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
      if (key === 'Ref' && typeof inner === 'string' && !inner.startsWith('AWS::')) {
        into.add(inner);
      } else if (key === 'Fn::GetAtt') {
        const target = Array.isArray(inner) ? inner[0] : typeof inner === 'string' ? inner.split('.')[0] : undefined;
        if (typeof target === 'string') into.add(target);
      } else {
        refsIn(inner, into);
      }
    }
  }
  return into;
}

/** The single logical id a resolved value points at (`{ Ref: X }`, `{ Fn::GetAtt: [X, ...] }`), if any. */
export function refTarget(value: unknown): string | undefined {
  if (!isIntrinsic(value)) return undefined;
  const refs = refsIn(value);
  return refs.size === 1 ? [...refs][0] : undefined;
}
