import { SingleBar } from 'cli-progress';
import { FetchProgress } from './get-metric-data';

/** A progress bar on stderr when it is a terminal; silent otherwise (pipes, CI logs, tests). */
export function progressBar(isTTY: boolean, label: string): FetchProgress | undefined {
  if (!isTTY) return undefined;
  const bar = new SingleBar({ format: `${label} [{bar}] {value}/{total} GetMetricData calls`, stream: process.stderr, hideCursor: true });
  return {
    start: (total) => bar.start(total, 0),
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}
