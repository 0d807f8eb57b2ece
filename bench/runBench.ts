/**
 * `npm run bench [-- --quick] [-- --json] [-- --profile]`: the engine against the naive check and the
 * spreadsheet rule, and its scaling from 1,000 to 1,000,000 rows (issue 5).
 *
 * `--reader [--quick] [--old-reader DIR]` runs bench/readerBench.ts instead: the .xlsx reader on large and hostile files.
 * `--level [--quick]` runs bench/levelBench.ts instead: levelling the calendar beside a check.
' * `--pane [--quick]` runs bench/paneBench.ts instead: the task pane in Chromium at 1,000 to 50,000 rows.
 * `--signals [--quick]` runs bench/signalsBench.ts instead: the signals beside a check.
 *
 * Nothing is reported until the engine, the naive check and the spreadsheet rule have been shown to
 * flag the same rows; if they do not, the run says where and exits with 1.
 *
 * Each section measures into `BenchResults` (what `--json` prints) and describes itself for the table.
 * To add one: write a `BenchSection`, put it in `SECTIONS`, and give `BenchResults` its key.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Booking, checkWorkbook, detectConflicts } from '../src/core';
import type { BenchContext, BenchResults, EngineResult } from './benchTypes';
import { compileWorker } from './compileWorker';
import { doubleBookedRows, RowComparison, sameRows } from './doubleBookedRows';
import type { EngineSample } from './engineWorker';
import { median } from './engineWorker';
import { measureBundleSize, measureSyncs } from './extensionPoints';
import { PAYLOAD_LIMIT_BYTES } from './roundTrips';
import { GeneratedWorkbook, generateWorkbook } from './generateWorkbook';
import { findDoubleBookedRowsNaive } from './naivePairwise';
import { runCliLevelBench, runLevelBench } from './levelBench';
import { runPaneBench } from './paneBench';
import { runReaderBench } from './readerBench';
import { runSignalsBench } from './signalsBench';
import { runSpreadsheetRule } from './spreadsheetRule';

const ROOT = path.resolve(__dirname, '..');
const WORKER_SOURCE = path.join(__dirname, 'engineWorker.ts');

function engineWorker(context: BenchContext): string {
  return compileWorker(WORKER_SOURCE, context.log);
}
const SEED = 20260414;

interface Plan {
  readonly engineSizes: readonly number[];
  readonly naiveSizes: readonly number[];
  readonly formulaSizes: readonly number[];
  /** A further formula size, run only when the last one projects (quadratically) within the budget. */
  readonly extraFormula: { readonly rows: number; readonly budgetMs: number } | null;
}

// 5,000 rows are in the engine's sizes because the formula's largest common size with it is 5,000.
const FULL_PLAN: Plan = {
  engineSizes: [1_000, 5_000, 10_000, 100_000, 1_000_000],
  naiveSizes: [1_000, 5_000, 10_000],
  formulaSizes: [1_000, 5_000],
  extraFormula: { rows: 10_000, budgetMs: 120_000 },
};
const QUICK_PLAN: Plan = { engineSizes: [1_000, 10_000], naiveSizes: [1_000], formulaSizes: [1_000], extraFormula: null };

/** Untimed and timed runs per size: enough to warm the JIT at small sizes, few at a million rows. */
function runsFor(rows: number): { warmup: number; runs: number } {
  if (rows <= 1_000) return { warmup: 100, runs: 21 };
  if (rows <= 10_000) return { warmup: 20, runs: 11 };
  if (rows <= 100_000) return { warmup: 3, runs: 7 };
  return { warmup: 1, runs: 5 };
}

/** Figures only the table shows, beside the JSON results. */
interface BenchDetails {
  readonly engineSamples: EngineSample[];
  readonly formulaRuleRows: Map<number, number>;
  /** The engine's detection alone (detectConflicts on rows already read), beside the naive check. */
  readonly detectMs: Map<number, number>;
  readonly notes: string[];
}

/** One benchmark run: what sections read and write. */
export interface BenchRun {
  readonly context: BenchContext;
  readonly plan: Plan;
  readonly results: BenchResults;
  readonly details: BenchDetails;
  readonly crossCheck: CrossCheck;
}

