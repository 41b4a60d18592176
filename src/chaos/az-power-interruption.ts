import { Stack, Token, aws_ec2 as ec2, aws_ecs as ecs } from 'aws-cdk-lib';
import { ActionSpec } from './action-spec';
import { ecsStopTasksSpec } from './ecs-actions';
import { AzPowerInterruptionOptions, ConnectivityScope } from './fis-action-options';
import { FIS_ACTION_DURATION_MAX_SECONDS, FIS_ACTION_DURATION_MIN_SECONDS, fisDuration } from './fis-duration';
import { requireZoneName } from './fis-rules';
import { FisSelection } from './fis-target';
import {
  asgInsufficientCapacitySpec,
  disruptSubnetConnectivitySpec,
  ec2StopInstancesSpec,
  rdsFailoverSpec,
} from './infra-actions';
import { serviceSubnets } from './service-subnets';
import { propError, ReliabilityValidationError } from '../common/errors';
import { requireObject } from '../common/validate';

const PREFIX_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

/**
 * The zone-scoped part of the AWS "AZ Availability: Power Interruption" scenario. All actions start
 * together, like a real power loss, and every timed one lasts `duration`:
 * - every subnet of the zone that the services use (plus `subnets` given) is cut off for `duration`,
 *   so a task ECS places in the zone again cannot be reached nor reach anything;
 * - the services' tasks in the zone are stopped (`aws:ecs:stop-task` is instantaneous: the network
 *   action is what keeps the zone down);
 * - Auto Scaling launches in the zone fail, clusters fail over, tagged instances stop for `duration`.
 */
export function azPowerInterruptionSpecs(options: AzPowerInterruptionOptions): ActionSpec[] {
  requireObject("FisAction.azPowerInterruption 'azPower'", 'options', options, 'an object');
  const prefix = options.namePrefix ?? 'azPower';
  if (typeof prefix !== 'string' || !PREFIX_PATTERN.test(prefix)) {
    throw propError("FisAction.azPowerInterruption 'azPower'", 'namePrefix', "be 1-40 letters, digits, '-' or '_'", prefix);
  }
  const owner = `FisAction.azPowerInterruption '${prefix}'`;
  if ('networkDisruptionDuration' in options) {
    throw new ReliabilityValidationError(
      `${owner}: networkDisruptionDuration is no longer supported: the zone's subnets stay cut off for duration, so that the zone stays down as long as the experiment says`,
    );
  }
  const zone = requireZoneName(owner, 'availabilityZone', options.availabilityZone);
  // Checked once here so the error names this factory's prop; each action renders the same value.
  fisDuration(owner, 'duration', options.duration, FIS_ACTION_DURATION_MIN_SECONDS, FIS_ACTION_DURATION_MAX_SECONDS);
  const duration = options.duration;
  const services = optionalList(owner, 'services', options.services);
  const specs: ActionSpec[] = [];

  const subnets = zoneSubnets(owner, zone, services, options.subnets);
  if (subnets.length > 0) {
    specs.push(disruptSubnetConnectivitySpec({
      name: `${prefix}Network`,
      description: `Power interruption of ${zone}: its subnets are cut off for ${duration.toHumanString()}`,
      subnets,
      duration,
      scope: ConnectivityScope.ALL,
    }));
  }
  services.forEach((service, i) => specs.push(ecsStopTasksSpec({
    name: `${prefix}Tasks${suffix(i)}`,
    description: `Power interruption of ${zone}: the service's tasks in the zone stop`,
    service,
    selection: FisSelection.all(),
    availabilityZone: zone,
  })));
  optionalList(owner, 'autoScalingGroups', options.autoScalingGroups).forEach((autoScalingGroup, i) => specs.push(asgInsufficientCapacitySpec({
    name: `${prefix}Capacity${suffix(i)}`,
    autoScalingGroup,
    availabilityZones: [zone],
    duration,
  })));
  optionalList(owner, 'databaseClusters', options.databaseClusters).forEach((cluster, i) => specs.push(rdsFailoverSpec({
    name: `${prefix}Failover${suffix(i)}`,
    cluster,
  })));
  if (options.instanceTags !== undefined) {
    specs.push(ec2StopInstancesSpec({
      name: `${prefix}Instances`,
      instanceTags: options.instanceTags,
      availabilityZone: zone,
      startInstancesAfter: duration,
    }));
  }
  if (specs.length === 0) {
    throw new ReliabilityValidationError(
      `${owner}: at least one of subnets, services, autoScalingGroups, databaseClusters or instanceTags must be given, got none`,
    );
  }
  return specs;
}

/**
 * The subnets to cut off: those of the services and those given, kept when in `zone`, once each.
 * A service whose subnets cannot be read at synth needs `subnets`; a service with no subnet in the
 * zone is refused, because the zone would then not be cut off for it.
 */
function zoneSubnets(owner: string, zone: string, services: readonly ecs.IBaseService[], given: ec2.ISubnet[] | undefined): ec2.ISubnet[] {
  const extra = optionalList(owner, 'subnets', given);
  if (extra.some((s) => !s || typeof s.subnetId !== 'string')) throw propError(owner, 'subnets', 'hold only subnets', given);
  const isInZone = (subnet: ec2.ISubnet) => {
    if (Token.isUnresolved(subnet.availabilityZone) || Token.isUnresolved(zone)) {
      // Keeping it could cut off a subnet of another zone; dropping it could leave the zone up.
      throw new ReliabilityValidationError(
        `${owner}: the zones of the subnets to cut off must be known at synth, got a subnet whose availabilityZone is a token (give the stack an env with account and region, or subnets whose zone is known)`,
      );
    }
    return subnet.availabilityZone === zone;
  };
  const extraInZone = extra.filter(isInZone);
  if (extra.length > 0 && extraInZone.length === 0) {
    throw new ReliabilityValidationError(`${owner}: subnets must include at least one subnet in ${zone}, got none of ${extra.length}`);
  }
  const all: ec2.ISubnet[] = [];
  services.forEach((service, i) => {
    const own = serviceSubnets(service);
    if (own === undefined) {
      if (extraInZone.length === 0) {
        throw propError(owner, 'subnets',
          `be given: the subnets of services[${i}] cannot be read at synth (an imported service, or tasks without awsvpc networking), and without them the zone would not be cut off`,
          given);
      }
      return;
    }
    const inZone = own.filter(isInZone);
    if (inZone.length === 0) {
      throw new ReliabilityValidationError(`${owner}: services[${i}] must run in ${zone}, got tasks in subnets of ${describeZones(own)} only`);
    }
    all.push(...inZone);
  });
  all.push(...extraInZone);
  return uniqueSubnets(all);
}

function uniqueSubnets(subnets: ec2.ISubnet[]): ec2.ISubnet[] {
  const seen = new Set<string>();
  return subnets.filter((subnet) => {
    const key = JSON.stringify(Stack.of(subnet).resolve(subnet.subnetId));
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function optionalList<T>(owner: string, prop: string, value: T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw propError(owner, prop, 'be a list', value);
  return value;
}

function describeZones(subnets: ec2.ISubnet[]): string {
  return [...new Set(subnets.map((s) => s.availabilityZone))].join(', ');
}

function suffix(index: number): string {
  return index === 0 ? '' : String(index + 1);
}
