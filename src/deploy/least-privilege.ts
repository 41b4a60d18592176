import { Aspects, CfnElement, IAspect, Stack, Validations, aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { resolveLater } from './resolve-later';
import { expandPolicyDocument } from './wildcard-actions';
import { ScopedWildcard, wildcardResourceAcknowledgements } from './wildcard-resources';

/** A resource whose ARN the construct's policies extend with a wildcard, and why that is narrow. */
export interface ScopedWildcardSource {
  /** The resource; its logical id is read at synth. */
  readonly resource: CfnElement;
  /** Builds the pattern from the flattened `<LogicalId>` name. */
  readonly pattern: (logicalId: string) => RegExp;
  readonly reason: string;
}

/**
 * Tightens every IAM policy created under `root`:
 * - wildcard actions become named actions (WILDCARD_ACTION_EXPANSIONS);
 * - wildcard resources that are justified (unscopable actions, objects of the construct's own
 *   bucket, streams of its own log groups) are acknowledged one finding at a time with the reason.
 * It runs as an aspect because aws-cdk-lib adds grants until synthesis starts.
 */
export function tightenPolicies(root: IConstruct, scopedSources: () => ScopedWildcardSource[]): void {
  Aspects.of(root).add(new TightenPolicies(scopedSources));
}

class TightenPolicies implements IAspect {
  private readonly done = new WeakSet<IConstruct>();
  constructor(private readonly scopedSources: () => ScopedWildcardSource[]) {}

  public visit(node: IConstruct): void {
    if (this.done.has(node)) return;
    if (!(node instanceof iam.CfnPolicy) && !(node instanceof iam.CfnManagedPolicy)) return;
    this.done.add(node);
    const stack = Stack.of(node);
    const original = node.policyDocument;
    node.policyDocument = resolveLater((context) => expandPolicyDocument(context.resolve(original)));
    const scoped: ScopedWildcard[] = this.scopedSources().map((source) => ({
      pattern: source.pattern(`<${stack.resolve(stack.getLogicalId(source.resource))}`),
      reason: source.reason,
    }));
    for (const ack of wildcardResourceAcknowledgements(stack.resolve(original), scoped)) {
      Validations.of(node).acknowledge(ack);
    }
  }
}

/** Escapes text for a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
