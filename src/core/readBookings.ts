import { CalendarDay } from './calendarDay';
import { Catalog, RegionMatch } from './catalog';
import { ProviderSpec, SiliconSpec } from './catalogSchema';
import { cellIssue, Issue } from './issue';
import { issueMessages } from './issueMessages';
import { normalizeName } from './normalizeName';
import { DateProblem, parseDateCell } from './parseDateCell';
import { cellText, CellValue, isBlankCell, isCellError, SheetSnapshot } from './snapshot';
import { BOOKING_FIELDS, BookingField, FIELD_LABELS, TableLayout } from './tableLayout';

/** What a booking's pool of capacity is: one provider, region, silicon and block, each canonicalised. */
export interface Pool {
  readonly key: string;
  readonly provider: string;
  readonly region: string;
  readonly silicon: string;
  /** Empty when the table has no Block column or the cell is empty. */
  readonly block: string;
}

/** One non-blank data row of the allocation or Capacity table, read and checked. */
export interface Booking {
  readonly sheetRow: number;
  readonly id: string;
  readonly lab: string;
  readonly team: string;
  readonly workload: string;
  readonly status: string;
  readonly priority: string;
  readonly owner: string;
  readonly providerText: string;
  readonly regionText: string;
  readonly siliconText: string;
  readonly blockText: string;
  /** Null when Provider, Region or Silicon is empty. */
  readonly pool: Pool | null;
  readonly silicon: SiliconSpec | null;
  /** A positive whole number, or null when empty or invalid. */
  readonly chips: number | null;
  readonly start: CalendarDay | null;
  readonly endExclusive: CalendarDay | null;
  /** Takes part in conflicts: not cancelled or released, and dates valid. */
  readonly active: boolean;
}

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

/** "Cancelled", "canceled – moved to Q3", "Released." all take a row out of conflicts. */
/** The key of a pool: its four names as `normalizeName` matches them. */
export function poolKeyOf(provider: string, region: string, silicon: string, block: string): string {
  // JSON keeps the parts apart even when a name contains the separator a plain join would use.
  return JSON.stringify([normalizeName(provider), normalizeName(region), normalizeName(silicon), normalizeName(block)]);
}

