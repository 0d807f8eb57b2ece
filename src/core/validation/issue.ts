import { sheetCellAddress } from '../model/address';
import { BookingField, FIELD_LABELS, TableLayout } from '../tables/tableLayout';

export type Severity = 'error' | 'warning';

/** Every validation code and its severity: the contract shared by the add-in and the CLI. */
export const ISSUE_SEVERITY = {
  'missing-column': 'error',
  'missing-value': 'error',
  'unknown-provider': 'error',
  'unknown-region': 'error',
  'unknown-silicon': 'error',
  'silicon-not-offered': 'error',
  'silicon-not-in-region': 'warning',
  'invalid-date': 'error',
  'end-before-start': 'error',
  'invalid-chips': 'error',
  'tflops-mismatch': 'warning',
  'duplicate-id': 'error',
  unreserved: 'warning',
  'exceeds-capacity': 'error',
  'foreign-capacity': 'warning',
  'duplicate-column': 'warning',
  'invalid-catalog-row': 'error',
} as const satisfies Record<string, Severity>;

export type IssueCode = keyof typeof ISSUE_SEVERITY;

/** One problem in the workbook, pinned to the cell a user should look at. */
export interface Issue {
  readonly sheet: string;
  /** Sheet row number as a user sees it. */
  readonly row: number;
  /** The column's header as the sheet spells it (or its usual name when the column is missing). */
  readonly column: string;
  /** A1 address, or null for table-level issues such as a missing column. */
  readonly cell: string | null;
  readonly severity: Severity;
  readonly code: IssueCode;
  readonly message: string;
  /** Replacement text that would fix the cell, when one is known. */
  readonly suggestion?: string;
  /** Values that would each fix the cell when it could mean several (an ambiguous date's readings): the user picks one. */
  readonly alternatives?: readonly string[];
}

/** An issue on a cell of a table; the column comes from the table's layout. */
export function cellIssue(
  layout: TableLayout,
  sheetRow: number,
  field: BookingField,
  code: IssueCode,
  message: string,
  suggestion?: string,
  alternatives?: readonly string[],
): Issue {
  const column = layout.columns[field];
  return {
    sheet: layout.sheetName,
    row: sheetRow,
    column: column?.header ?? FIELD_LABELS[field],
    cell: column === undefined ? null : sheetCellAddress(sheetRow, column.index),
    severity: ISSUE_SEVERITY[code],
    code,
    message,
    ...(suggestion === undefined ? {} : { suggestion }),
    ...(alternatives === undefined ? {} : { alternatives }),
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1 };

/** Sheet order, then row, then column, errors before warnings. */
export function compareIssues(sheetOrder: (sheet: string) => number) {
  return (a: Issue, b: Issue): number =>
    sheetOrder(a.sheet) - sheetOrder(b.sheet) ||
    a.row - b.row ||
    (a.cell === null ? -1 : 0) - (b.cell === null ? -1 : 0) ||
    (a.cell ?? '').length - (b.cell ?? '').length ||
    (a.cell ?? '').localeCompare(b.cell ?? '') ||
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}
