import { CellEdit } from '../model/cellEdit';

/** A cell a resolution would write that holds a formula, as Excel reports it (`=I12+13`). */
export interface FormulaCell {
  readonly sheet: string;
  readonly address: string;
  readonly formula: string;
}

export type EditsAroundFormulas = { readonly ok: true; readonly edits: CellEdit[] } | { readonly ok: false; readonly cell: FormulaCell };

// `=I12`, `=I12+13`, `=$I$12-2`, `=13+I12`: a cell of the same sheet plus or minus a number.
const OFFSET_OF_CELL = /^=\s*\$?([A-Z]{1,3})\$?(\d+)\s*(?:([+-])\s*(\d+(?:\.\d+)?))?\s*$/i;
const NUMBER_PLUS_CELL = /^=\s*(\d+(?:\.\d+)?)\s*\+\s*\$?([A-Z]{1,3})\$?(\d+)\s*$/i;

/** The cell a formula adds a constant to, and the constant; undefined for any other formula. */
function offsetFormula(formula: string): { address: string; offset: number } | undefined {
  const offset = OFFSET_OF_CELL.exec(formula);
  if (offset !== null) return { address: `${offset[1].toUpperCase()}${offset[2]}`, offset: offset[3] === undefined ? 0 : Number(offset[4]) * (offset[3] === '-' ? -1 : 1) };
  const plus = NUMBER_PLUS_CELL.exec(formula);
  if (plus !== null) return { address: `${plus[2].toUpperCase()}${plus[3]}`, offset: Number(plus[1]) };
  return undefined;
}

/**
 * The edits to write when some of their cells hold formulas, for a resolution never overwrites a formula
 * with a constant. A formula that adds a constant to another cell the resolution edits (an End of
 * `=I12+13` beside its Start) follows that cell, so its own edit is dropped when the formula then gives
 * the planned value. Any other formula refuses the whole change, naming its cell.
 * @example editsAroundFormulas([start 46090→46104, end 46103→46117], [{ address: 'J12', formula: '=I12+13' }]) // only the Start edit
 */
export function editsAroundFormulas(edits: readonly CellEdit[], formulas: readonly FormulaCell[]): EditsAroundFormulas {
  const dropped = new Set<CellEdit>();
  for (const cell of formulas) {
    const edit = edits.find((candidate) => candidate.sheet === cell.sheet && candidate.address === cell.address);
    if (edit === undefined) continue;
    const derived = offsetFormula(cell.formula);
    const input = derived === undefined ? undefined : edits.find((candidate) => candidate.sheet === cell.sheet && candidate.address === derived.address && candidate !== edit);
    const follows = derived !== undefined && input !== undefined && typeof input.after === 'number' && typeof edit.after === 'number' && input.after + derived.offset === edit.after;
    if (!follows || formulas.some((other) => other.sheet === cell.sheet && other.address === input?.address)) return { ok: false, cell };
    dropped.add(edit);
  }
  return { ok: true, edits: edits.filter((edit) => !dropped.has(edit)) };
}