/** A part of the benchmark: measures into `run.results`, then describes its figures for the table. */
export interface BenchSection {
  measure(run: BenchRun): Promise<void>;
  table(run: BenchRun): string[];
}

/** Generated workbooks shared by the sections, the rows the engine flags in each, and every comparison made. */
class CrossCheck {
  private readonly workbooks = new Map<number, { generated: GeneratedWorkbook; engineRows: number[]; bookings: readonly Booking[] }>();
  readonly comparisons: Array<{ rows: number; method: string; comparison: RowComparison }> = [];

  constructor(private readonly seed: number) {}

  /** The workbook of `rows` rows (without a Capacity table), the rows the engine flags in it, and its bookings. */
  workbook(rows: number): { generated: GeneratedWorkbook; engineRows: number[]; bookings: readonly Booking[] } {
    let entry = this.workbooks.get(rows);
    if (entry === undefined) {
      const generated = generateWorkbook({ rows, seed: this.seed });
      const outcome = checkWorkbook(generated.snapshot);
      if (!outcome.ok) throw new Error(`the generated workbook of ${rows} rows has no allocation table: ${outcome.problem}`);
      entry = { generated, engineRows: doubleBookedRows(outcome.report.conflicts), bookings: outcome.report.bookings };
      this.workbooks.set(rows, entry);
    }
    return entry;
  }

  /** Records whether `method` flags the engine's rows; `assertAgreement` fails the run if not. */
  compare(rows: number, method: string, flagged: readonly number[]): void {
    this.comparisons.push({ rows, method, comparison: sameRows(this.workbook(rows).engineRows, flagged) });
  }

  record(rows: number, method: string, comparison: RowComparison): void {
    this.comparisons.push({ rows, method, comparison });
  }

  /** Throws, naming every disagreement, unless every comparison so far agreed. */
  assertAgreement(): void {
    const failures = this.comparisons.filter(({ comparison }) => !comparison.same);
    if (failures.length === 0) return;
    const lines = failures.map(({ rows, method, comparison }) => `  ${formatCount(rows)} rows: ${comparison.describe('engine', method)}`);
    throw new DisagreementError(`The engine and the baselines flag different rows:\n${lines.join('\n')}`);
  }
}

class DisagreementError extends Error {}

function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

function formatMs(ms: number): string {
  if (ms >= 100) return formatCount(Math.round(ms));
  if (ms >= 10) return ms.toFixed(1);
  return ms.toFixed(2);
}

function formatRatio(ratio: number): string {
  return ratio >= 100 ? formatCount(Math.round(ratio)) : ratio.toFixed(ratio >= 10 ? 1 : 2);
}

