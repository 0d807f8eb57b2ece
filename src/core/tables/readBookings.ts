import { Catalog } from '../catalog/catalog';
import { ProviderSpec, SiliconSpec } from '../catalog/catalogSchema';
import { NameLookup } from '../catalog/nameLookup';
import { normalizeHeader } from '../catalog/normalizeName';
import { Booking } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { cellIssue, Issue } from '../validation/issue';
import { issueMessages } from '../validation/issueMessages';
import { expectedTflops, readNumber, tflopsMatches } from '../validation/tflops';
import { DateProblem, parseDateCell } from './parseDateCell';
import { cellText, CellValue, isBlankCell, isCellError, SheetSnapshot } from '../model/snapshot';
import { ALLOCATION_REQUIRED, BOOKING_FIELDS, BookingField, FIELD_LABELS, TableLayout } from './tableLayout';

export interface ReadTableOptions {
  readonly catalog: Catalog;
  readonly date1904: boolean;
  /** Fields whose empty cells are `missing-value` errors. */
  readonly required: readonly BookingField[];
  /** Check TFLOPS against chips × peak (allocation tables only). */
  readonly checkTflops: boolean;
}

export interface ReadTableResult {
  readonly bookings: Booking[];
  readonly issues: Issue[];
}

const WHOLE_NUMBER_TEXT = /^\d{1,3}(,\d{3})+$|^\d+$/;

/**
 * Reads every non-blank row under a table's header into bookings, checking each cell against the
 * catalog. Name look-ups are cached per distinct text, since big sheets repeat a few names.
 */
export function readBookings(sheet: SheetSnapshot, layout: TableLayout, options: ReadTableOptions): ReadTableResult {
  const bookings: Booking[] = [];
  const issues: Issue[] = [];
  const columns = Object.fromEntries(
    BOOKING_FIELDS.map((field) => [field, { field, index: layout.columns[field]?.index ?? -1, required: options.required.includes(field) }]),
  ) as Record<BookingField, Column>;
  const knownColumns = BOOKING_FIELDS.map((field) => columns[field].index).filter((index) => index >= 0);
  const row = new RowReader(layout, issues);
  const names = new NameLookup(options.catalog);
  const poolColumns = ALLOCATION_REQUIRED.map((field) => columns[field].index);
  const end = layout.lastDataRow === undefined ? sheet.rows.length : Math.min(sheet.rows.length, layout.lastDataRow);
  for (let rowIndex = layout.headerRow; rowIndex < end; rowIndex++) {
    const cells = sheet.rows[rowIndex];
    if (cells == null || allBlank(cells, knownColumns)) continue;
    // An Excel table's totals row is outside its data; a plain range marks its totals with a label.
    if (layout.table === undefined && isTotalsLine(cells, poolColumns)) continue;
    row.moveTo(cells, rowIndex + 1);
    bookings.push(readRow(row, columns, names, options));
  }
  return { bookings, issues };
}

/** One row as a booking, its issues reported into the row reader. */
function readRow(row: RowReader, columns: Record<BookingField, Column>, names: NameLookup, options: ReadTableOptions): Booking {
  readNames(row, columns, names);
  const { provider, region, silicon } = row.names;
  const chips = readChipsCell(row, columns.chips);
  const start = readDateCell(row, columns.start, options.date1904);
  const end = readDateCell(row, columns.end, options.date1904);
  const datesValid = start !== null && end !== null && end >= start;
  if (start !== null && end !== null && end < start) row.report(columns.end, 'end-before-start', issueMessages.endBeforeStart(start, end));
  if (options.checkTflops) checkTflops(row, columns.tflops, chips, silicon);

  const providerText = row.textOf(columns.provider);
  const regionText = row.textOf(columns.region);
  const siliconText = row.textOf(columns.silicon);
  const blockText = row.textOf(columns.block);
  const status = row.textOf(columns.status);
  const pool = providerText !== '' && regionText !== '' && siliconText !== ''
    ? names.pool(provider?.name ?? providerText, region ?? regionText, silicon?.name ?? siliconText, blockText)
    : null;
  return {
    sheetRow: row.sheetRow,
    id: row.textOf(columns.id),
    lab: row.textOf(columns.lab),
    team: row.textOf(columns.team),
    workload: row.textOf(columns.workload),
    status,
    priority: row.textOf(columns.priority),
    owner: row.textOf(columns.owner),
    notes: row.textOf(columns.notes),
    booked: readDateCell(row, columns.booked, options.date1904),
    providerText,
    regionText,
    siliconText,
    blockText,
    pool,
    silicon,
    chips,
    start: datesValid ? start : null,
    endExclusive: datesValid ? (end as CalendarDay) + 1 : null,
    active: datesValid && pool !== null && !names.isInactive(status),
    catalogued: provider !== null && region !== null && silicon !== null,
  };
}

