import { DefaultTokenResolver, IPostProcessor, IResolvable, IResolveContext, Reference, StringConcat, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * The constructs a property value references (`Ref` / `Fn::GetAtt`), found before CloudFormation
 * references are rendered. A reference across stacks becomes `Fn::ImportValue` when rendered in the
 * consuming stack, which no longer names its target; reading the tokens themselves keeps the target,
 * so a rule can follow an alarm action to the topic of another stack of the app.
 *
 * Returns one list per element when the value is a list (the alarm actions), else one list.
 */
export function referencedPerElement(scope: IConstruct, value: unknown): IConstruct[][] {
  const targets: IConstruct[] = [];
  const resolver = new ReferenceCollector(targets);
  const marked = Tokenization.resolve(value, { scope, resolver, preparing: false });
  const elements = Array.isArray(marked) ? marked : [marked];
  return elements.map((element) => {
    const text = JSON.stringify(element) ?? '';
    return [...text.matchAll(/@@ref(\d+)@@/g)].map((m) => targets[Number(m[1])]);
  });
}

class ReferenceCollector extends DefaultTokenResolver {
  constructor(private readonly targets: IConstruct[]) {
    super(new StringConcat());
  }

  public resolveToken(token: IResolvable, context: IResolveContext, postProcessor: IPostProcessor): unknown {
    if (token instanceof Reference) {
      this.targets.push(token.target);
      return `@@ref${this.targets.length - 1}@@`;
    }
    return super.resolveToken(token, context, postProcessor);
  }
}
