import { StackIndex } from '../stack-index';

/**
 * How many distinct Availability Zones a list of resolved subnet references spans.
 * Throws (unresolvable) when a subnet is not a CfnSubnet of the stack.
 */
export function distinctZones(index: StackIndex, subnetRefs: readonly unknown[]): number {
  return new Set(subnetRefs.map((subnet) => index.subnetZone(subnet))).size;
}
