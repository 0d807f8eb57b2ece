import type { BundleResult, SyncsResult } from './extensionPoints';

/** One engine measurement: median wall time of `checkWorkbook` and the process's peak memory. */
export interface EngineResult {
  readonly rows: number;
  readonly ms: number;
  readonly peakMiB: number;
  /** Whether the workbook had a Capacity table. */
  readonly capacity: boolean;
}

export interface TimedRows {
  readonly rows: number;
  readonly ms: number;
}

/** What `npm run bench -- --json` prints: exactly this object. */
export interface BenchResults {
  engine: EngineResult[];
  naive: TimedRows[];
  formula: TimedRows[];
  syncs: SyncsResult | null;
  bundleKiB: BundleResult | null;
}

/** What every section gets: the run's options and a way to report progress (on stderr). */
export interface BenchContext {
  readonly quick: boolean;
  readonly seed: number;
  /** Directory for CPU profiles of the engine runs, when `--profile` is given. */
  readonly profileDir: string | null;
  log(message: string): void;
}
