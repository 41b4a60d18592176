import { App, CfnParameter, Stack, StackProps } from 'aws-cdk-lib';
import { ReliabilityChecks } from '../../src/nag';

/** What a rule test expects of a stack, in the style of cdk-nag's test/rules/utils.ts. */
export enum TestType {
  /** The rule reports nothing, not even an unresolved value. */
  COMPLIANCE = 'COMPLIANCE',
  /** The rule reports `Reliability-<Name>`. */
  NON_COMPLIANCE = 'NON_COMPLIANCE',
  /** The rule reports `Reliability-<Name>[Unresolved]`. */
  UNRESOLVED = 'UNRESOLVED',
}

/** A fresh stack in a fresh app; pass `env` for rules that need a concrete Region. */
export function newStack(props?: StackProps): Stack {
  // aws-cdk-lib's built-in CloudFormation Validate plugin is off: it is slow and not what these tests check.
  return new Stack(new App({ builtinCloudFormationValidation: false }), 'Test', props);
}

/** Every finding of the pack on `stack` (after synthesis), as `ruleId -> construct paths`. */
export function findings(stack: Stack): Map<string, string[]> {
  // Synthesize first, as `cdk synth` does before running plugins: aspects (Tags.of) are applied then.
  App.of(stack)?.synth();
  const report = new ReliabilityChecks().validateScope(stack);
  return new Map(report.violations.map((violation) => [
    violation.ruleName,
    violation.violatingResources.map((resource) => resource.constructPath ?? ''),
  ]));
}

/** The rule ids reported on `stack`, sorted. */
export function findingIds(stack: Stack): string[] {
  return [...findings(stack).keys()].sort();
}

/**
 * Asserts how one rule judged `stack`. `name` is the rule name without the pack prefix
 * (`RDSMultiAZ`); `path`, when given, must be among the reported construct paths.
 */
export function validateStack(stack: Stack, name: string, type: TestType, path?: string): void {
  const all = findings(stack);
  const id = `Reliability-${name}`;
  const unresolvedId = `${id}[Unresolved]`;
  switch (type) {
    case TestType.COMPLIANCE:
      expect([...all.keys()]).not.toContain(id);
      expect([...all.keys()]).not.toContain(unresolvedId);
      break;
    case TestType.NON_COMPLIANCE:
      expect([...all.keys()]).toContain(id);
      if (path) expect(all.get(id)).toContain(path);
      break;
    case TestType.UNRESOLVED:
      expect([...all.keys()]).toContain(unresolvedId);
      expect([...all.keys()]).not.toContain(id);
      if (path) expect(all.get(unresolvedId)).toContain(path);
      break;
  }
}

/** A CloudFormation parameter's value: a token the pack can never resolve at synth time. */
export function parameter(stack: Stack, id: string, type = 'String'): string {
  return new CfnParameter(stack, id, { type }).valueAsString;
}

/** A CommaDelimitedList parameter's value: a list token the pack can never resolve. */
export function parameterList(stack: Stack, id: string): string[] {
  return new CfnParameter(stack, id, { type: 'CommaDelimitedList' }).valueAsList;
}
