import { FillMemory, formatRangeAddress, STATE_COLUMNS, STATE_SHEET } from '../core';
import { layoutState, StateRows } from './stateLayout';

/**
 * Bytes of state rows per request: the rows' JSON plus what Office.js wraps a big `values` write in
 * (it splits writes of more than 1,500 cells into several actions, about 4% more) stays well under
 * Excel on the web's 5 MB, with room for the paint that rides in the same request.
 */
export const STATE_BYTES_PER_REQUEST = 3_500_000;

/** The state sheet if it is there (isNullObject after the next sync). */
export function findStateSheet(context: Excel.RequestContext): Excel.Worksheet {
  return context.workbook.worksheets.getItemOrNullObject(STATE_SHEET);
}

/**
 * Adds the very hidden state sheet. Two co-authors adding it at once: the second add fails with
 * ItemAlreadyExists, which the session answers by checking again. Making a sheet very hidden cannot
 * be undone on Windows and Mac, and clears the user's undo stack there, once per workbook.
 */
export function addStateSheet(context: Excel.RequestContext): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(STATE_SHEET);
  sheet.visibility = 'VeryHidden';
  // Its id tells the add-in's own later writes there from a co-author's.
  return sheet.load('id');
}

export interface StateWrite {
  /** The sheet when this write added it (its id loaded by the caller's sync). */
  readonly added?: Excel.Worksheet;
  /** What the state sheet holds once the write is synced. */
  readonly rows: string[][];
}

/**
 * Writes the memory into the state sheet, only the rows that change (see layoutState), in blocks of about
 * STATE_BYTES_PER_REQUEST bytes: every block but the last goes out in a sync of its own; the last rides
 * in the caller's sync. Each cell is written with a leading apostrophe, so that Excel keeps it as the
 * text it is (a sheet named "3-4" is not a date).
 */
export async function writeState(
  context: Excel.RequestContext,
  memory: FillMemory,
  previous: { readonly stateSheetExists: boolean; readonly stateRows: StateRows },
  options: { readonly sheet?: Excel.Worksheet; readonly rewrite?: boolean; readonly reserveBytes?: number } = {},
): Promise<StateWrite> {
  // Room for what rides with the last block, such as the paint.
  const budget = Math.max(STATE_BYTES_PER_REQUEST / 4, STATE_BYTES_PER_REQUEST - (options.reserveBytes ?? 0));
  const layout = layoutState(previous.stateSheetExists ? previous.stateRows : [], memory, options.rewrite);
  if (layout.runs.length === 0) return { added: options.sheet, rows: layout.rows };
  const added = options.sheet ?? (previous.stateSheetExists ? undefined : addStateSheet(context));
  const worksheet = added ?? context.workbook.worksheets.getItem(STATE_SHEET);
  let bytes = 0;
  for (const run of layout.runs) {
    for (let start = 0; start < run.values.length; ) {
      let end = start;
      while (end < run.values.length && (end === start || bytes < budget)) bytes += jsonBytes(run.values[end++]);
      const block = run.values.slice(start, end).map((row) => row.map((cell) => (cell === '' ? '' : `'${cell}`)));
      worksheet.getRange(formatRangeAddress({ row: run.row + start, column: 0, rowCount: block.length, columnCount: STATE_COLUMNS })).values = block;
      start = end;
      if (bytes >= budget) {
        await context.sync();
        bytes = 0;
      }
    }
  }
  return { added, rows: layout.rows };
}

/** UTF-8 bytes of a row's JSON as it travels, apostrophes included. */
function jsonBytes(row: readonly string[]): number {
  let bytes = 3;
  for (const text of row) bytes += text.length + 4 + (/[^\x20-\x7e]/.test(text) ? new TextEncoder().encode(text).length - text.length : 0);
  return bytes;
}
