import { cellText, FillMemory, memoryKey, serializeFillMemory, SnapshotRow, STATE_COLUMNS } from '../core';

/** The state sheet's rows as read: rows[0] is row 1. */
export type StateRows = readonly SnapshotRow[];

export interface StateLayout {
  /** Every row of the state sheet after the write, blank rows as ''. */
  readonly rows: string[][];
  /** Runs of consecutive rows that change, each written as one block. */
  readonly runs: ReadonlyArray<{ readonly row: number; readonly values: string[][] }>;
}

const BLANK: readonly string[] = new Array<string>(STATE_COLUMNS).fill('');
const FILL_KIND = 'fill';

/**
 * The state sheet's rows for a memory, each remembered cell kept on the row it already has, so a check
 * or a resolution that changes a few cells rewrites a few rows, not the whole sheet: rows of cells no
 * longer remembered are blanked and reused, new cells go into blank rows, then below. The core reads
 * the rows in any order and skips blank ones. With `rewrite`, every row is written (after a failed
 * paint, when what the sheet holds is not known).
 */
export function layoutState(previous: StateRows, memory: FillMemory, rewrite = false): StateLayout {
  const wanted = new Map(serializeFillMemory(memory).map((row) => [memoryKey(row[1], row[2]), row]));
  const current = previous.map((row) => BLANK.map((_, column) => cellText(row?.[column])));
  const rows: string[][] = [];
  const placed = new Set<string>();
  const free: number[] = [];
  current.forEach((row, index) => {
    const key = row[0] === FILL_KIND ? memoryKey(row[1], row[2]) : undefined;
    const entry = key === undefined || placed.has(key) ? undefined : wanted.get(key);
    if (entry !== undefined && key !== undefined) {
      rows[index] = entry;
      placed.add(key);
    } else {
      rows[index] = [...BLANK];
      free.push(index);
    }
  });
  for (const [key, entry] of wanted) if (!placed.has(key)) rows[free.shift() ?? rows.length] = entry;
  const changed = rows.map((row, index) => rewrite || current[index] === undefined || row.some((cell, column) => cell !== current[index][column]));
  return { rows, runs: runsOf(rows, changed) };
}

function runsOf(rows: string[][], changed: readonly boolean[]): StateLayout['runs'] {
  const runs: Array<{ row: number; values: string[][] }> = [];
  changed.forEach((isChanged, index) => {
    if (!isChanged) return;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.row + last.values.length === index) last.values.push(rows[index]);
    else runs.push({ row: index, values: [rows[index]] });
  });
  return runs;
}
