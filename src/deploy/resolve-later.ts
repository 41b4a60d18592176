import { IResolvable, IResolveContext, Token } from 'aws-cdk-lib';

/**
 * A value computed from other values at resolve time, with the resolve context at hand
 * (`Lazy` producers get none): used to derive a property from another construct's lazily
 * rendered property.
 */
class ResolveLater implements IResolvable {
  public readonly creationStack: string[] = [];
  constructor(private readonly compute: (context: IResolveContext) => unknown) {}
  public resolve(context: IResolveContext): unknown {
    return this.compute(context);
  }
  public toString(): string {
    return Token.asString(this);
  }
}

/** Any-typed token whose value is `compute(context)` at resolve time. */
export function resolveLater(compute: (context: IResolveContext) => unknown): IResolvable {
  return new ResolveLater(compute);
}

/** String token whose value is `compute(context)` at resolve time. */
export function resolveLaterAsString(compute: (context: IResolveContext) => unknown): string {
  return Token.asString(new ResolveLater(compute));
}
