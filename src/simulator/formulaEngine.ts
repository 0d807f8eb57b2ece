import { columnIndex } from '../core';

/** A value a formula can produce or read. */
export type FormulaValue = number | string | boolean | '' | { readonly error: string };

/** Reads a cell for a formula: the sheet named before "!", or the formula's own sheet when undefined. */
export type CellReader = (sheetName: string | undefined, row: number, column: number) => FormulaValue;

// A reference: optional sheet ('Quoted name'! or Name!), then $COL$ROW.
const REFERENCE = /^(?:'((?:[^']|'')+)'!|([A-Za-z_][\w.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![\w(!])/;
const NUMBER = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const VALUE_ERROR = { error: '#VALUE!' } as const;
const DIV0_ERROR = { error: '#DIV/0!' } as const;

/**
 * Evaluates the small arithmetic Excel formulas that capacity sheets derive cells with: numbers, text in
 * quotes, TRUE/FALSE, references (A1, $B$2, Sheet!C3), + - * / & and parentheses. Anything else, such as
 * a function call, is undefined: the host then keeps the cached result, or shows #NAME?.
 */
export function evaluateFormula(formula: string, read: CellReader): FormulaValue | undefined {
  const parser = new Parser(formula.replace(/^=/, ''), read);
  try {
    const value = parser.expression();
    return parser.atEnd() ? value : undefined;
  } catch (error) {
    if (error instanceof CannotEvaluate) return undefined;
    throw error;
  }
}

/** The cells a formula reads, as [sheet or undefined, row, column]. */
export function formulaReferences(formula: string): Array<{ sheetName?: string; row: number; column: number }> {
  const references: Array<{ sheetName?: string; row: number; column: number }> = [];
  forEachReference(formula, (match) => references.push(match));
  return references;
}

/** The formula as Excel writes it one row further down: relative row references move, $-anchored ones stay. */
export function shiftFormulaRows(formula: string, rows: number): string {
  let out = '';
  let at = 0;
  forEachReference(formula, (reference, start, end, text) => {
    out += formula.slice(at, start) + (reference.absoluteRow ? text : text.replace(/\d+$/, String(reference.row + 1 + rows)));
    at = end;
  });
  return out + formula.slice(at);
}

/** The formula after `count` rows were inserted at `atRow` (0-based) of its own sheet: references at or below move down, anchored or not. */
export function insertRowsInFormula(formula: string, atRow: number, count: number): string {
  let out = '';
  let at = 0;
  forEachReference(formula, (reference, start, end, text) => {
    const moves = reference.sheetName === undefined && reference.row >= atRow;
    out += formula.slice(at, start) + (moves ? text.replace(/\d+$/, String(reference.row + 1 + count)) : text);
    at = end;
  });
  return out + formula.slice(at);
}

interface FoundReference {
  readonly sheetName?: string;
  readonly row: number;
  readonly column: number;
  readonly absoluteRow: boolean;
}

function forEachReference(formula: string, visit: (reference: FoundReference, start: number, end: number, text: string) => void): void {
  let inString = false;
  for (let i = 0; i < formula.length; i++) {
    if (formula[i] === '"') inString = !inString;
    if (inString || (i > 0 && /[\w$]/.test(formula[i - 1]))) continue;
    const match = REFERENCE.exec(formula.slice(i));
    if (match === null) continue;
    const sheetName = match[1]?.replace(/''/g, "'") ?? match[2];
    const column = columnIndex(match[4].toUpperCase());
    if (column !== undefined) visit({ sheetName, row: Number(match[6]) - 1, column, absoluteRow: match[5] === '$' }, i, i + match[0].length, match[0]);
    i += match[0].length - 1;
  }
}

class CannotEvaluate extends Error {}

class Parser {
  private at = 0;

  constructor(private readonly text: string, private readonly read: CellReader) {}

  atEnd(): boolean {
    this.skipSpaces();
    return this.at >= this.text.length;
  }

  expression(): FormulaValue {
    let left = this.term();
    for (;;) {
      this.skipSpaces();
      const operator = this.text[this.at];
      if (operator !== '+' && operator !== '-' && operator !== '&') return left;
      this.at++;
      const right = this.term();
      left = operator === '&' ? concatenate(left, right) : arithmetic(left, right, operator);
    }
  }

  private term(): FormulaValue {
    let left = this.factor();
    for (;;) {
      this.skipSpaces();
      const operator = this.text[this.at];
      if (operator !== '*' && operator !== '/') return left;
      this.at++;
      left = arithmetic(left, this.factor(), operator);
    }
  }

  private factor(): FormulaValue {
    this.skipSpaces();
    const rest = this.text.slice(this.at);
    if (rest[0] === '-' || rest[0] === '+') {
      this.at++;
      const value = this.factor();
      return rest[0] === '-' ? arithmetic(0, value, '-') : arithmetic(0, value, '+');
    }
    if (rest[0] === '(') {
      this.at++;
      const value = this.expression();
      this.skipSpaces();
      if (this.text[this.at] !== ')') throw new CannotEvaluate();
      this.at++;
      return value;
    }
    if (rest[0] === '"') {
      const end = rest.indexOf('"', 1);
      if (end < 0) throw new CannotEvaluate();
      this.at += end + 1;
      return rest.slice(1, end);
    }
    const bool = /^(TRUE|FALSE)(?![\w(])/i.exec(rest);
    if (bool !== null) {
      this.at += bool[0].length;
      return bool[0].toUpperCase() === 'TRUE';
    }
    const reference = REFERENCE.exec(rest);
    if (reference !== null) {
      const column = columnIndex(reference[4].toUpperCase());
      if (column === undefined) throw new CannotEvaluate();
      this.at += reference[0].length;
      return this.read(reference[1]?.replace(/''/g, "'") ?? reference[2], Number(reference[6]) - 1, column);
    }
    const number = NUMBER.exec(rest);
    if (number !== null) {
      this.at += number[0].length;
      return Number(number[0]);
    }
    throw new CannotEvaluate();
  }

  private skipSpaces(): void {
    while (this.text[this.at] === ' ') this.at++;
  }
}

function toNumber(value: FormulaValue): number | { error: string } {
  if (typeof value === 'object') return value;
  if (value === '') return 0;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return value;
  const number = Number(value.trim());
  return value.trim() !== '' && Number.isFinite(number) ? number : VALUE_ERROR;
}

function arithmetic(left: FormulaValue, right: FormulaValue, operator: string): FormulaValue {
  const a = toNumber(left);
  const b = toNumber(right);
  if (typeof a === 'object') return a;
  if (typeof b === 'object') return b;
  if (operator === '+') return a + b;
  if (operator === '-') return a - b;
  if (operator === '*') return a * b;
  return b === 0 ? DIV0_ERROR : a / b;
}

function concatenate(left: FormulaValue, right: FormulaValue): FormulaValue {
  if (typeof left === 'object') return left;
  if (typeof right === 'object') return right;
  const text = (value: string | number | boolean) => (typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value));
  return text(left) + text(right);
}

