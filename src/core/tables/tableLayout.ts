import { normalizeHeader } from '../catalog/normalizeName';
import { cellText, CellValue, SheetSnapshot } from '../model/snapshot';

export const BOOKING_FIELDS = [
  'id', 'lab', 'team', 'workload', 'provider', 'region', 'silicon', 'chips', 'start', 'end', 'tflops', 'block',
  'status', 'priority', 'owner', 'notes',
] as const;
export type BookingField = (typeof BOOKING_FIELDS)[number];

/** How each column is named in the tables people keep; compared after `normalizeHeader`. */
export const FIELD_SYNONYMS: Readonly<Record<BookingField, readonly string[]>> = {
  id: ['ID', 'Booking ID', 'Reservation ID', 'Ref', 'Reference', 'Booking ref', 'Booking'],
  lab: ['Lab', 'Organization', 'Organisation', 'Org', 'Company'],
  team: ['Team', 'Group', 'Project'],
  workload: ['Workload', 'Run type', 'Purpose', 'Job type', 'Use'],
  provider: ['Provider', 'Cloud', 'Cloud provider', 'CSP'],
  region: ['Region', 'Location', 'Zone', 'Site', 'Data center', 'Datacentre', 'Availability zone', 'AZ'],
  silicon: ['Silicon', 'Chip', 'Accelerator', 'Hardware', 'Chip type', 'Accelerator type', 'GPU', 'GPU type', 'Silicon type'],
  chips: ['Chips', 'Chip count', 'Count', 'Accelerators', '# chips', 'Num chips', 'No of chips', 'Number of chips', 'Quantity', 'Qty', 'GPUs', 'GPU count', 'Accelerator count'],
  start: ['Start', 'Start date', 'From', 'Begin', 'Begins', 'Start day', 'From date', 'Starts'],
  end: ['End', 'End date', 'To', 'Until', 'Finish', 'Through', 'Ends', 'End day', 'To date', 'Finish date'],
  tflops: ['TFLOPS', 'Teraflops', 'TFLOP/s', 'Peak TFLOPS', 'Total TFLOPS', 'BF16 TFLOPS'],
  block: ['Block', 'Block ID', 'Cluster', 'Capacity block', 'Reservation block'],
  status: ['Status', 'State', 'Booking status'],
  priority: ['Priority', 'Prio'],
  owner: ['Owner', 'Contact', 'Requester', 'Requested by', 'Booked by'],
  notes: ['Notes', 'Comments', 'Note', 'Comment', 'Remarks'],
};

/** How reports name each column when the sheet does not have it. */
export const FIELD_LABELS: Readonly<Record<BookingField, string>> = {
  id: 'ID', lab: 'Lab', team: 'Team', workload: 'Workload', provider: 'Provider', region: 'Region', silicon: 'Silicon',
  chips: 'Chips', start: 'Start', end: 'End', tflops: 'TFLOPS', block: 'Block', status: 'Status', priority: 'Priority',
  owner: 'Owner', notes: 'Notes',
};

export const ALLOCATION_REQUIRED: readonly BookingField[] = ['provider', 'region', 'silicon', 'start', 'end'];
export const CAPACITY_REQUIRED: readonly BookingField[] = ['provider', 'region', 'silicon', 'chips', 'start', 'end'];
/** Columns that describe who booked what: a capacity table has none of them. */
const BOOKING_ONLY: readonly BookingField[] = ['team', 'workload', 'status'];

/** Rows scanned for a header, so a title or a note may sit above the table. */
export const HEADER_SEARCH_ROWS = 20;

const FIELD_BY_HEADER: ReadonlyMap<string, BookingField> = new Map(
  BOOKING_FIELDS.flatMap((field) => FIELD_SYNONYMS[field].map((name) => [normalizeHeader(name), field] as [string, BookingField])),
);

export interface ColumnRef {
  readonly index: number;
  /** The header as the sheet spells it. */
  readonly header: string;
}

/** Where a table sits: its sheet, header row and the column of each field it has. */
export interface TableLayout {
  readonly sheetName: string;
  /** 1-based sheet row of the header. */
  readonly headerRow: number;
  readonly columns: Partial<Record<BookingField, ColumnRef>>;
  /** Later columns whose header repeats an earlier one's field; the first is used. */
  readonly duplicateColumns: ReadonlyArray<{ field: BookingField; column: ColumnRef }>;
}

/** The field a header cell names, if any ("Start date (UTC)" → start). */
export function fieldOfHeader(value: CellValue | undefined): BookingField | undefined {
  const text = cellText(value);
  if (text === '') return undefined;
  return FIELD_BY_HEADER.get(normalizeHeader(text)) ?? FIELD_BY_HEADER.get(normalizeHeader(text.replace(/\([^)]*\)/g, '')));
}

function layoutOfRow(sheet: SheetSnapshot, rowIndex: number): TableLayout {
  const columns: Partial<Record<BookingField, ColumnRef>> = {};
  const duplicateColumns: Array<{ field: BookingField; column: ColumnRef }> = [];
  (sheet.rows[rowIndex] ?? []).forEach((value, index) => {
    const field = fieldOfHeader(value);
    if (field === undefined) return;
    const column = { index, header: cellText(value) };
    if (columns[field] === undefined) columns[field] = column;
    else duplicateColumns.push({ field, column });
  });
  return { sheetName: sheet.name, headerRow: rowIndex + 1, columns, duplicateColumns };
}

function countPresent(layout: TableLayout, fields: readonly BookingField[]): number {
  return fields.filter((field) => layout.columns[field] !== undefined).length;
}

/** The first row within the search window that names every one of `fields`. */
export function findHeader(sheet: SheetSnapshot, fields: readonly BookingField[]): TableLayout | undefined {
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const layout = layoutOfRow(sheet, rowIndex);
    if (countPresent(layout, fields) === fields.length) return layout;
  }
  return undefined;
}

/** The row naming most of `fields` (at least `minimum`), for reporting which columns are missing. */
export function findPartialHeader(sheet: SheetSnapshot, fields: readonly BookingField[], minimum: number): TableLayout | undefined {
  let best: TableLayout | undefined;
  const limit = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  for (let rowIndex = 0; rowIndex < limit; rowIndex++) {
    const layout = layoutOfRow(sheet, rowIndex);
    const present = countPresent(layout, fields);
    if (present >= minimum && (best === undefined || present > countPresent(best, fields))) best = layout;
  }
  return best;
}

export function isCapacityLayout(layout: TableLayout): boolean {
  return countPresent(layout, CAPACITY_REQUIRED) === CAPACITY_REQUIRED.length && countPresent(layout, BOOKING_ONLY) === 0;
}