/** The row's provider, region and silicon as the catalog knows them, into `row.names`; each unknown or mismatched name reported. */
function readNames(row: RowReader, columns: Record<BookingField, Column>, names: NameLookup): void {
  let provider: ProviderSpec | null = null;
  let silicon: SiliconSpec | null = null;
  let region: string | null = null;
  if (row.hasValue(columns.provider)) {
    const text = row.textOf(columns.provider);
    const found = names.provider(text);
    provider = found.spec;
    if (found.spec === null) row.report(columns.provider, 'unknown-provider', issueMessages.unknownProvider(text, found.suggestion), found.suggestion);
  }
  if (row.hasValue(columns.region) && provider !== null) {
    const text = row.textOf(columns.region);
    const found = names.region(provider, text);
    if (found.found) region = found.region;
    else row.report(columns.region, 'unknown-region', issueMessages.unknownRegion(text, provider.name, found.suggestion, found.otherProvider), found.suggestion);
  }
  if (row.hasValue(columns.silicon)) {
    const text = row.textOf(columns.silicon);
    const found = names.silicon(text);
    silicon = found.spec;
    if (found.spec === null) row.report(columns.silicon, 'unknown-silicon', issueMessages.unknownSilicon(text, found.suggestion), found.suggestion);
  }
  if (provider !== null && silicon !== null) {
    const availability = names.availability(provider, silicon);
    if (availability.kind === 'not-offered') {
      const offeredBy = names.catalog.offersOf(silicon).map((offer) => offer.provider.name);
      row.report(columns.silicon, 'silicon-not-offered', issueMessages.siliconNotOffered(provider.name, silicon.name, offeredBy));
    } else if (availability.kind === 'regions' && region !== null && !availability.regions.has(region)) {
      row.report(columns.region, 'silicon-not-in-region', issueMessages.siliconNotInRegion(provider.name, silicon.name, region, [...availability.regions]));
    }
  }
  // Written into the reader's one scratch object: a million rows would otherwise allocate a million results.
  row.names.provider = provider;
  row.names.region = region;
  row.names.silicon = silicon;
}

function readChipsCell(row: RowReader, column: Column): number | null {
  if (!row.hasValue(column)) return null;
  const value = row.valueOf(column);
  const chips = readChips(value);
  if (chips === null) row.report(column, 'invalid-chips', issueMessages.invalidChips(isCellError(value) ? value.error : cellText(value)));
  return chips;
}

function readDateCell(row: RowReader, column: Column, date1904: boolean): CalendarDay | null {
  if (!row.hasValue(column)) return null;
  const parsed = parseDateCell(row.valueOf(column), date1904);
  if (parsed.ok) return parsed.day;
  const readings = parsed.problem.kind === 'ambiguous' ? parsed.problem.readings : undefined;
  row.report(column, 'invalid-date', issueMessages.invalidDate(row.headerOf(column), parsed.problem), suggestionOf(parsed.problem), readings);
  return null;
}

