import { requireFisInteger } from './fis-rules';

/**
 * How many of the resolved resources an action hits: `ALL`, `COUNT(n)` or `PERCENT(n)`.
 */
export class FisSelection {
  /** Every resource the target resolves to. */
  public static all(): FisSelection {
    return new FisSelection('ALL');
  }

  /** At most `count` resources, chosen at random by FIS. */
  public static count(count: number): FisSelection {
    return new FisSelection('COUNT', count);
  }

  /** `percent` (1–100) of the resources, chosen at random by FIS. */
  public static percent(percent: number): FisSelection {
    return new FisSelection('PERCENT', percent);
  }

  private constructor(
    /** `ALL`, `COUNT` or `PERCENT`. */
    public readonly kind: string,
    /** The count or percentage; undefined for `ALL`. */
    public readonly value?: number,
  ) {}

  /**
   * The `selectionMode` string FIS expects, after checking the number.
   * @internal
   */
  public _render(owner: string, prop: string): string {
    if (this.kind === 'ALL') return 'ALL';
    if (this.kind === 'PERCENT') {
      requireFisInteger(owner, `${prop} percent`, this.value as number, 1, 100);
    } else {
      requireFisInteger(owner, `${prop} count`, this.value as number, 1, 1000);
    }
    return `${this.kind}(${this.value})`;
  }
}

/** A filter FIS applies to the resolved resources, e.g. `Placement.AvailabilityZone`. */
export interface FisTargetFilter {
  /** The attribute path, as listed in the FIS target reference. */
  readonly path: string;
  /** The accepted values. */
  readonly values: string[];
}

/** Options shared by the FisTarget factories. */
export interface FisTargetOptions {
  /**
   * How many of the resolved resources to hit.
   * @default FisSelection.all()
   */
  readonly selection?: FisSelection;
  /**
   * Filters on the resolved resources.
   * @default - none
   */
  readonly filters?: FisTargetFilter[];
  /**
   * Resource-type parameters (e.g. `cluster` and `service` for `aws:ecs:task`).
   * @default - none
   */
  readonly parameters?: { [key: string]: string };
}

/**
 * The resources an action hits: a resource type plus ARNs, tags or parameters.
 * Built by the FisAction factories; use it directly only with `FisAction.custom`.
 */
export class FisTarget {
  /** Resources named by ARN. */
  public static fromArns(resourceType: string, resourceArns: string[], options: FisTargetOptions = {}): FisTarget {
    return new FisTarget(resourceType, options, resourceArns, undefined);
  }

  /** Resources carrying all of the given tags. */
  public static fromTags(resourceType: string, resourceTags: { [key: string]: string }, options: FisTargetOptions = {}): FisTarget {
    return new FisTarget(resourceType, options, undefined, resourceTags);
  }

  /** Resources resolved from resource-type parameters only (e.g. ECS tasks of a cluster and service). */
  public static fromParameters(resourceType: string, targetParameters: { [key: string]: string }, options: FisTargetOptions = {}): FisTarget {
    return new FisTarget(resourceType, { ...options, parameters: { ...targetParameters, ...options.parameters } }, undefined, undefined);
  }

  /** The FIS resource type, e.g. `aws:ecs:task`. */
  public readonly resourceType: string;
  /** How many of the resolved resources are hit. */
  public readonly selection: FisSelection;
  /** ARNs of the resources, if targeted by ARN. */
  public readonly resourceArns?: string[];
  /** Tags of the resources, if targeted by tags. */
  public readonly resourceTags?: { [key: string]: string };
  /** Filters on the resolved resources. */
  public readonly filters?: FisTargetFilter[];
  /** Resource-type parameters. */
  public readonly parameters?: { [key: string]: string };

  private constructor(
    resourceType: string,
    options: FisTargetOptions,
    resourceArns: string[] | undefined,
    resourceTags: { [key: string]: string } | undefined,
  ) {
    this.resourceType = resourceType;
    this.selection = options.selection ?? FisSelection.all();
    this.filters = options.filters;
    this.parameters = options.parameters;
    this.resourceArns = resourceArns;
    this.resourceTags = resourceTags;
  }
}