function pad(cells: ReadonlyArray<string | number>, widths: readonly number[]): string {
  return `  ${cells.map((cell, index) => (index === 0 ? String(cell).padEnd(widths[index]) : String(cell).padStart(widths[index]))).join('  ')}`;
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** Engine time (no Capacity table) at a size, when measured. */
function engineMs(results: BenchResults, rows: number, capacity = false): number | undefined {
  return results.engine.find((entry) => entry.rows === rows && entry.capacity === capacity)?.ms;
}

// ---------------------------------------------------------------------------------------------------
// Sections

/** Median wall time of `runs` calls after `warmup` untimed ones. */
function timeMedian(work: () => unknown, warmup: number, runs: number): number {
  for (let i = 0; i < warmup; i++) work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

const naiveSection: BenchSection = {
  async measure(run) {
    for (const rows of run.plan.naiveSizes) {
      run.context.log(`naive pairwise check at ${formatCount(rows)} rows`);
      const { generated, bookings } = run.crossCheck.workbook(rows);
      run.crossCheck.compare(rows, 'the naive check', findDoubleBookedRowsNaive(generated.truth));
      const { warmup, runs } = runsFor(rows);
      run.results.naive.push({ rows, ms: round(timeMedian(() => findDoubleBookedRowsNaive(generated.truth), warmup, runs), 3) });
      run.details.detectMs.set(rows, timeMedian(() => detectConflicts(bookings, null, new Map()), warmup, runs));
    }
  },
  table({ results, details }) {
    const widths = [10, 10, 11, 16, 17];
    return [
      'Naive check: active rows grouped by pool, every pair of a pool compared (O(k²) for a pool of k rows).',
      'Its input is the rows already read, so it skips the reading and validation the engine does: "detect ms"',
      'is the engine\'s own detection (detectConflicts) on rows already read, the like-for-like figure.',
      pad(['rows', 'naive ms', 'engine ms', 'engine speed-up', 'engine detect ms'], widths),
      ...results.naive.map(({ rows, ms }) => {
        const engine = engineMs(results, rows);
        const detect = details.detectMs.get(rows);
        return pad([
          formatCount(rows), formatMs(ms), engine === undefined ? '-' : formatMs(engine), engine === undefined ? '-' : `${formatRatio(ms / engine)}x`,
          detect === undefined ? '-' : formatMs(detect),
        ], widths);
      }),
    ];
  },
};

const formulaSection: BenchSection = {
  async measure(run) {
    const sizes = [...run.plan.formulaSizes];
    const extra = run.plan.extraFormula;
    for (let i = 0; i < sizes.length; i++) {
      const rows = sizes[i];
      run.context.log(`spreadsheet rule in HyperFormula at ${formatCount(rows)} rows (the slow part)`);
      const result = runSpreadsheetRule(run.crossCheck.workbook(rows).generated.truth);
      run.crossCheck.compare(rows, 'the spreadsheet rule', result.flaggedRows);
      run.crossCheck.assertAgreement();
      run.results.formula.push({ rows, ms: round(result.ms, 1) });
      run.details.formulaRuleRows.set(rows, result.ruleRows);
      if (i === sizes.length - 1 && extra !== null && !sizes.includes(extra.rows)) {
        const projectedMs = result.ms * (extra.rows / rows) ** 2;
        if (projectedMs <= extra.budgetMs) sizes.push(extra.rows);
        else {
          run.details.notes.push(
            `The spreadsheet rule was not run at ${formatCount(extra.rows)} rows: ${formatCount(rows)} rows took ` +
              `${formatCount(Math.round(result.ms / 1000))} s, so ${formatCount(extra.rows)} would take about ` +
              `${formatCount(Math.round(projectedMs / 1000))} s (quadratic), over the ${extra.budgetMs / 1000} s budget.`,
          );
        }
      }
    }
  },
  table({ results, details }) {
    const widths = [10, 10, 12, 11, 16];
    return [
      'Spreadsheet rule: =SUMPRODUCT((provider)*(region)*(silicon)*(start<=ends)*(end>=starts)*(block))>1 on every',
      'active row, evaluated by HyperFormula (build + evaluate + read the flags; one run).',
      pad(['rows', 'rule rows', 'rule ms', 'engine ms', 'engine speed-up'], widths),
      ...results.formula.map(({ rows, ms }) => {
        const engine = engineMs(results, rows);
        return pad([
          formatCount(rows), formatCount(details.formulaRuleRows.get(rows) ?? 0), formatMs(ms),
          engine === undefined ? '-' : formatMs(engine), engine === undefined ? '-' : `${formatRatio(ms / engine)}x`,
        ], widths);
      }),
    ];
  },
};

const engineSection: BenchSection = {
  async measure(run) {
    for (const rows of run.plan.engineSizes) {
      for (const capacity of [false, true]) {
        run.context.log(`engine at ${formatCount(rows)} rows${capacity ? ' with a Capacity table' : ''} (own process)`);
        const sample = measureEngine(run.context, rows, capacity);
        if (sample.agreesWithNaive !== null) {
          const disagreement = sample.disagreement ?? '';
          run.crossCheck.record(rows, 'the naive check (engine process)', { same: sample.agreesWithNaive, describe: () => disagreement });
          run.crossCheck.assertAgreement();
        }
        run.details.engineSamples.push(sample);
        run.results.engine.push({ rows, ms: round(sample.medianMs, 3), peakMiB: round(sample.peakMiB, 1), capacity });
      }
    }
  },
  table({ details }) {
    const widths = [10, 9, 10, 5, 9, 13, 10, 9, 8];
    return [
      'Engine: checkWorkbook (find tables, validate every cell, detect conflicts), median of the timed runs after',
      'warm-up; each size in its own process. Peak = the process high-water RSS (workbook included).',
      pad(['rows', 'capacity', 'median ms', 'runs', 'peak MiB', 'workbook MiB', 'conflicts', 'flagged', 'issues'], widths),
      ...details.engineSamples.map((sample) =>
        pad([
          formatCount(sample.rows), sample.capacity ? 'yes' : 'no', formatMs(sample.medianMs), sample.runsMs.length,
          formatCount(Math.round(sample.peakMiB)), formatCount(Math.round(sample.workbookMiB)), formatCount(sample.conflicts),
          formatCount(sample.flaggedRows), formatCount(sample.issues),
        ], widths),
      ),
    ];
  },
};

const syncsSection: BenchSection = {
  async measure(run) {
    run.results.syncs = await measureSyncs(run.context);
  },
  table({ results: { syncs } }) {
    if (syncs === null) return ['Excel round trips: not measured yet (measureSyncs in bench/roundTrips.ts).'];
    const kB = (bytes: number) => `${formatCount(Math.round(bytes / 1000))} kB`;
    return [
      'Excel round trips on Office.js against the simulated host (requests, the clean-up of each Excel.run included):',
      ...syncs.cases.map((entry) =>
        `  ${entry.name}: check ${entry.check}, resolution ${entry.resolution}, live re-check ${entry.liveRecheck}; ` +
        `largest request ${kB(entry.largestRequestBytes)}, largest answer ${kB(entry.largestResponseBytes)}`,
      ),
    ];
  },
};

const bundleSection: BenchSection = {
  async measure(run) {
    run.results.bundleKiB = await measureBundleSize(run.context);
  },
  table({ results: { bundleKiB } }) {
    if (bundleKiB === null) return ['Task pane size: not measured yet (measureBundleSize in bench/extensionPoints.ts).'];
    return [`Task pane JavaScript, production build, gzipped: ${bundleKiB.taskpane.toFixed(1)} KiB`];
  },
};

/** In order: the cheap cross-checks first, so that a disagreement stops the run early. */
export const SECTIONS: readonly BenchSection[] = [naiveSection, formulaSection, engineSection, syncsSection, bundleSection];

function measureEngine(context: BenchContext, rows: number, capacity: boolean): EngineSample {
  const { warmup, runs } = runsFor(rows);
  const nodeOptions = ['--expose-gc'];
  if (context.profileDir !== null) nodeOptions.push('--cpu-prof', '--cpu-prof-dir', context.profileDir);
  const args = [...nodeOptions, engineWorker(context), '--rows', String(rows), '--warmup', String(warmup), '--runs', String(runs), '--seed', String(context.seed)];
  if (capacity) args.push('--capacity');
  const child = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`the engine process for ${rows} rows failed (${child.status ?? child.signal}):\n${child.stderr}`);
  const lines = child.stdout.trim().split('\n');
  return JSON.parse(lines[lines.length - 1]) as EngineSample;
}

// ---------------------------------------------------------------------------------------------------
// Goals

export type GoalStatus = 'met' | 'missed' | 'not measured';

/** A target from the issue; the benchmark reports it and never fails on it. */
export interface BenchGoal {
  readonly name: string;
  evaluate(results: BenchResults): { status: GoalStatus; detail: string };
}

const NOT_MEASURED = (detail: string) => ({ status: 'not measured' as const, detail });
const outcome = (met: boolean, detail: string) => ({ status: met ? ('met' as const) : ('missed' as const), detail });

export const GOALS: readonly BenchGoal[] = [
  {
    name: '1,000,000 rows checked in under 2 s',
    evaluate(results) {
      const entries = results.engine.filter((entry) => entry.rows === 1_000_000);
      if (entries.length === 0) return NOT_MEASURED('no 1,000,000-row run (full run only)');
      const describe = (entry: EngineResult): string => `${formatCount(Math.round(entry.ms))} ms${entry.capacity ? ' with a Capacity table' : ' without'}`;
      return outcome(entries.every((entry) => entry.ms < 2_000), entries.map(describe).join(', '));
    },
  },
  {
    name: 'time grows no faster than n log n (1M / 100k at most 15)',
    evaluate(results) {
      const ratios = [false, true].flatMap((capacity) => {
        const large = engineMs(results, 1_000_000, capacity);
        const small = engineMs(results, 100_000, capacity);
        return large === undefined || small === undefined ? [] : [{ capacity, ratio: large / small }];
      });
      if (ratios.length === 0) return NOT_MEASURED('needs the 100,000 and 1,000,000-row runs (full run only)');
      const detail = ratios.map(({ capacity, ratio }) => `${ratio.toFixed(1)}${capacity ? ' with a Capacity table' : ' without'}`).join(', ');
      return outcome(ratios.every(({ ratio }) => ratio <= 15), `${detail} (n log n alone gives 12)`);
    },
  },
  {
    name: 'at least 1,000x faster than the spreadsheet rule at the largest common size',
    evaluate(results) {
      const common = results.formula.filter(({ rows }) => engineMs(results, rows) !== undefined);
      const largest = common[common.length - 1];
      if (largest === undefined) return NOT_MEASURED('the rule did not run at a size the engine ran');
      const ratio = largest.ms / (engineMs(results, largest.rows) as number);
      return outcome(ratio >= 1_000, `${formatRatio(ratio)}x at ${formatCount(largest.rows)} rows`);
    },
  },
  {
    name: 'at least 50x faster than the naive check at 10,000 rows',
    evaluate(results) {
      const naive = results.naive.find(({ rows }) => rows === 10_000);
      const engine = engineMs(results, 10_000);
      if (naive === undefined || engine === undefined) return NOT_MEASURED('no naive run at 10,000 rows (full run only)');
      const ratio = naive.ms / engine;
      return outcome(ratio >= 50, `${formatRatio(ratio)}x (naive ${formatMs(naive.ms)} ms, engine ${formatMs(engine)} ms)`);
    },
  },
  {
    name: 'a check costs at most 5 requests, a resolution at most 3, a live re-check at most 4',
    evaluate({ syncs }) {
      if (syncs === null) return NOT_MEASURED('measureSyncs is not implemented yet');
      const over = syncs.cases.filter((entry) => entry.check > 5 || entry.resolution > 3 || entry.liveRecheck > 4);
      const counts = syncs.cases.map((entry) => `${entry.check}/${entry.resolution}/${entry.liveRecheck} at ${entry.name}`).join('; ');
      return outcome(over.length === 0, `check/resolution/live re-check ${counts}`);
    },
  },
  {
    name: 'every request and answer under 5 MB, at 100,000 rows with 20,000 conflict rows and 200-character notes',
    evaluate({ syncs }) {
      const heavy = syncs?.cases.find((entry) => entry.name.includes('notes'));
      if (heavy === undefined) return NOT_MEASURED('no heavy case');
      const largest = Math.max(heavy.largestRequestBytes, heavy.largestResponseBytes);
      return outcome(largest < PAYLOAD_LIMIT_BYTES && heavy.rows >= 100_000, `largest ${formatCount(largest)} bytes at ${heavy.name}`);
    },
  },
  {
    name: 'task pane JavaScript within 300 KiB gzipped',
    evaluate({ bundleKiB }) {
      if (bundleKiB === null) return NOT_MEASURED('measureBundleSize is not implemented yet');
      return outcome(bundleKiB.taskpane <= 300, `${bundleKiB.taskpane.toFixed(1)} KiB`);
    },
  },
];

// ---------------------------------------------------------------------------------------------------
// The run

/** CPU, cores, memory and Node version, for the table and docs/PERFORMANCE.md. */
export function describeMachine(): string {
  let cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  try {
    cpu = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpu;
  } catch {
    // Not Linux: os.cpus() names the model.
  }
  const memoryGiB = os.totalmem() / 1024 ** 3;
  return `${cpu.trim()}, ${os.cpus().length} cores, ${memoryGiB.toFixed(1)} GiB, Node ${process.version}, ${os.platform()} ${os.arch()}`;
}

function loadAverage(): string {
  return os.loadavg().map((load) => load.toFixed(2)).join(' ');
}

/** Runs every section; throws `DisagreementError` before anything is reported if the methods disagree. */
export async function runBench(context: BenchContext): Promise<BenchRun> {
  const run: BenchRun = {
    context,
    plan: context.quick ? QUICK_PLAN : FULL_PLAN,
    results: { engine: [], naive: [], formula: [], syncs: null, bundleKiB: null },
    details: { engineSamples: [], formulaRuleRows: new Map(), detectMs: new Map(), notes: [] },
    crossCheck: new CrossCheck(context.seed),
  };
  for (const section of SECTIONS) {
    await section.measure(run);
    run.crossCheck.assertAgreement();
  }
  return run;
}

function agreementLine(run: BenchRun): string {
  const bySize = new Map<number, Set<string>>();
  for (const { rows, method } of run.crossCheck.comparisons) {
    const methods = bySize.get(rows) ?? new Set<string>();
    methods.add(method.replace(' (engine process)', ''));
    bySize.set(rows, methods);
  }
  const parts = [...bySize].sort((a, b) => a[0] - b[0]).map(([rows, methods]) => `${formatCount(rows)} (${[...methods].join(', ')})`);
  return `Agreement checked before timing: the engine flags exactly the rows of ${parts.join('; ')}.`;
}

function printTable(run: BenchRun, header: { machine: string; loadBefore: string; seconds: number }): void {
  const lines = [
    `Capacity-check benchmark (${run.context.quick ? 'quick' : 'full'} run, seed ${run.context.seed})`,
    `Machine: ${header.machine}`,
    `Load average before: ${header.loadBefore}; after: ${loadAverage()}; the run took ${header.seconds.toFixed(0)} s`,
    '',
  ];
  for (const section of SECTIONS) lines.push(...section.table(run), '');
  lines.push(agreementLine(run), ...run.details.notes, '', 'Goals (reported, never enforced):');
  for (const goal of GOALS) {
    const { status, detail } = goal.evaluate(run.results);
    lines.push(`  [${status}] ${goal.name}: ${detail}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const oldReader = argv.includes('--old-reader') ? argv[argv.indexOf('--old-reader') + 1] : undefined;
  const unknown = argv.filter((arg) => !['--quick', '--json', '--profile', '--reader', '--old-reader', '--level', '--pane', '--signals', oldReader].includes(arg));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown option ${unknown.join(' ')}; use --quick, --json, --profile, --reader [--old-reader DIR], --level, --pane, --signals\n`);
    process.exitCode = 2;
    return;
  }
  if (argv.includes('--pane')) {
    process.stdout.write(`${(await runPaneBench({ quick: argv.includes('--quick'), log: (message) => process.stderr.write(`bench: ${message}\n`) })).join('\n')}\n`);
    return;
  }
  if (argv.includes('--signals')) {
    process.stdout.write(`${runSignalsBench({ quick: argv.includes('--quick'), log: (message) => process.stderr.write(`bench: ${message}\n`) }).join('\n')}\n`);
    return;
  }
  if (argv.includes('--level')) {
    const levelOptions = { quick: argv.includes('--quick'), log: (message: string) => process.stderr.write(`bench: ${message}\n`) };
    process.stdout.write(`${[...runLevelBench(levelOptions), ...(await runCliLevelBench(levelOptions))].join('\n')}\n`);
    return;
  }
  // The .xlsx reader's own benchmark (bench/readerBench.ts) runs apart from the engine's.
  if (argv.includes('--reader')) {
    await runReaderBench({ quick: argv.includes('--quick'), oldReader, log: (message) => process.stderr.write(`bench: ${message}\n`) });
    return;
  }
  const profileDir = argv.includes('--profile') ? fs.mkdtempSync(path.join(os.tmpdir(), 'capacity-bench-profiles-')) : null;
  const context: BenchContext = {
    quick: argv.includes('--quick'),
    seed: SEED,
    profileDir,
    log: (message) => process.stderr.write(`bench: ${message}\n`),
  };
  const machine = describeMachine();
  const loadBefore = loadAverage();
  const started = performance.now();
  try {
    const run = await runBench(context);
    if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(run.results)}\n`);
    else printTable(run, { machine, loadBefore, seconds: (performance.now() - started) / 1000 });
    if (profileDir !== null) context.log(`CPU profiles of the engine processes are in ${profileDir}`);
  } catch (error) {
    process.stderr.write(`bench: ${error instanceof DisagreementError ? error.message : (error as Error).stack ?? String(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();

