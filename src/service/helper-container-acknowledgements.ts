import { CfnResource, Stack, Validations, aws_ecs as ecs } from 'aws-cdk-lib';

/**
 * The container rules (non-root user, read-only root filesystem, no plain environment variables)
 * report on the whole task definition. The library adds helper containers that need an exception
 * (the SSM agent sidecar, the scratch-volume init container); each says which rule it breaks and
 * why. An acknowledgement is recorded only when every other container passes the rule, so the app
 * container's own findings stay visible.
 */
export interface HelperContainer {
  /** The container's name in the task definition. */
  readonly name: string;
  /** Why it runs as root (CT.ECS.PR.3), when it does. */
  readonly rootReason?: string;
  /** Why its root filesystem is writable (cfn-guard ecs_containers_readonly_access_check), when it is. */
  readonly writableRootReason?: string;
  /** Why it sets a plain environment variable (AwsSolutions-ECS2), when it does. */
  readonly environmentReason?: string;
}

/** The part of a resolved container definition (L1 property names) the rules read. */
export interface RenderedContainer {
  readonly name?: string;
  readonly user?: unknown;
  readonly environment?: readonly unknown[];
  readonly readonlyRootFilesystem?: unknown;
}

/** The user patterns CT.ECS.PR.3 treats as root (cfn-guard rule ecs_task_definition_nonroot_user_check). */
export function isRootOrUnsetUser(user: unknown): boolean {
  if (user === undefined || user === null) return true;
  return /^(root|0)(:.*)?$/.test(String(user));
}

/** The acknowledgements the rendered containers allow: none for a rule that another container fails too. */
export function helperContainerAcknowledgements(
  containers: readonly RenderedContainer[], helpers: readonly HelperContainer[],
): Array<{ id: string; reason: string }> {
  const helperNames = new Set(helpers.map((h) => h.name));
  const others = containers.filter((c) => !helperNames.has(c.name ?? ''));
  const rules: Array<{ id: string; passes: (c: RenderedContainer) => boolean; reasonOf: (h: HelperContainer) => string | undefined }> = [
    { id: 'AwsSolutions-ECS2', passes: (c) => !c.environment || c.environment.length === 0, reasonOf: (h) => h.environmentReason },
    { id: 'cdk-validator-cfnguard::ecs_task_definition_nonroot_user_check', passes: (c) => !isRootOrUnsetUser(c.user), reasonOf: (h) => h.rootReason },
    { id: 'cdk-validator-cfnguard::ecs_containers_readonly_access_check', passes: (c) => c.readonlyRootFilesystem === true, reasonOf: (h) => h.writableRootReason },
  ];
  return rules.flatMap((rule) => {
    const reasons = helpers.map(rule.reasonOf).filter((r): r is string => r !== undefined);
    if (reasons.length === 0 || !others.every(rule.passes)) return [];
    return [{ id: rule.id, reason: `${reasons.join('; ')}; every other container passes this rule` }];
  });
}

const HELPERS = new WeakMap<ecs.TaskDefinition, HelperContainer[]>();

/**
 * Declares a helper container of `taskDefinition`. The acknowledgements are recorded once per task
 * definition in the validation phase, when every container (including ones added later) is known.
 */
export function declareHelperContainer(taskDefinition: ecs.TaskDefinition, helper: HelperContainer): void {
  const known = HELPERS.get(taskDefinition);
  if (known) {
    known.push(helper);
    return;
  }
  const helpers = [helper];
  HELPERS.set(taskDefinition, helpers);
  const resource = taskDefinition.node.defaultChild as CfnResource;
  let done = false;
  taskDefinition.node.addValidation({
    validate: () => {
      // An app synthesized twice (tests do) must not record the acknowledgements twice.
      if (done) return [];
      done = true;
      const rendered = Stack.of(taskDefinition).resolve((resource as ecs.CfnTaskDefinition).containerDefinitions) as RenderedContainer[];
      for (const ack of helperContainerAcknowledgements(rendered ?? [], helpers)) Validations.of(resource).acknowledge(ack);
      return [];
    },
  });
}
