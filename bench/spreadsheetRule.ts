/**
 * The spreadsheet way: the conditional-formatting rule planners put on every row,
 *
 *   =SUMPRODUCT(($E$2:$E$N=E2)*($F$2:$F$N=F2)*($G$2:$G$N=G2)*($I2<=$J$2:$J$N)*($J2>=$I$2:$I$N)*($L$2:$L$N=L2))>1
 *
 * (provider, region, silicon, start, end of the generated sheet, plus Block because a pool includes its
 * block), evaluated by HyperFormula, a real headless spreadsheet engine. The rule counts the rows of the
 * same pool whose inclusive dates overlap this row's, itself included, so "> 1" means double-booked.
 *
 * So that it flags exactly what docs/DOMAIN.md means, the sheet it runs on is the workbook as a careful
 * planner would prepare it for the rule: only active rows (cancelled and released rows, and rows whose
 * dates or pool are unusable, filtered out) and names typed one way (each part as the engine matches it).
 */
import { HyperFormula } from 'hyperformula';
import { ALLOCATION_HEADER, COLUMN, TruthRow } from './generateWorkbook';

/** 1900 date system: serial 25569 is 1970-01-01. */
const SERIAL_OF_DAY_ZERO = 25_569;
const RULE_COLUMN = ALLOCATION_HEADER.length;

export interface RuleResult {
  /** Sheet rows (of the original workbook) the rule flags, ascending. */
  readonly flaggedRows: number[];
  /** Rows the rule ran on (the active ones). */
  readonly ruleRows: number;
  /** Building the engine from the sheet, which evaluates every formula, and reading the flags back. */
  readonly ms: number;
}

/** The rule for one sheet row, over data rows 2..`lastRow`; columns as in `ALLOCATION_HEADER`. */
export function doubleBookingRule(row: number, lastRow: number): string {
  const range = (column: string): string => `$${column}$2:$${column}$${lastRow}`;
  return (
    `=SUMPRODUCT((${range('E')}=E${row})*(${range('F')}=F${row})*(${range('G')}=G${row})` +
    `*($I${row}<=${range('J')})*($J${row}>=${range('I')})*(${range('L')}=L${row}))>1`
  );
}

/** The sheet the rule runs on: active rows, names as matched, dates as serials, the rule in the last column. */
export function ruleSheet(truth: readonly TruthRow[]): { cells: Array<Array<string | number | null>>; sheetRows: number[] } {
  const active = truth.filter((row) => row.active && row.poolParts !== null && row.start !== null && row.end !== null);
  const lastRow = active.length + 1;
  const cells: Array<Array<string | number | null>> = [[...ALLOCATION_HEADER, 'Double-booked']];
  active.forEach((booking, index) => {
    const [provider, region, silicon, block] = booking.poolParts as readonly [string, string, string, string];
    const row: Array<string | number | null> = new Array(RULE_COLUMN + 1).fill(null);
    row[COLUMN.id] = booking.sheetRow;
    row[COLUMN.provider] = provider;
    row[COLUMN.region] = region;
    row[COLUMN.silicon] = silicon;
    row[COLUMN.start] = (booking.start as number) + SERIAL_OF_DAY_ZERO;
    row[COLUMN.end] = (booking.end as number) + SERIAL_OF_DAY_ZERO;
    row[COLUMN.status] = 'confirmed';
    row[COLUMN.block] = block === '' ? null : block;
    row[RULE_COLUMN] = doubleBookingRule(index + 2, lastRow);
    cells.push(row);
  });
  return { cells, sheetRows: active.map((booking) => booking.sheetRow) };
}

/**
 * Evaluates the rule on every active row with HyperFormula and returns the rows it flags.
 * Array arithmetic is switched on so that `range = value` inside SUMPRODUCT compares element-wise, as
 * Excel does; without it HyperFormula compares one cell and flags nothing.
 */
export function runSpreadsheetRule(truth: readonly TruthRow[]): RuleResult {
  const { cells, sheetRows } = ruleSheet(truth);
  const started = performance.now();
  const engine = HyperFormula.buildFromSheets({ Bookings: cells }, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const values = engine.getSheetValues(0);
  const flaggedRows = sheetRows.filter((_, index) => values[index + 1]?.[RULE_COLUMN] === true);
  const ms = performance.now() - started;
  engine.destroy();
  return { flaggedRows: flaggedRows.sort((a, b) => a - b), ruleRows: sheetRows.length, ms };
}
