import { App, Aspects, CloudFormationValidatePlugin, IAspect, Stack, Stage } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { VALIDATION_PLUGINS_METADATA, VALIDATION_PLUGINS_RECORD_VERSION, ValidationPluginsRecord } from './plugin-record';

/**
 * aws-cdk-lib leaves a plugin that reported nothing out of validation-report.json, so the report
 * alone cannot tell "ran, nothing open" from "never registered". ReliabilityChecks, constructed with
 * the app, records every plugin the app registered on each stack of the scope's assembly, so the
 * `cdk-reliability report` command can tell the two apart. Nothing is recorded when aws-cdk-lib
 * does not expose the plugin list (see validationPluginNames): the report then says "unknown".
 */
export function recordValidationPlugins(scope: IConstruct): void {
  Aspects.of(scope).add(new ValidationPluginsRecorder(scope));
}

/**
 * Runs once, when synthesis visits the scope: by then every plugin the app's code registers is
 * registered. Aspects of the app do not reach stacks inside nested stages (those are synthesized
 * first, as assemblies of their own); a stage's stacks get a record when ReliabilityChecks is
 * constructed with the stage.
 */
class ValidationPluginsRecorder implements IAspect {
  constructor(private readonly scope: IConstruct) {}

  public visit(node: IConstruct): void {
    if (node !== this.scope) return;
    const plugins = validationPluginNames(node.node.root);
    if (!plugins) return;
    const stage = Stage.isStage(node) ? node : Stage.of(node);
    const record: ValidationPluginsRecord = { version: VALIDATION_PLUGINS_RECORD_VERSION, plugins };
    for (const construct of (stage ?? node).node.findAll()) {
      if (!Stack.isStack(construct) || construct.nestedStackParent || Stage.of(construct) !== stage) continue;
      // Two ReliabilityChecks on one app must not record twice.
      if (construct.node.metadata.some((m) => m.type === VALIDATION_PLUGINS_METADATA)) continue;
      construct.node.addMetadata(VALIDATION_PLUGINS_METADATA, record);
    }
  }
}

/**
 * The names of the plugins aws-cdk-lib will run at synth on this app (the names validation-report.json
 * uses), or undefined when they cannot be known.
 *
 * PRIVATE API, because there is no public one: `Validations.of(scope)` can add plugins but not list
 * them, and the public getter `policyValidationBeta1` is deprecated and prints a warning on every
 * synth. aws-cdk-lib (2.276) keeps the registered plugins in `Stage._validationPlugins` (@internal)
 * and decides whether to add its built-in "CloudFormation Validate" plugin from
 * `App._builtinCloudFormationValidation` and the environment variable CDK_VALIDATION (its synthesis
 * validation's `pluginsToEvaluate` and `defaultValidationEnabled`).
 * Both are read only here, defensively: when either is missing or of another type, the answer is
 * "unknown", never a guess. test/nag/plugin-manifest.test.ts fails loudly if aws-cdk-lib changes them.
 */
export function validationPluginNames(root: IConstruct): string[] | undefined {
  if (!App.isApp(root)) return undefined;
  const builtin = (root as unknown as { _builtinCloudFormationValidation?: unknown })._builtinCloudFormationValidation;
  if (typeof builtin !== 'boolean') return undefined;
  const names: string[] = [];
  for (const construct of root.node.findAll()) {
    if (!Stage.isStage(construct)) continue;
    const plugins = (construct as unknown as { _validationPlugins?: unknown })._validationPlugins;
    if (!Array.isArray(plugins)) return undefined;
    for (const plugin of plugins) {
      const name = (plugin as { name?: unknown } | undefined)?.name;
      if (typeof name !== 'string') return undefined;
      names.push(name);
    }
  }
  if (builtin && process.env.CDK_VALIDATION !== 'false') names.push(CloudFormationValidatePlugin.PLUGIN_NAME);
  return [...new Set(names)];
}
