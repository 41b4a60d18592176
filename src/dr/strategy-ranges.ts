/**
 * What each disaster recovery strategy can achieve after the loss of a Region, as plain numbers.
 *
 * The orders of magnitude come from AWS: "Disaster Recovery of Workloads on AWS: Recovery in the Cloud"
 * (https://docs.aws.amazon.com/whitepapers/latest/disaster-recovery-workloads-on-aws/disaster-recovery-options-in-the-cloud.html)
 * and the Well-Architected Reliability Pillar, REL13-BP02 "Use defined recovery strategies to meet the recovery
 * objectives": backup and restore — RPO in hours, RTO in 24 hours or less; pilot light — RPO in minutes, RTO in
 * hours; warm standby — RPO in seconds, RTO in minutes; multi-site active/active — RPO none or seconds, RTO in
 * seconds. Where the whitepaper's figure is more optimistic (pilot light "tens of minutes") we take the Pillar's
 * figure: an objective is a promise, so the floor is the conservative one.
 *
 * A floor is the smallest objective the strategy can be relied on to meet; the numbers inside each order of
 * magnitude are this library's calibration (docs/multi-region-recovery.md explains each one).
 */
export interface StrategyRange {
  /** Key of the strategy: `BACKUP_AND_RESTORE`, `PILOT_LIGHT`, `WARM_STANDBY`, `ACTIVE_ACTIVE`. */
  readonly key: string;
  /** How users read it: `backup and restore`. */
  readonly displayName: string;
  /** The whitepaper's wording of its RPO / RTO, for reports and messages. */
  readonly whitepaperRange: string;
  /** Smallest RPO, in minutes, the strategy meets after a Regional failure. */
  readonly rpoFloorMinutes: number;
  /** Smallest RTO, in minutes, the strategy meets after a Regional failure. */
  readonly rtoFloorMinutes: number;
}

/** From cheapest to most expensive; resolution picks the first that meets the objectives. */
export const STRATEGY_RANGES: readonly StrategyRange[] = [
  // Hourly snapshot copies are the newest data in the other Region (continuous backups are not copied); rebuilding
  // network, compute and load balancer there from code, then restoring the data, takes hours.
  { key: 'BACKUP_AND_RESTORE', displayName: 'backup and restore', whitepaperRange: 'RPO hours, RTO up to 24 hours', rpoFloorMinutes: 60, rtoFloorMinutes: 4 * 60 },
  // Data replicates continuously; compute exists at zero and must be started, scaled and warmed: hours per the Pillar.
  { key: 'PILOT_LIGHT', displayName: 'pilot light', whitepaperRange: 'RPO minutes, RTO hours', rpoFloorMinutes: 5, rtoFloorMinutes: 2 * 60 },
  // Everything runs at reduced capacity: detect, run the Region switch plan, scale out, move traffic (DNS TTL).
  { key: 'WARM_STANDBY', displayName: 'warm standby', whitepaperRange: 'RPO seconds, RTO minutes', rpoFloorMinutes: 1, rtoFloorMinutes: 15 },
  // Both Regions serve traffic: only the routing change and in-flight replication remain.
  { key: 'ACTIVE_ACTIVE', displayName: 'multi-site active/active', whitepaperRange: 'RPO none or seconds, RTO seconds', rpoFloorMinutes: 0, rtoFloorMinutes: 0 },
];

/** The range of a strategy key; throws on a key this module does not know (a programming error). */
export function strategyRange(key: string): StrategyRange {
  const range = STRATEGY_RANGES.find((r) => r.key === key);
  if (!range) throw new Error(`unknown recovery strategy ${key}`);
  return range;
}

/** Whether the strategy meets both objectives (minutes). */
export function strategyMeets(range: StrategyRange, rpoMinutes: number, rtoMinutes: number): boolean {
  return rpoMinutes >= range.rpoFloorMinutes && rtoMinutes >= range.rtoFloorMinutes;
}

/** The cheapest strategy that meets both objectives; active/active meets any positive pair. */
export function cheapestStrategyFor(rpoMinutes: number, rtoMinutes: number): StrategyRange {
  return STRATEGY_RANGES.find((r) => strategyMeets(r, rpoMinutes, rtoMinutes)) ?? STRATEGY_RANGES[STRATEGY_RANGES.length - 1];
}

/** A declared objective the chosen strategy cannot meet, with the cheapest strategy that would. */
export interface UnmetObjective {
  /** `objectives.rto` or `objectives.rpo`. */
  readonly prop: string;
  readonly declaredMinutes: number;
  readonly floorMinutes: number;
  readonly chosen: StrategyRange;
  readonly wouldMeet: StrategyRange;
}

/**
 * What the chosen strategy cannot meet after a Regional failure. Only the RTO is an error for a backup plan: its
 * RPO inside the Region is met by PITR and snapshots, and the Region RPO is published in the resiliency policy;
 * the RTO is the promise backup and restore breaks silently.
 */
export function unmetRto(chosen: StrategyRange, rpoMinutes: number, rtoMinutes: number): UnmetObjective | undefined {
  if (rtoMinutes >= chosen.rtoFloorMinutes) return undefined;
  return {
    prop: 'objectives.rto',
    declaredMinutes: rtoMinutes,
    floorMinutes: chosen.rtoFloorMinutes,
    chosen,
    wouldMeet: cheapestStrategyFor(rpoMinutes, rtoMinutes),
  };
}

/** What a strategy achieves, for reports: `RPO ≥ 1 h, RTO ≥ 4 h`. */
export function achievableText(range: StrategyRange): string {
  return `RPO ${range.rpoFloorMinutes === 0 ? 'near zero' : `≥ ${minutesText(range.rpoFloorMinutes)}`}, `
    + `RTO ${range.rtoFloorMinutes === 0 ? 'near zero' : `≥ ${minutesText(range.rtoFloorMinutes)}`}`;
}

/** 15 → `15 min`, 240 → `4 h`, 90 → `90 min`. */
export function minutesText(minutes: number): string {
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} h` : `${minutes} min`;
}