const INACTIVE_STATUS = /^\W*(cancell?ed|released)\b/i;
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
  const columnIndex = Object.fromEntries(BOOKING_FIELDS.map((field) => [field, layout.columns[field]?.index ?? -1])) as Record<BookingField, number>;
  const knownColumns = BOOKING_FIELDS.map((field) => columnIndex[field]).filter((index) => index >= 0);
  const isRequired = new Set(required);
  const providers = new Map<string, ProviderResult>();
  const silicons = new Map<string, SiliconResult>();
  const regions = new Map<string, RegionMatch>();
  const pools = new Map<string, Pool>();

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
    const key = `${provider.name}\u0000${text}`;
    let result = regions.get(key);
    if (result === undefined) {
      result = catalog.findRegion(provider, text);
      regions.set(key, result);
    }
    return result;
  };
  const internPool = (provider: string, region: string, silicon: string, block: string): Pool => {
    const key = poolKeyOf(provider, region, silicon, block);
    let pool = pools.get(key);
    if (pool === undefined) {
      pool = { key, provider, region, silicon, block };
      pools.set(key, pool);
    }
    return pool;
  };

  for (let rowIndex = layout.headerRow; rowIndex < sheet.rows.length; rowIndex++) {
    const cells = sheet.rows[rowIndex];
    if (cells === undefined || knownColumns.every((index) => isBlankCell(cells[index]))) continue;
    const sheetRow = rowIndex + 1;
    const valueOf = (field: BookingField): CellValue | undefined => (columnIndex[field] < 0 ? undefined : cells[columnIndex[field]]);
    const textOf = (field: BookingField): string => cellText(valueOf(field));
    const report = (field: BookingField, code: Issue['code'], message: string, suggestion?: string): void => {
      issues.push(cellIssue(layout, sheetRow, field, code, message, suggestion));
    };
    // Whether the cell holds something; an empty required cell is reported on the way.
    const hasValue = (field: BookingField): boolean => {
      if (columnIndex[field] < 0) return false;
      if (!isBlankCell(valueOf(field))) return true;
      if (isRequired.has(field)) report(field, 'missing-value', issueMessages.missingValue(layout.columns[field]?.header ?? FIELD_LABELS[field]));
      return false;
    };

    const providerText = textOf('provider');
    const regionText = textOf('region');
    const siliconText = textOf('silicon');
    const blockText = textOf('block');
    let provider: ProviderSpec | null = null;
    let silicon: SiliconSpec | null = null;
    let region: string | null = null;
    if (hasValue('provider')) {
      const found = findProvider(providerText);
      provider = found.spec;
      if (found.spec === null) report('provider', 'unknown-provider', issueMessages.unknownProvider(providerText, found.suggestion), found.suggestion);
    }
    if (hasValue('region') && provider !== null) {
      const found = findRegion(provider, regionText);
      if (found.found) region = found.region;
      else report('region', 'unknown-region', issueMessages.unknownRegion(regionText, provider.name, found.suggestion, found.otherProvider), found.suggestion);
    }
    if (hasValue('silicon')) {
      const found = findSilicon(siliconText);
      silicon = found.spec;
      if (found.spec === null) report('silicon', 'unknown-silicon', issueMessages.unknownSilicon(siliconText, found.suggestion), found.suggestion);
    }
    if (provider !== null && silicon !== null) {
      const availability = catalog.availability(provider, silicon);
      if (availability.kind === 'not-offered') {
        const offeredBy = catalog.offersOf(silicon).map((offer) => offer.provider.name);
        report('silicon', 'silicon-not-offered', issueMessages.siliconNotOffered(provider.name, silicon.name, offeredBy));
      } else if (availability.kind === 'regions' && region !== null && !availability.regions.has(region)) {
        report('region', 'silicon-not-in-region', issueMessages.siliconNotInRegion(provider.name, silicon.name, region, [...availability.regions]));
      }
    }

    const chips = hasValue('chips') ? readChips(valueOf('chips'), (text) => report('chips', 'invalid-chips', issueMessages.invalidChips(text))) : null;

    let start: CalendarDay | null = null;
    let end: CalendarDay | null = null;
    if (hasValue('start')) {
      const parsed = parseDateCell(valueOf('start'), date1904);
      if (parsed.ok) start = parsed.day;
      else report('start', 'invalid-date', issueMessages.invalidDate(layout.columns.start?.header ?? 'Start', parsed.problem), suggestionOf(parsed.problem));
    }
    if (hasValue('end')) {
      const parsed = parseDateCell(valueOf('end'), date1904);
      if (parsed.ok) end = parsed.day;
      else report('end', 'invalid-date', issueMessages.invalidDate(layout.columns.end?.header ?? 'End', parsed.problem), suggestionOf(parsed.problem));
    }
    const datesValid = start !== null && end !== null && end >= start;
    if (start !== null && end !== null && end < start) report('end', 'end-before-start', issueMessages.endBeforeStart(start, end));

    if (checkTflops && hasValue('tflops')) {
      const tflops = readNumber(valueOf('tflops'));
      if (tflops === null) report('tflops', 'tflops-mismatch', issueMessages.invalidTflops(textOf('tflops')));
      else if (chips !== null && silicon?.denseBf16Tflops) {
        const expected = chips * silicon.denseBf16Tflops;
        if (Math.abs(tflops - expected) > TFLOPS_TOLERANCE * expected) {
          report('tflops', 'tflops-mismatch', issueMessages.tflopsMismatch(tflops, expected, chips, silicon.name, silicon.denseBf16Tflops));
        }
      }
    }

    const status = textOf('status');
    const pool =
      providerText !== '' && regionText !== '' && siliconText !== ''
        ? internPool(provider?.name ?? providerText, region ?? regionText, silicon?.name ?? siliconText, blockText)
        : null;
    bookings.push({
      sheetRow,
      id: textOf('id'),
      lab: textOf('lab'),
      team: textOf('team'),
      workload: textOf('workload'),
      status,
      priority: textOf('priority'),
      owner: textOf('owner'),
      providerText,
      regionText,
      siliconText,
      blockText,
      pool,
      silicon,
      chips,
      start: datesValid ? start : null,
      endExclusive: datesValid ? (end as CalendarDay) + 1 : null,
      active: datesValid && pool !== null && !INACTIVE_STATUS.test(status),
    });
  }
  return { bookings, issues };
}

function suggestionOf(problem: DateProblem): string | undefined {
  return problem.kind === 'two-digit-year' ? problem.likely : undefined;
}

/** Chips as a positive whole number; text such as "1,024" counts, "lots" or 2.5 does not. */
function readChips(value: CellValue | undefined, reportInvalid: (text: string) => void): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && WHOLE_NUMBER_TEXT.test(value.trim())) {
    const chips = Number(value.trim().replace(/,/g, ''));
    if (chips > 0 && Number.isSafeInteger(chips)) return chips;
  }
  reportInvalid(isCellError(value) ? value.error : cellText(value));
  return null;
}

function readNumber(value: CellValue | undefined): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && DECIMAL_TEXT.test(value.trim())) return Number(value.trim().replace(/,/g, ''));
  return null;
}
