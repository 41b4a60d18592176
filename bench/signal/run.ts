/**
 * Signal quality benchmark: do the SLO alarms page when they should, and only then?
 *
 * Run:  npx ts-node --project tsconfig.dev.json --transpile-only bench/signal/run.ts [--write docs/benchmarks.md] [--seed 1]
 */
import * as fs from 'fs';
import { GUARD_MINIMUM_VALID_EVENTS, LATENCY_THRESHOLD_SECONDS, LOAD_BALANCER_FULL_NAME, OBJECTIVE_PERCENT, synthesizeBenchStack } from './bench-stack';
import { prepareAlarms, runTrace } from './benchmark';
import { generateCorpus } from './generator';
import { renderReport } from './report';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seed = Number(flag('--seed') ?? 1);
const write = flag('--write');

const started = Date.now();
const bench = synthesizeBenchStack();
const synthSeconds = (Date.now() - started) / 1000;
const alarms = prepareAlarms(bench, LATENCY_THRESHOLD_SECONDS);
const sets = bench.sets;
const options = { objective: OBJECTIVE_PERCENT / 100, loadBalancer: LOAD_BALANCER_FULL_NAME, latencyThresholdSeconds: LATENCY_THRESHOLD_SECONDS };
const replayStarted = Date.now();
const results = generateCorpus({ seed }).map((trace) => runTrace(trace, alarms, sets, options));
const replaySeconds = (Date.now() - replayStarted) / 1000;

const report = renderReport(results, sets, { seed, guard: GUARD_MINIMUM_VALID_EVENTS });
process.stdout.write(`${report.tables}\n\n(synth ${synthSeconds.toFixed(1)} s, generate + label + replay ${replaySeconds.toFixed(1)} s)\n`);
if (write) {
  fs.writeFileSync(write, report.document);
  process.stdout.write(`wrote ${write}\n`);
}
