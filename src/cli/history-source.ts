import { UsageError } from './errors';

/** Where a command reads metric history: a metrics file, or CloudWatch over a time range. */
export interface HistorySourceOptions {
  readonly metrics?: string;
  readonly from?: string;
  readonly to?: string;
  readonly region?: string;
}

/** Exactly one source of history; --from and --to go together; --region only with CloudWatch. */
export function checkHistorySource(command: string, options: HistorySourceOptions): void {
  const range = options.from !== undefined || options.to !== undefined;
  if (options.metrics !== undefined && range) {
    throw new UsageError(`${command}: give either --metrics FILE or --from and --to (fetch from CloudWatch), not both`);
  }
  if (options.metrics === undefined && !range) {
    throw new UsageError(`${command}: give --metrics FILE, or --from and --to to fetch the history from CloudWatch`);
  }
  if (range && (options.from === undefined || options.to === undefined)) {
    throw new UsageError(`${command}: --from and --to go together, got only ${options.from !== undefined ? '--from' : '--to'}`);
  }
  if (options.metrics !== undefined && options.region !== undefined) {
    throw new UsageError(`${command}: --region applies to --from/--to (CloudWatch), not to --metrics`);
  }
}
