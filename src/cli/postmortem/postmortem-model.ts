import { AlarmTimeline } from './alarm-timeline';
import { budgetConsumedFromRatios, budgetConsumedPercent, burnRate, total } from './budget-math';
import { BurnPoint } from './burn-chart';
import { ChangeEvent } from './changes';
import { SliWindow } from './sli-series';
import { SloDefinition } from '../slo/slo-metadata';

/** What the review draft knows about one SLO in the window. */
export interface SloImpact {
  readonly stack: string;
  readonly service: string;
  readonly name: string;
  readonly objectivePercent: number;
  /** Null when the SLI has no event counts (a percentile-rank latency SLI). */
  readonly validEvents: number | null;
  readonly badEvents: number | null;
  readonly budgetConsumedPercent: number;
  readonly burn: BurnPoint[];
  readonly pageBurnRate?: number;
}

export interface PostmortemModel {
  readonly fromMs: number;
  readonly toMs: number;
  /** Where the timeline and the SLIs came from. */
  readonly source: string;
  readonly slos: SloImpact[];
  readonly alarms: AlarmTimeline[];
  /** Deployments, rollbacks and experiments in the window, in time order; empty when not collected (see notCollected). */
  readonly changes: ChangeEvent[];
  /** Sections the draft could not fill, each with why: shown as not collected, never as empty. */
  readonly notCollected: string[];
  readonly warnings: string[];
}

/** The impact of one SLO from its SLI over the window. */
export function sloImpact(slo: SloDefinition, sli: SliWindow, fromMs: number, toMs: number): SloImpact {
  const windowSeconds = (toMs - fromMs) / 1000;
  const counted = sli.bad !== undefined && sli.valid !== undefined;
  const bad = counted ? total(Array.from(sli.bad!)) : null;
  const valid = counted ? total(Array.from(sli.valid!)) : null;
  const consumed = counted
    ? budgetConsumedPercent(bad!, valid!, slo.errorBudget, windowSeconds, slo.windowSeconds)
    : budgetConsumedFromRatios(Array.from(sli.errorRatio), slo.errorBudget, windowSeconds, slo.windowSeconds);
  const pages = slo.alerts.filter((a) => a.severity.toUpperCase() === 'PAGE').map((a) => a.burnRate);
  return {
    stack: slo.stack,
    service: slo.serviceName,
    name: slo.name,
    objectivePercent: slo.objectivePercent,
    validEvents: valid,
    badEvents: bad,
    budgetConsumedPercent: Number(consumed.toFixed(4)),
    burn: Array.from(sli.errorRatio, (ratio, i) => ({
      epochMs: sli.startMs + i * sli.periodSeconds * 1000,
      burnRate: burnRate(ratio, slo.errorBudget),
    })),
    pageBurnRate: pages.length > 0 ? Math.max(...pages) : undefined,
  };
}

/** The `--json` document (the contract), plus what was not collected. */
export function postmortemJson(model: PostmortemModel): unknown {
  return {
    window: { from: new Date(model.fromMs).toISOString(), to: new Date(model.toMs).toISOString() },
    slos: model.slos.map((s) => ({
      stack: s.stack, name: s.name, validEvents: s.validEvents, badEvents: s.badEvents, budgetConsumedPercent: s.budgetConsumedPercent,
    })),
    alarms: model.alarms,
    changes: model.changes,
    notCollected: model.notCollected,
    warnings: model.warnings,
  };
}
