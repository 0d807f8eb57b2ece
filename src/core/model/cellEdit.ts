import { CellValue } from './snapshot';

/** One cell a resolution changes, with the value it had when the lead chose the resolution. */
export interface CellEdit {
  readonly sheet: string;
  /** A1 address of one cell. */
  readonly address: string;
  readonly before: CellValue;
  readonly after: CellValue;
}

/** The edits that take a resolution back: each cell returns to its value before. */
export function invertEdits(edits: readonly CellEdit[]): CellEdit[] {
  return edits.map((edit) => ({ sheet: edit.sheet, address: edit.address, before: edit.after, after: edit.before }));
}
