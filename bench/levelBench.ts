/**
 * `npm run bench -- --level [--quick]`: levelling the calendar (levelCalendar) beside a check of the
 * same workbook and beside a straightforward planner that checks the whole workbook again after each
 * edit it makes, as a script driving the one-card suggestions would. Figures are printed, never asserted.
 */
import { applyEdits, CheckReport, checkWorkbook, inGivingWayOrder, levelCalendar, planResolutionEdits, suggestionsFor, WorkbookSnapshot } from '../src/core';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCapacityCheck } from '../src/cli/capacityCheck';
import { generateWorkbook } from './generateWorkbook';
import { writeBenchWorkbook } from './readerBench';

const SEED = 20260414;

function timed<T>(run: () => T): { value: T; ms: number } {
  const start = process.hrtime.bigint();
  const value = run();
  return { value, ms: Number(process.hrtime.bigint() - start) / 1e6 };
}

function check(snapshot: WorkbookSnapshot): CheckReport {
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

/**
 * The planner a user would script: take the first open conflict, shift its first booking to give way
 * by its one-card shift, write it, check the whole workbook again; until no conflict can be shifted.
 */
function recheckingPlanner(snapshot: WorkbookSnapshot): { edits: number; checks: number } {
  let current = snapshot;
  let report = check(current);
  const stuck = new Set<string>();
  let edits = 0;
  let checks = 1;
  for (;;) {
    const conflict = report.conflicts.find((candidate) => !candidate.accepted && !stuck.has(candidate.id));
    if (conflict === undefined) return { edits, checks };
    const order = inGivingWayOrder(conflict.rows.flatMap((row) => report.bookings.filter((booking) => booking.sheetRow === row)));
    const shift = suggestionsFor(report, conflict).shifts.find((candidate) => candidate.row === order[0]?.sheetRow && candidate.days > 0);
    if (shift === undefined) {
      stuck.add(conflict.id);
      continue;
    }
    current = applyEdits(current, planResolutionEdits(report, current, shift));
    report = check(current);
    edits++;
    checks++;
  }
}

export function runLevelBench(options: { quick: boolean; log: (message: string) => void }): string[] {
  const sizes = options.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const naiveSizes = options.quick ? [1_000] : [1_000, 10_000];
  const lines = ['Levelling: levelCalendar (plan only) beside checkWorkbook, and a planner that checks the workbook again after each edit.', ''];
  lines.push('  rows       capacity   conflicts    check ms    level ms   level/check   resolved   shifted   moved   left   re-checking planner');
  for (const rows of sizes) {
    for (const capacity of [false, true]) {
      options.log(`levelling ${rows} rows${capacity ? ' with capacity' : ''}…`);
      const { snapshot } = generateWorkbook({ rows, seed: SEED, capacity });
      check(snapshot);
      const checked = timed(() => check(snapshot));
      const plan = timed(() => levelCalendar(checked.value, snapshot));
      let naive = '';
      if (naiveSizes.includes(rows)) {
        const run = timed(() => recheckingPlanner(snapshot));
        naive = `${run.ms.toFixed(0)} ms for ${run.value.edits} edits (${(run.ms / plan.ms).toFixed(0)}x levelCalendar)`;
      }
      const t = plan.value.totals;
      lines.push(`  ${rows.toLocaleString('en-US').padEnd(10)} ${(capacity ? 'yes' : 'no').padEnd(10)} ${String(t.conflicts).padStart(9)} ${checked.ms.toFixed(0).padStart(11)} ${plan.ms.toFixed(0).padStart(11)} ${(plan.ms / checked.ms).toFixed(1).padStart(12)}x ${String(t.resolved).padStart(10)} ${String(t.bookingsShifted).padStart(9)} ${String(t.bookingsMoved).padStart(7)} ${String(t.left).padStart(6)}   ${naive}`);
    }
  }
  lines.push('', 'Goals (reported, never enforced): a plan for 100,000 rows in under 2 s and within 10x a check of the same workbook.');
  return lines;
}

/** The CLI end to end on an .xlsx file, as a user runs it: check and --write, then --level --write (read, plan, write the levelled copy, check it again). */
export async function runCliLevelBench(options: { quick: boolean; log: (message: string) => void }): Promise<string[]> {
  const rows = options.quick ? 10_000 : 100_000;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'capacity-level-bench-'));
  try {
    const input = path.join(dir, 'bench.xlsx');
    options.log(`writing a ${rows}-row workbook…`);
    await writeBenchWorkbook(rows, input);
    const quiet = { write: () => true, isTTY: false };
    const cli = async (args: string[]) => {
      const start = process.hrtime.bigint();
      const code = await runCapacityCheck([input, '--json', ...args], { stdout: quiet, stderr: quiet });
      return { code, ms: Number(process.hrtime.bigint() - start) / 1e6 };
    };
    options.log('capacity-check --write…');
    const painted = await cli(['--write', path.join(dir, 'annotated.xlsx')]);
    options.log('capacity-check --level --write…');
    const levelled = await cli(['--level', '--write', path.join(dir, 'levelled.xlsx')]);
    return [
      '', `The CLI end to end on ${rows.toLocaleString('en-US')} rows (.xlsx written by ExcelJS, ${((await fs.stat(input)).size / 2 ** 20).toFixed(1)} MiB):`,
      `  --write            ${painted.ms.toFixed(0).padStart(7)} ms (exit ${painted.code})`,
      `  --level --write    ${levelled.ms.toFixed(0).padStart(7)} ms (exit ${levelled.code}): read, plan, write the levelled copy and its log, check it again, paint`,
    ];
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