function checkTflops(row: RowReader, column: Column, chips: number | null, silicon: SiliconSpec | null): void {
  if (!row.hasValue(column)) return;
  const tflops = readNumber(row.valueOf(column));
  if (tflops === null) {
    row.report(column, 'tflops-mismatch', issueMessages.invalidTflops(row.textOf(column)));
    return;
  }
  if (chips === null || silicon === null || tflopsMatches(tflops, chips, silicon)) return;
  row.report(column, 'tflops-mismatch', issueMessages.tflopsMismatch(tflops, expectedTflops(chips, silicon) as number, chips, silicon.name, silicon.denseBf16Tflops as number));
}

/** Where a field's cells are in the table (-1 when it has no such column), and whether they must be filled. */
interface Column {
  readonly field: BookingField;
  readonly index: number;
  readonly required: boolean;
}

/**
 * The current row of a table: its cells by column, and its issues. One reader moves down the table,
 * so the loop over a million rows creates no closures per row, and columns are objects of one shape
 * rather than field names looked up per cell.
 */
class RowReader {
  private cells: ReadonlyArray<CellValue> = [];
  sheetRow = 0;
  /** The current row's names as the catalog knows them (`readNames`). */
  readonly names: { provider: ProviderSpec | null; region: string | null; silicon: SiliconSpec | null } = { provider: null, region: null, silicon: null };

  constructor(
    private readonly layout: TableLayout,
    private readonly issues: Issue[],
  ) {}

  moveTo(cells: ReadonlyArray<CellValue>, sheetRow: number): void {
    this.cells = cells;
    this.sheetRow = sheetRow;
  }

  valueOf(column: Column): CellValue | undefined {
    return column.index < 0 ? undefined : this.cells[column.index];
  }

  textOf(column: Column): string {
    return cellText(this.valueOf(column));
  }

  /** The column's header as the sheet spells it, or the field's usual name. */
  headerOf(column: Column): string {
    return this.layout.columns[column.field]?.header ?? FIELD_LABELS[column.field];
  }

  report(column: Column, code: Issue['code'], message: string, suggestion?: string, alternatives?: readonly string[]): void {
    this.issues.push(cellIssue(this.layout, this.sheetRow, column.field, code, message, suggestion, alternatives));
  }

  /** Whether the cell holds something; an empty required cell is reported on the way. */
  hasValue(column: Column): boolean {
    if (column.index < 0) return false;
    if (!isBlankCell(this.valueOf(column))) return true;
    if (column.required) this.report(column, 'missing-value', issueMessages.missingValue(this.headerOf(column)));
    return false;
  }
}

const TOTALS_LABELS = new Set(['total', 'totals', 'sum', 'grandtotal', 'subtotal']);

/** A line such as "Total … 3,360" under a plain range: a totals label first, and no pool or dates. */
function isTotalsLine(cells: ReadonlyArray<CellValue>, poolColumns: readonly number[]): boolean {
  const first = cells.find((value) => !isBlankCell(value));
  if (typeof first !== 'string' || !TOTALS_LABELS.has(normalizeHeader(first))) return false;
  return allBlank(cells, poolColumns.filter((index) => index >= 0));
}

function allBlank(cells: ReadonlyArray<CellValue>, columns: readonly number[]): boolean {
  for (const index of columns) if (!isBlankCell(cells[index])) return false;
  return true;
}

function suggestionOf(problem: DateProblem): string | undefined {
  return problem.kind === 'two-digit-year' ? problem.likely : undefined;
}

/** Chips as a positive whole number, or null when invalid; text such as "1,024" counts, "lots" or 2.5 does not. */
function readChips(value: CellValue | undefined): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && WHOLE_NUMBER_TEXT.test(value.trim())) {
    const chips = Number(value.trim().replace(/,/g, ''));
    if (chips > 0 && Number.isSafeInteger(chips)) return chips;
  }
  return null;
}
