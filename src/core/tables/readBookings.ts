import { Booking, isInactiveStatus as isInactiveStatusText, Pool, poolKeyOf } from '../model/booking';
import { CalendarDay } from '../model/calendarDay';
import { Availability, Catalog, RegionMatch } from '../catalog/catalog';
import { ProviderSpec, SiliconSpec } from '../catalog/catalogSchema';
import { cellIssue, Issue } from '../validation/issue';
import { issueMessages } from '../validation/issueMessages';
import { DateProblem, parseDateCell } from './parseDateCell';
import { cellText, CellValue, isBlankCell, isCellError, SheetSnapshot } from '../model/snapshot';
import { BOOKING_FIELDS, BookingField, FIELD_LABELS, TableLayout } from './tableLayout';

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
const DECIMAL_TEXT = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const TFLOPS_TOLERANCE = 0.1;

type ProviderResult = { spec: ProviderSpec } | { spec: null; suggestion?: string };
type SiliconResult = { spec: SiliconSpec } | { spec: null; suggestion?: string };

/**
 * Reads every non-blank row under a table's header into bookings, checking each cell against the
 * catalog. Name look-ups are cached per distinct text, since big sheets repeat a few names.
 */
export function readBookings(sheet: SheetSnapshot, layout: TableLayout, options: ReadTableOptions): ReadTableResult {
  const { catalog, date1904, required, checkTflops } = options;
  const bookings: Booking[] = [];
  const issues: Issue[] = [];
  const columns = Object.fromEntries(
    BOOKING_FIELDS.map((field) => [field, { field, index: layout.columns[field]?.index ?? -1, required: required.includes(field) }]),
  ) as Record<BookingField, Column>;
  const knownColumns = BOOKING_FIELDS.map((field) => columns[field].index).filter((index) => index >= 0);
  const row = new RowReader(layout, issues);
  const providers = new Map<string, ProviderResult>();
  const silicons = new Map<string, SiliconResult>();
  // Keyed by spec objects, not by joined text: a million rows would otherwise build and hash a million keys.
  const regions = new Map<ProviderSpec, Map<string, RegionMatch>>();
  const availabilities = new Map<ProviderSpec, Map<SiliconSpec, Availability>>();
  const inactiveStatuses = new Map<string, boolean>();
  const pools = new Map<string, Pool>();
  const poolsByName = new Map<string, Map<string, Map<string, Map<string, Pool>>>>();

  const findProvider = (text: string): ProviderResult => {
    let result = providers.get(text);
    if (result === undefined) {
      const match = catalog.findProvider(text);
      result = match.found ? { spec: match.value } : { spec: null, suggestion: match.suggestion };
      providers.set(text, result);
    }
    return result;
  };
  const findSilicon = (text: string): SiliconResult => {
    let result = silicons.get(text);
    if (result === undefined) {
      const match = catalog.findSilicon(text);
      result = match.found ? { spec: match.value } : { spec: null, suggestion: match.suggestion };
      silicons.set(text, result);
    }
    return result;
  };
  const findRegion = (provider: ProviderSpec, text: string): RegionMatch => {
    const byText = childMap(regions, provider);
    let result = byText.get(text);
    if (result === undefined) {
      result = catalog.findRegion(provider, text);
      byText.set(text, result);
    }
    return result;
  };
  const availabilityOf = (provider: ProviderSpec, silicon: SiliconSpec): Availability => {
    const bySilicon = childMap(availabilities, provider);
    let result = bySilicon.get(silicon);
    if (result === undefined) {
      result = catalog.availability(provider, silicon);
      bySilicon.set(silicon, result);
    }
    return result;
  };
  // A regular expression per row costs more than the rest of the row's status handling.
  const isInactiveStatus = (status: string): boolean => {
    let inactive = inactiveStatuses.get(status);
    if (inactive === undefined) {
      inactive = isInactiveStatusText(status);
      inactiveStatuses.set(status, inactive);
    }
    return inactive;
  };
  // Rows repeat a few spellings: find the names as given before building and hashing the normalised key.
  const internPool = (provider: string, region: string, silicon: string, block: string): Pool => {
    const byBlock = childMap(childMap(childMap(poolsByName, provider), region), silicon);
    let pool = byBlock.get(block);
    if (pool === undefined) {
      const key = poolKeyOf(provider, region, silicon, block);
      pool = pools.get(key);
      if (pool === undefined) {
        pool = { key, provider, region, silicon, block };
        pools.set(key, pool);
      }
      byBlock.set(block, pool);
    }
    return pool;
  };

  for (let rowIndex = layout.headerRow; rowIndex < sheet.rows.length; rowIndex++) {
    const cells = sheet.rows[rowIndex];
    if (cells === undefined || allBlank(cells, knownColumns)) continue;
    row.moveTo(cells, rowIndex + 1);

    const providerText = row.textOf(columns.provider);
    const regionText = row.textOf(columns.region);
    const siliconText = row.textOf(columns.silicon);
    const blockText = row.textOf(columns.block);
    let provider: ProviderSpec | null = null;
    let silicon: SiliconSpec | null = null;
    let region: string | null = null;
    if (row.hasValue(columns.provider)) {
      const found = findProvider(providerText);
      provider = found.spec;
      if (found.spec === null) row.report(columns.provider, 'unknown-provider', issueMessages.unknownProvider(providerText, found.suggestion), found.suggestion);
    }
    if (row.hasValue(columns.region) && provider !== null) {
      const found = findRegion(provider, regionText);
      if (found.found) region = found.region;
      else row.report(columns.region, 'unknown-region', issueMessages.unknownRegion(regionText, provider.name, found.suggestion, found.otherProvider), found.suggestion);
    }
    if (row.hasValue(columns.silicon)) {
      const found = findSilicon(siliconText);
      silicon = found.spec;
      if (found.spec === null) row.report(columns.silicon, 'unknown-silicon', issueMessages.unknownSilicon(siliconText, found.suggestion), found.suggestion);
    }
    if (provider !== null && silicon !== null) {
      const availability = availabilityOf(provider, silicon);
      if (availability.kind === 'not-offered') {
        const offeredBy = catalog.offersOf(silicon).map((offer) => offer.provider.name);
        row.report(columns.silicon, 'silicon-not-offered', issueMessages.siliconNotOffered(provider.name, silicon.name, offeredBy));
      } else if (availability.kind === 'regions' && region !== null && !availability.regions.has(region)) {
        row.report(columns.region, 'silicon-not-in-region', issueMessages.siliconNotInRegion(provider.name, silicon.name, region, [...availability.regions]));
      }
    }

    let chips: number | null = null;
    if (row.hasValue(columns.chips)) {
      const value = row.valueOf(columns.chips);
      chips = readChips(value);
      if (chips === null) row.report(columns.chips, 'invalid-chips', issueMessages.invalidChips(isCellError(value) ? value.error : cellText(value)));
    }

    let start: CalendarDay | null = null;
    let end: CalendarDay | null = null;
    if (row.hasValue(columns.start)) {
      const parsed = parseDateCell(row.valueOf(columns.start), date1904);
      if (parsed.ok) start = parsed.day;
      else row.report(columns.start, 'invalid-date', issueMessages.invalidDate(layout.columns.start?.header ?? 'Start', parsed.problem), suggestionOf(parsed.problem));
    }
    if (row.hasValue(columns.end)) {
      const parsed = parseDateCell(row.valueOf(columns.end), date1904);
      if (parsed.ok) end = parsed.day;
      else row.report(columns.end, 'invalid-date', issueMessages.invalidDate(layout.columns.end?.header ?? 'End', parsed.problem), suggestionOf(parsed.problem));
    }
    const datesValid = start !== null && end !== null && end >= start;
    if (start !== null && end !== null && end < start) row.report(columns.end, 'end-before-start', issueMessages.endBeforeStart(start, end));

    if (checkTflops && row.hasValue(columns.tflops)) {
      const tflops = readNumber(row.valueOf(columns.tflops));
      if (tflops === null) row.report(columns.tflops, 'tflops-mismatch', issueMessages.invalidTflops(row.textOf(columns.tflops)));
      else if (chips !== null && silicon?.denseBf16Tflops) {
        const expected = chips * silicon.denseBf16Tflops;
        if (Math.abs(tflops - expected) > TFLOPS_TOLERANCE * expected) {
          row.report(columns.tflops, 'tflops-mismatch', issueMessages.tflopsMismatch(tflops, expected, chips, silicon.name, silicon.denseBf16Tflops));
        }
      }
    }

    const status = row.textOf(columns.status);
    const pool =
      providerText !== '' && regionText !== '' && siliconText !== ''
        ? internPool(provider?.name ?? providerText, region ?? regionText, silicon?.name ?? siliconText, blockText)
        : null;
    bookings.push({
      sheetRow: row.sheetRow,
      id: row.textOf(columns.id),
      lab: row.textOf(columns.lab),
      team: row.textOf(columns.team),
      workload: row.textOf(columns.workload),
      status,
      priority: row.textOf(columns.priority),
      owner: row.textOf(columns.owner),
      notes: row.textOf(columns.notes),
      providerText,
      regionText,
      siliconText,
      blockText,
      pool,
      silicon,
      chips,
      start: datesValid ? start : null,
      endExclusive: datesValid ? (end as CalendarDay) + 1 : null,
      active: datesValid && pool !== null && !isInactiveStatus(status),
    });
  }
  return { bookings, issues };
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

  report(column: Column, code: Issue['code'], message: string, suggestion?: string): void {
    this.issues.push(cellIssue(this.layout, this.sheetRow, column.field, code, message, suggestion));
  }

  /** Whether the cell holds something; an empty required cell is reported on the way. */
  hasValue(column: Column): boolean {
    if (column.index < 0) return false;
    if (!isBlankCell(this.valueOf(column))) return true;
    if (column.required) this.report(column, 'missing-value', issueMessages.missingValue(this.layout.columns[column.field]?.header ?? FIELD_LABELS[column.field]));
    return false;
  }
}

function allBlank(cells: ReadonlyArray<CellValue>, columns: readonly number[]): boolean {
  for (const index of columns) if (!isBlankCell(cells[index])) return false;
  return true;
}

/** The map under `key`, added when missing. */
function childMap<K, K2, V>(map: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let child = map.get(key);
  if (child === undefined) {
    child = new Map<K2, V>();
    map.set(key, child);
  }
  return child;
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

function readNumber(value: CellValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return Number(value.trim().replace(/,/g, ''));
  return null;
}
