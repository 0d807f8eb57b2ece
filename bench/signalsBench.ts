/**
 * `npm run bench -- --signals [--quick]`: the signals (every conflict's stake, every lab's velocity and
 * exposure, the quarter's pool weeks) beside a check of the same workbook, each size in its own process
 * (bench/signalsWorker.ts, compiled by tsc). Figures are printed, never asserted.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { compileWorker } from './compileWorker';
import type { SignalsSample } from './signalsWorker';

const SEED = 20260414;
const ROOT = path.resolve(__dirname, '..');

/** Untimed and timed rounds (a check, then the signals) per size. */
function runsFor(rows: number): { warmup: number; runs: number } {
  if (rows <= 10_000) return { warmup: 10, runs: 11 };
  if (rows <= 100_000) return { warmup: 2, runs: 7 };
  return { warmup: 1, runs: 3 };
}

function measure(worker: string, rows: number, capacity: boolean): SignalsSample {
  const { warmup, runs } = runsFor(rows);
  const args = ['--expose-gc', '--max-old-space-size=8192', worker, '--rows', String(rows), '--warmup', String(warmup), '--runs', String(runs), '--seed', String(SEED)];
  if (capacity) args.push('--capacity');
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`the signals process for ${rows} rows failed (${child.status ?? child.signal}):\n${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as SignalsSample;
}

const count = (value: number) => value.toLocaleString('en-US');

export function runSignalsBench(options: { quick: boolean; log: (message: string) => void }): string[] {
  const worker = compileWorker(path.join(__dirname, 'signalsWorker.ts'), options.log);
  const sizes = options.quick ? [1_000, 10_000] : [100_000, 1_000_000];
  const samples: SignalsSample[] = [];
  for (const rows of sizes) {
    for (const capacity of [false, true]) {
      options.log(`signals at ${count(rows)} rows${capacity ? ' with a Capacity table' : ''} (own process)`);
      samples.push(measure(worker, rows, capacity));
    }
  }
  const lines = [
    'Signals: signalsOf (stakes, labs\' velocity and exposure, 13 pool weeks, from an index built afresh) beside checkWorkbook,',
    'medians of alternate timed rounds after warm-up; each size in its own process.',
    '',
    '  rows        capacity   check ms   signals ms   (check + signals) / check   added ms   conflicts   labs    pools   velocity',
  ];
  for (const s of samples) {
    lines.push(`  ${count(s.rows).padEnd(11)} ${(s.capacity ? 'yes' : 'no').padEnd(9)} ${count(Math.round(s.checkMs)).padStart(9)} ${count(Math.round(s.signalsMs)).padStart(12)} ${`${((s.checkMs + s.signalsMs) / s.checkMs).toFixed(2)}x`.padStart(27)} ${count(Math.round(s.signalsMs)).padStart(10)} ${count(s.conflicts).padStart(11)} ${String(s.labs).padStart(6)} ${count(s.pools).padStart(8)}   ${s.velocity === null ? '-' : `${(s.velocity * 100).toFixed(1)}%`}`);
  }
  lines.push('', 'Goals (reported, never enforced):', ...goals(samples));
  return lines;
}

function goals(samples: readonly SignalsSample[]): string[] {
  const at = (rows: number) => samples.filter((sample) => sample.rows === rows);
  const describe = (entries: SignalsSample[], figure: (sample: SignalsSample) => string) => entries.map((s) => `${figure(s)}${s.capacity ? ' with a Capacity table' : ' without'}`).join(', ');
  const hundred = at(100_000);
  const million = at(1_000_000);
  const ratio = (s: SignalsSample) => (s.checkMs + s.signalsMs) / s.checkMs;
  return [
    hundred.length === 0
      ? '  [not measured] check + signals within 1.5x a check at 100,000 rows (full run only)'
      : `  [${hundred.every((s) => ratio(s) <= 1.5) ? 'met' : 'missed'}] check + signals within 1.5x a check at 100,000 rows: ${describe(hundred, (s) => `${ratio(s).toFixed(2)}x`)}`,
    million.length === 0
      ? '  [not measured] signals add at most 2 s at 1,000,000 rows (full run only)'
      : `  [${million.every((s) => s.signalsMs <= 2_000) ? 'met' : 'missed'}] signals add at most 2 s at 1,000,000 rows: ${describe(million, (s) => `${count(Math.round(s.signalsMs))} ms`)}`,
  ];
}
