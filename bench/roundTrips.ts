/**
 * Excel round trips of the add-in, counted on Microsoft's Office.js client library against the simulated
 * Excel host: requests (the library's clean-up request of each Excel.run included) and the largest request
 * and answer in bytes of their JSON, for a check, a resolution and a live re-check.
 */
import { CellValue, sheetCellAddress, suggestionsFor, WorkbookSnapshot } from '../src/core';
import { CheckSession } from '../src/excel/checkSession';
import { ExcelSimulator } from '../src/simulator';
import { loadOfficeJs } from '../src/simulator/loadOfficeJs';
import type { BenchContext } from './benchTypes';
import { generateWorkbook } from './generateWorkbook';

export interface RoundTripCase {
  readonly name: string;
  readonly rows: number;
  readonly conflictCells: number;
  readonly check: number;
  readonly resolution: number;
  readonly liveRecheck: number;
  readonly largestRequestBytes: number;
  readonly largestResponseBytes: number;
}

export interface SyncsResult {
  readonly cases: RoundTripCase[];
}

/** 5 MB as Excel on the web counts it. */
export const PAYLOAD_LIMIT_BYTES = 5_000_000;
const NOTES_CHARACTERS = 200;
const HEADER = ['ID', 'Lab', 'Team', 'Workload', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status', 'Notes'];

/**
 * The heaviest case the goals name: 100,000 rows, 20,000 of them in conflicts (pairs double-booking one
 * pool on days of their own), every row with a 200-character note.
 */
export function heavyWorkbook(rows = 100_000, conflictRows = 20_000): WorkbookSnapshot {
  const firstDay = 46_023;
  const note = (i: number) => `row ${i} `.padEnd(NOTES_CHARACTERS, 'abcdefghij');
  const body = Array.from({ length: rows }, (_, i): CellValue[] => {
    const pair = Math.floor(i / 2);
    return i < conflictRows
      ? [`R-${i}`, 'Lab A', `team-${i}`, 'research', 'AWS', 'us-east-1', 'H100', 8, firstDay + 2 * pair, firstDay + 2 * pair, 'confirmed', note(i)]
      : [`R-${i}`, 'Lab B', `team-${i}`, 'research', 'Self-built', `dc-${i}`, 'H100', 8, firstDay, firstDay + 30, 'confirmed', note(i)];
  });
  return { sheets: [{ name: 'Bookings', rows: [HEADER, ...body] }], date1904: false };
}

/** Lets the debounce fire and every run it started finish, the clean-up requests included. */
async function settle(sim: ExcelSimulator, session: CheckSession): Promise<void> {
  for (let round = 0; round < 3; round++) {
    await sim.idle(10_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    while (session.getState().busy !== null) await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A check, one resolution and one live re-check of a workbook, each counted from a fresh count. */
export async function measureCase(name: string, snapshot: WorkbookSnapshot): Promise<RoundTripCase> {
  const sim = new ExcelSimulator({ sheets: snapshot.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...(row ?? [])]) })) }).install(globalThis);
  const largest = { request: 0, response: 0 };
  const counted = async (step: () => Promise<void>, session: CheckSession): Promise<number> => {
    sim.resetStats();
    await step();
    await settle(sim, session);
    largest.request = Math.max(largest.request, sim.stats.largestRequestBytes);
    largest.response = Math.max(largest.response, sim.stats.largestResponseBytes);
    return sim.stats.requests;
  };
  try {
    const session = new CheckSession({ debounceMs: 5 });
    const check = await counted(() => session.check(), session);
    const checked = session.getState().checked;
    if (checked === null) throw new Error(`the check found no table: ${session.getState().problem ?? session.getState().notice?.text}`);
    const { report } = checked;
    const conflict = report.conflicts.find((candidate) => suggestionsFor(report, candidate).shifts.length > 0);
    if (conflict === undefined) throw new Error('no conflict of the workbook can be shifted');
    const resolution = await counted(() => session.apply(suggestionsFor(report, conflict).shifts[0]), session);
    if (session.getState().notice?.kind !== 'info') throw new Error(`the resolution was not applied: ${session.getState().notice?.text}`);
    await session.startLiveChecking();
    // The edit that costs a live re-check most: a booking in a conflict cancelled, so its cells are read and given back.
    const after = session.getState().checked?.report ?? report;
    const status = after.allocation.columns.status?.index;
    const cancelled = after.conflicts.find((candidate) => !candidate.accepted)?.rows[0];
    if (status === undefined || cancelled === undefined) throw new Error('no conflict left to end by a live edit');
    const liveRecheck = await counted(async () => sim.userEdit(after.allocation.sheetName, sheetCellAddress(cancelled, status), 'cancelled'), session);
    await session.stopLiveChecking();
    const conflictCells = checked.paint.painted;
    return { name, rows: report.bookings.length, conflictCells, check, resolution, liveRecheck, largestRequestBytes: largest.request, largestResponseBytes: largest.response };
  } finally {
    sim.uninstall();
  }
}

/** Generated workbooks of 1,000, 10,000 and 100,000 rows, and the heavy one (the quick run stops at 10,000 and a heavy one of 20,000 rows). */
export async function measureSyncs(context: BenchContext): Promise<SyncsResult | null> {
  loadOfficeJs();
  const cases: RoundTripCase[] = [];
  for (const rows of context.quick ? [1_000, 10_000] : [1_000, 10_000, 100_000]) {
    context.log(`round trips at ${rows.toLocaleString('en-US')} rows…`);
    cases.push(await measureCase(`${rows.toLocaleString('en-US')} rows`, generateWorkbook({ rows, seed: context.seed, capacity: false }).snapshot));
  }
  const [rows, conflictRows] = context.quick ? [20_000, 4_000] : [100_000, 20_000];
  context.log(`round trips at ${rows.toLocaleString('en-US')} rows with ${conflictRows.toLocaleString('en-US')} conflict rows and ${NOTES_CHARACTERS}-character notes…`);
  cases.push(await measureCase(`${rows.toLocaleString('en-US')} rows, ${conflictRows.toLocaleString('en-US')} in conflicts, ${NOTES_CHARACTERS}-character notes`, heavyWorkbook(rows, conflictRows)));
  return { cases };
}
