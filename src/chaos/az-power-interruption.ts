import { Duration, Token } from 'aws-cdk-lib';
import { ActionSpec } from './action-spec';
import { ecsStopTasksSpec } from './ecs-actions';
import { AzPowerInterruptionOptions, ConnectivityScope } from './fis-action-options';
import { FisSelection } from './fis-target';
import {
  asgInsufficientCapacitySpec,
  disruptSubnetConnectivitySpec,
  ec2StopInstancesSpec,
  rdsFailoverSpec,
} from './infra-actions';
import { propError, ReliabilityValidationError } from '../common/errors';

/**
 * The zone-scoped part of the AWS "AZ Availability: Power Interruption" scenario, one action
 * per resource given. All start together, like a real power loss.
 */
export function azPowerInterruptionSpecs(options: AzPowerInterruptionOptions): ActionSpec[] {
  const prefix = options.namePrefix ?? 'azPower';
  const owner = `FisAction.azPowerInterruption '${prefix}'`;
  const zone = options.availabilityZone;
  if (typeof zone !== 'string' || zone.length === 0) throw propError(owner, 'availabilityZone', 'be an Availability Zone name', zone);
  const specs: ActionSpec[] = [];

  const subnets = (options.subnets ?? []).filter((s) => isInZone(s.availabilityZone, zone));
  if (options.subnets && options.subnets.length > 0 && subnets.length === 0) {
    throw new ReliabilityValidationError(`${owner}: subnets must include at least one subnet in ${zone}, got none of ${options.subnets.length}`);
  }
  if (subnets.length > 0) {
    specs.push(disruptSubnetConnectivitySpec({
      name: `${prefix}Network`,
      subnets,
      duration: options.networkDisruptionDuration ?? Duration.minutes(2),
      scope: ConnectivityScope.ALL,
    }));
  }
  (options.services ?? []).forEach((service, i) => specs.push(ecsStopTasksSpec({
    name: `${prefix}Tasks${suffix(i)}`,
    service,
    selection: FisSelection.all(),
    availabilityZone: zone,
  })));
  (options.autoScalingGroups ?? []).forEach((autoScalingGroup, i) => specs.push(asgInsufficientCapacitySpec({
    name: `${prefix}Capacity${suffix(i)}`,
    autoScalingGroup,
    availabilityZones: [zone],
    duration: options.duration,
  })));
  (options.databaseClusters ?? []).forEach((cluster, i) => specs.push(rdsFailoverSpec({
    name: `${prefix}Failover${suffix(i)}`,
    cluster,
  })));
  if (options.instanceTags) {
    specs.push(ec2StopInstancesSpec({
      name: `${prefix}Instances`,
      instanceTags: options.instanceTags,
      availabilityZone: zone,
      startInstancesAfter: options.duration,
    }));
  }
  if (specs.length === 0) {
    throw new ReliabilityValidationError(
      `${owner}: at least one of subnets, services, autoScalingGroups, databaseClusters or instanceTags must be given, got none`,
    );
  }
  return specs;
}

/** A subnet whose zone is a token (imported by lookup) is kept: it cannot be ruled out at synth. */
function isInZone(subnetZone: string, zone: string): boolean {
  return Token.isUnresolved(subnetZone) || Token.isUnresolved(zone) || subnetZone === zone;
}

function suffix(index: number): string {
  return index === 0 ? '' : String(index + 1);
}
