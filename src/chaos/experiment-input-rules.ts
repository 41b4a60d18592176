import { Token, aws_cloudwatch as cloudwatch } from 'aws-cdk-lib';
import { findCycle, findUnknownReference } from './action-order';
import { FisAction } from './fis-action';
import { actionParameterProblems, isAvailabilityZoneName, targetParameterProblems, zoneInRegion } from './fis-rules';
import { propError, ReliabilityValidationError } from '../common/errors';
import { requireNonEmpty, requireUniqueNames } from '../common/validate';

/**
 * The checks of `ChaosFisExperiment` props, as pure functions of the values: what FIS would reject
 * at deploy or, worse, accept and read differently (the FIS reference itself is `fis-rules.ts`).
 * Each throws the house-format error (`propError`) at synth.
 */

/** FIS quota: stop conditions per experiment template. */
const MAX_STOP_CONDITIONS = 5;

/** A description FIS accepts (1 to 512 characters). */
export function checkDescription(owner: string, description: unknown): void {
  if (typeof description !== 'string' || description.trim().length === 0 || description.length > 512) {
    throw propError(owner, 'description', 'be 1-512 characters', description);
  }
}

/**
 * At least one action, each built by a `FisAction` factory, with unique names, an order without
 * unknown names or cycles, and parameters and zones FIS accepts in the stack's Region.
 */
export function checkActions(owner: string, actions: readonly FisAction[] | undefined, region: string): readonly FisAction[] {
  const given = requireNonEmpty(owner, 'actions', actions, 'action');
  given.forEach((action, i) => {
    if (!(action instanceof FisAction)) throw propError(owner, `actions[${i}]`, 'be a FisAction (built by a FisAction factory)', action);
  });
  requireUniqueNames(owner, 'actions', given.map((a) => a.name));
  checkOrdering(owner, given);
  given.forEach((action) => checkAgainstFisReference(owner, action, region));
  return given;
}

/** One to five alarms: an experiment that cannot stop itself is refused. */
export function checkStopConditions(owner: string, stopConditions: readonly cloudwatch.IAlarm[] | undefined): readonly cloudwatch.IAlarm[] {
  const given = requireNonEmpty(owner, 'stopConditions', stopConditions, 'alarm (an experiment that cannot stop itself is refused)');
  if (given.length > MAX_STOP_CONDITIONS) {
    throw propError(owner, 'stopConditions', `hold at most ${MAX_STOP_CONDITIONS} alarms (FIS quota)`, given);
  }
  given.forEach((alarm, i) => {
    if (!alarm || typeof alarm.alarmArn !== 'string') throw propError(owner, `stopConditions[${i}]`, 'be a CloudWatch alarm', alarm);
  });
  return given;
}

/** A schedule injects faults without anyone starting them: it needs an explicit opt-in. */
export function checkRecurringChaosOptIn(owner: string, acknowledged: unknown): void {
  if (acknowledged !== true) {
    throw propError(owner, 'acknowledgeRecurringChaos', 'be true when schedule is set (faults will be injected without anyone starting them)', acknowledged);
  }
}

function checkOrdering(owner: string, actions: readonly FisAction[]): void {
  const unknown = findUnknownReference(actions);
  if (unknown) {
    throw new ReliabilityValidationError(
      `${owner}: actions["${unknown.action}"].startAfter must name actions of this experiment, got "${unknown.reference}"`,
    );
  }
  const cycle = findCycle(actions);
  if (cycle) {
    throw new ReliabilityValidationError(`${owner}: actions startAfter must not form a cycle, got ${cycle.join(' -> ')}`);
  }
}

/**
 * Refuses an action FIS would reject or misread: target parameters its resource type does not
 * take, action parameters or durations outside the FIS reference, zones of another Region.
 */
function checkAgainstFisReference(owner: string, action: FisAction, region: string): void {
  const where = `actions["${action.name}"]`;
  const problems = [
    ...(action.target ? targetParameterProblems(action.target.resourceType, action.target.parameters).map((p) => `target: ${p}`) : []),
    ...actionParameterProblems(action.actionId, action.parameters),
  ];
  const badValue = Object.entries(action.parameters).find(([, value]) => typeof value !== 'string');
  if (badValue) problems.push(`parameter ${badValue[0]} must be a string, got ${typeof badValue[1]}`);
  if (problems.length > 0) throw new ReliabilityValidationError(`${owner}: ${where} ${problems.join('; ')}`);
  if (Token.isUnresolved(region)) return;
  for (const zone of namedZones(action)) {
    if (!Token.isUnresolved(zone) && isAvailabilityZoneName(zone) && !zoneInRegion(zone, region)) {
      throw propError(owner, `${where} availabilityZone`, `be a zone of the stack's Region ${region}`, zone);
    }
  }
}

/** Zones an action names: in target filters on an AvailabilityZone path, and in zone parameters. */
function namedZones(action: FisAction): string[] {
  const fromFilters = (action.target?.filters ?? [])
    .filter((f) => f.path.endsWith('AvailabilityZone'))
    .flatMap((f) => f.values);
  const fromParameters = ['availabilityZoneIdentifiers', 'availabilityZoneIdentifier']
    .map((key) => action.parameters[key] ?? action.target?.parameters?.[key])
    .filter((value): value is string => typeof value === 'string' && !Token.isUnresolved(value))
    .flatMap((value) => value.split(','));
  return [...fromFilters, ...fromParameters];
}
