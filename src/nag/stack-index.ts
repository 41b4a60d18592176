import { CfnResource, Stack } from 'aws-cdk-lib';
import { CfnSubnet } from 'aws-cdk-lib/aws-ec2';
import { isIntrinsic, refTarget, resolve, UnresolvableValue } from './resolve';

/**
 * The CloudFormation resources of one stack, grouped by type and by logical id, so that
 * rules looking at siblings (the instances of an Aurora cluster, the queues that use a
 * queue as their DLQ, the routes of a VPC) do not walk the construct tree each time.
 *
 * Built lazily on the first lookup; the pack builds a fresh index per validation run, so a
 * tree changed between two runs is never seen through a stale index.
 */
export class StackIndex {
  private byType?: Map<string, CfnResource[]>;
  private byId?: Map<string, CfnResource>;
  private readonly byTypeAndId = new Map<string, Map<string, CfnResource>>();
  private readonly ids = new Map<CfnResource, string>();
  private readonly memos = new Map<string, unknown>();

  constructor(public readonly stack: Stack) {}

  /** Every resource of `cfnType` in this stack (nested stacks are stacks of their own). */
  public resources(cfnType: string): CfnResource[] {
    this.build();
    return this.byType!.get(cfnType) ?? [];
  }

  /**
   * The resource with this logical id in this stack, if any. Pass `cfnType` when it is known:
   * only the logical ids of that type are then resolved (resolving every id of a large stack
   * is the most expensive step of an index).
   */
  public resource(logicalId: string, cfnType?: string): CfnResource | undefined {
    if (cfnType !== undefined) {
      let ids = this.byTypeAndId.get(cfnType);
      if (!ids) {
        ids = new Map(this.resources(cfnType).map((resource) => [this.logicalId(resource), resource]));
        this.byTypeAndId.set(cfnType, ids);
      }
      return ids.get(logicalId);
    }
    if (!this.byId) {
      this.build();
      this.byId = new Map([...this.byType!.values()].flat().map((resource) => [this.logicalId(resource), resource]));
    }
    return this.byId.get(logicalId);
  }

  /** The resolved logical id of a resource of this stack. */
  public logicalId(node: CfnResource): string {
    let id = this.ids.get(node);
    if (id === undefined) {
      id = this.stack.resolve(node.logicalId) as string;
      this.ids.set(node, id);
    }
    return id;
  }

  /** Computes a value derived from the whole stack once per validation run. */
  public memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /**
   * An identity for the Availability Zone of a subnet reference: the resolved `AvailabilityZone`
   * (or `AvailabilityZoneId`) of the CfnSubnet it points at, serialized. Two subnets placed with
   * `Fn::Select [0, Fn::GetAZs]` and `[1, ...]` have different identities, as they should.
   * A subnet that is not a CfnSubnet of this stack (an imported id) is unresolvable.
   */
  public subnetZone(subnetRef: unknown): string {
    const subnet = this.referenced(subnetRef, 'AWS::EC2::Subnet');
    if (!subnet) throw new UnresolvableValue('the Availability Zone of a subnet defined outside this stack');
    const zone = resolve(subnet, (subnet as CfnSubnet).availabilityZone ?? (subnet as CfnSubnet).availabilityZoneId);
    if (zone === undefined) throw new UnresolvableValue('a subnet without an explicit Availability Zone');
    return JSON.stringify(zone);
  }

  /** The resource of `cfnType` in this stack that a resolved `Ref` / `Fn::GetAtt` value points at. */
  public referenced(value: unknown, cfnType: string): CfnResource | undefined {
    const target = isIntrinsic(value) ? refTarget(value) : undefined;
    if (target === undefined) return undefined;
    return this.resource(target, cfnType);
  }

  private build(): void {
    if (this.byType) return;
    this.byType = new Map();
    for (const child of this.stack.node.findAll()) {
      if (!CfnResource.isCfnResource(child) || Stack.of(child) !== this.stack) continue;
      const list = this.byType.get(child.cfnResourceType);
      if (list) list.push(child);
      else this.byType.set(child.cfnResourceType, [child]);
    }
  }
}
