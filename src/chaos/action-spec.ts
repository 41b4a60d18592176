import { aws_iam as iam } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { FisActionOptions } from './fis-action-options';
import { FIS_NAME_PATTERN } from './fis-rules';
import { FisTarget } from './fis-target';
import { propError, ReliabilityValidationError } from '../common/errors';
import { requireObject } from '../common/validate';

/** Everything a FisAction is made of; built by the factories, internal to the module. */
export interface ActionSpec {
  readonly name: string;
  readonly actionId: string;
  readonly description?: string;
  readonly startAfter: string[];
  readonly parameters: { [key: string]: string };
  readonly targetKey?: string;
  readonly target?: FisTarget;
  readonly statements: iam.PolicyStatement[];
  /** Side effects on the targets that must happen once the action is used (e.g. tagging). */
  readonly bind?: (scope: IConstruct) => void;
}

/** `FisAction 'stopTasks'`: the owner label of a factory's error messages. */
export function actionOwner(name: string): string {
  return `FisAction '${name}'`;
}

/** The action's name (given or default), checked against what FIS and the target naming allow. */
export function actionName(options: FisActionOptions, fallback: string): string {
  const name = options.name ?? fallback;
  if (typeof name !== 'string' || !FIS_NAME_PATTERN.test(name)) {
    throw new ReliabilityValidationError(
      `FisAction '${String(name)}': name must be 1-56 letters, digits, '-' or '_', got ${JSON.stringify(name)}`,
    );
  }
  return name;
}

/**
 * The common part of every spec: name, description and ordering. A JavaScript caller that passes
 * no options object gets the house error, not a TypeError on its first field.
 */
export function baseSpec(options: FisActionOptions, fallbackName: string) {
  requireObject(actionOwner(fallbackName), 'options', options, 'an object');
  const name = actionName(options, fallbackName);
  const owner = actionOwner(name);
  const description = options.description;
  if (description !== undefined && (typeof description !== 'string' || description.length > 512)) {
    throw propError(owner, 'description', 'be a string of at most 512 characters', description);
  }
  const startAfter = options.startAfter ?? [];
  if (!Array.isArray(startAfter) || startAfter.some((a) => typeof a !== 'string')) {
    throw propError(owner, 'startAfter', 'be a list of action names', startAfter);
  }
  return { name, description, startAfter: [...startAfter] };
}
