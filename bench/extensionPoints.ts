/**
 * Sections of `npm run bench` that other parts of the project measure. Each returns null until it is
 * implemented; the benchmark then prints "not measured" and keeps the JSON key as null.
 *
 * To fill one in, replace the body (it may be async and may use `context.log` for progress); the
 * section, its table lines and its goal are already wired in `runBench.ts`.
 */
import type { BenchContext } from './benchTypes';

/** Excel round trips on the simulator, for a check of 10,000 rows with hundreds of conflicts and for one resolution. */
export interface SyncsResult {
  readonly rows: number;
  readonly conflictCells: number;
  readonly checkSyncs: number;
  readonly checkBytes: number;
  readonly resolveSyncs: number;
}

/** Gzipped size of the production task pane JavaScript, in KiB. */
export interface BundleResult {
  readonly taskpane: number;
}

/** Syncs and request bytes from the Excel simulator (src/simulator); null until measured. */
export async function measureSyncs(_context: BenchContext): Promise<SyncsResult | null> {
  return null;
}

/** Task pane bundle size from the production webpack build; null until measured. */
export async function measureBundleSize(_context: BenchContext): Promise<BundleResult | null> {
  return null;
}
