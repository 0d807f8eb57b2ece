/**
 * One engine measurement in a fresh process, so that peak memory and timings belong to one size:
 *
 *   node --expose-gc --import tsx bench/engineWorker.ts --rows 100000 [--capacity] [--warmup 1] [--runs 5] [--seed 20260414]
 *
 * Generates the workbook, finds its double-booked rows the naive way, times `checkWorkbook` (`--warmup`
 * untimed runs, the first of which also gives the peak memory, then `--runs` timed runs) and prints one
 * JSON line (`EngineSample`). The timed runs are not preceded by a forced GC: that shrinks the young
 * generation and made small sizes about twice as slow as checks in a running add-in; the median keeps
 * an occasional major GC (of earlier runs' garbage, as in real use) from deciding the figure.
 * Without a Capacity table it also says whether the engine flags the same rows as the naive check.
 */
import { checkWorkbook } from '../src/core';
import { doubleBookedRows, sameRows } from './doubleBookedRows';
import { generateWorkbook } from './generateWorkbook';
import { findDoubleBookedRowsNaive } from './naivePairwise';

export interface EngineSample {
  readonly rows: number;
  readonly capacity: boolean;
  readonly runsMs: number[];
  readonly medianMs: number;
  /** Resident memory just before the first check: the process, the generated workbook and little else. */
  readonly workbookMiB: number;
  /** The process's high-water resident memory after the first check. */
  readonly peakMiB: number;
  readonly conflicts: number;
  readonly issues: number;
  readonly flaggedRows: number;
  /** Without a Capacity table: whether the engine's double-booked rows are the naive check's. */
  readonly agreesWithNaive: boolean | null;
  /** A few rows where they differ, for the error message. */
  readonly disagreement?: string;
}

const MIB = 1024 * 1024;

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function main(): void {
  const rows = argument('rows', 1000);
  const runs = argument('runs', 5);
  const warmup = Math.max(1, argument('warmup', 1));
  const seed = argument('seed', 20260414);
  const capacity = process.argv.includes('--capacity');
  const collectGarbage = (globalThis as { gc?: () => void }).gc;
  if (collectGarbage === undefined) throw new Error('run with node --expose-gc, so that the first check starts from a collected heap');

  let generated: ReturnType<typeof generateWorkbook> | null = generateWorkbook({ rows, seed, capacity });
  const snapshot = generated.snapshot;
  const naive = capacity ? null : findDoubleBookedRowsNaive(generated.truth);
  generated = null; // The truth rows are not part of what the engine holds.
  collectGarbage();
  const workbookMiB = process.memoryUsage().rss / MIB;

  const first = checkWorkbook(snapshot);
  if (!first.ok) throw new Error(`the generated workbook has no allocation table: ${first.problem}`);
  const peakMiB = (process.resourceUsage().maxRSS * 1024) / MIB;
  const flagged = doubleBookedRows(first.report.conflicts);
  const comparison = naive === null ? null : sameRows(flagged, naive);

  for (let run = 1; run < warmup; run++) checkWorkbook(snapshot);
  const runsMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    checkWorkbook(snapshot);
    runsMs.push(performance.now() - started);
  }

  const sample: EngineSample = {
    rows, capacity, runsMs, medianMs: median(runsMs), workbookMiB, peakMiB,
    conflicts: first.report.conflicts.length, issues: first.report.issues.length, flaggedRows: flagged.length,
    agreesWithNaive: comparison === null ? null : comparison.same,
    ...(comparison === null || comparison.same ? {} : { disagreement: comparison.describe('engine', 'naive') }),
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

if (require.main === module) main();
