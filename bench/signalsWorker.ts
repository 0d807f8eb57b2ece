/**
 * The signals' time beside a check's, in a fresh process per size (as bench/engineWorker.ts does):
 *
 *   node --expose-gc --import tsx bench/signalsWorker.ts --rows 100000 [--capacity] [--warmup 1] [--runs 5] [--seed 20260414]
 *
 * Generates the workbook, checks it once, then times `checkWorkbook` and `signalsOf` (every conflict's
 * stake, every lab's velocity and exposure, the quarter's pool weeks, from an index built afresh each
 * run) alternately, `--warmup` untimed rounds first, and prints one JSON line (`SignalsSample`).
 */
import { checkWorkbook, dayFromYmd, signalsOf } from '../src/core';
import { median } from './engineWorker';
import { generateWorkbook } from './generateWorkbook';

/** The generated bookings start in January to March 2026 and run for months: an as-of inside them. */
export const SIGNALS_AS_OF = dayFromYmd(2026, 3, 2) as number;

export interface SignalsSample {
  readonly rows: number;
  readonly capacity: boolean;
  readonly checkMs: number;
  readonly signalsMs: number;
  readonly signalsRunsMs: number[];
  readonly conflicts: number;
  readonly labs: number;
  readonly pools: number;
  /** Movable ÷ all chip-days from the as-of date, over every lab. */
  readonly velocity: number | null;
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
}

function main(): void {
  const rows = argument('rows', 1000);
  const runs = argument('runs', 5);
  const warmup = argument('warmup', 1);
  const capacity = process.argv.includes('--capacity');
  const { snapshot } = generateWorkbook({ rows, seed: argument('seed', 20260414), capacity });
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(`the generated workbook has no allocation table: ${outcome.problem}`);
  const report = outcome.report;
  const options = { asOf: SIGNALS_AS_OF };
  let signals = signalsOf(report, options);
  for (let run = 0; run < warmup; run++) {
    checkWorkbook(snapshot);
    signals = signalsOf(report, options);
  }
  const checkRuns: number[] = [];
  const signalsRuns: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    checkWorkbook(snapshot);
    checkRuns.push(performance.now() - started);
    started = performance.now();
    signals = signalsOf(report, options);
    signalsRuns.push(performance.now() - started);
  }
  const chipDays = signals.labs.reduce((sum, lab) => sum + lab.chipDays, 0);
  const sample: SignalsSample = {
    rows, capacity, checkMs: median(checkRuns), signalsMs: median(signalsRuns), signalsRunsMs: signalsRuns,
    conflicts: report.conflicts.length, labs: signals.labs.length, pools: signals.poolWeeks.pools.length,
    velocity: chipDays === 0 ? null : signals.labs.reduce((sum, lab) => sum + lab.movableChipDays, 0) / chipDays,
  };
  process.stdout.write(`${JSON.stringify(sample)}\n`);
}

if (require.main === module) main();
