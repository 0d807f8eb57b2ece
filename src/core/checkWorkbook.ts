import { sheetCellAddress } from './model/address';
import { CalendarDay } from './model/calendarDay';
import { Catalog } from './catalog/catalog';
import { CATALOG_SHEET, readCatalogSheet } from './catalog/catalogSheet';
import { conflictId } from './conflicts/conflictId';
import { DEFAULT_CATALOG } from './catalog/defaultCatalog';
import { findOverbookedRunsInColumns, IntervalColumns } from './conflicts/findOverbookedRuns';
import { cellIssue, compareIssues, Issue, ISSUE_SEVERITY } from './validation/issue';
import { issueMessages } from './validation/issueMessages';
import { normalizeHeader } from './catalog/normalizeName';
import { Booking, Pool, readBookings } from './tables/readBookings';
import { readAcceptedConflicts, RESOLUTION_LOG_SHEET } from './resolutions/resolutionLog';
import { SheetSnapshot, WorkbookSnapshot } from './model/snapshot';
import {
  ALLOCATION_REQUIRED, BookingField, CAPACITY_REQUIRED, FIELD_LABELS, findHeader, findPartialHeader, isCapacityLayout, TableLayout,
} from './tables/tableLayout';

/** A double-booking: a maximal run of over-booked days on one pool, and the rows holding it. */
export interface Conflict {
  readonly id: string;
  readonly pool: Pool;
  readonly start: CalendarDay;
  /** Last over-booked day, inclusive as in the workbook. */
  readonly end: CalendarDay;
  /** Sheet rows of the bookings involved, ascending. */
  readonly rows: number[];
  readonly bookedChips: number | null;
  readonly capacityChips: number | null;
  readonly excessChips: number | null;
  readonly accepted: boolean;
  readonly acceptedReason?: string;
}

export interface CheckReport {
  readonly allocation: TableLayout;
  readonly capacity: TableLayout | null;
  readonly date1904: boolean;
  /** Non-blank data rows read from the allocation table. */
  readonly rows: number;
  readonly bookings: Booking[];
  readonly capacityRows: Booking[];
  readonly issues: Issue[];
  readonly conflicts: Conflict[];
  readonly catalog: Catalog;
}

export interface CheckOptions {
  /** Catalog to start from, e.g. the default extended by `--catalog`; the workbook's Catalog sheet adds to it. */
  readonly catalog?: Catalog;
  /** Name of the allocation sheet, instead of finding it. */
  readonly sheet?: string;
  /** Name of the Capacity sheet, instead of finding it. */
  readonly capacitySheet?: string;
}

/** A workbook the check cannot run on at all, in one sentence for the user. */
export type CheckOutcome = { ok: true; report: CheckReport } | { ok: false; problem: string };

const RESERVED_SHEETS = new Set([CATALOG_SHEET, RESOLUTION_LOG_SHEET].map(normalizeHeader));
const isCapacityName = (name: string): boolean => normalizeHeader(name) === 'capacity';

let defaultCatalog: Catalog | undefined;
export function getDefaultCatalog(): Catalog {
  defaultCatalog ??= Catalog.fromData(DEFAULT_CATALOG);
  return defaultCatalog;
}

/**
 * Validates every row of the allocation table and finds its double-bookings.
 * Problems in cells are issues in the report; only a workbook without any allocation table fails.
 */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckOutcome {
  const located = locateTables(snapshot, options);
  if (!located.ok) return located;
  const { allocation, allocationSheet, capacity, capacitySheet } = located;
  const issues: Issue[] = [];

  let catalog = options.catalog ?? getDefaultCatalog();
  const catalogSheet = findSheet(snapshot, CATALOG_SHEET);
  if (catalogSheet !== undefined) {
    const fromSheet = readCatalogSheet(catalogSheet);
    issues.push(...fromSheet.issues);
    const extended = catalog.safeExtend(fromSheet.extension);
    if (extended.ok) catalog = extended.catalog;
    else {
      issues.push({
        sheet: catalogSheet.name, row: 1, column: '', cell: null, severity: ISSUE_SEVERITY['invalid-catalog-row'],
        code: 'invalid-catalog-row', message: issueMessages.invalidCatalogRow(extended.problems.join('; ')),
      });
    }
  }

  const allocationRequired: BookingField[] = capacity === null ? [...ALLOCATION_REQUIRED] : [...ALLOCATION_REQUIRED, 'chips'];
  issues.push(...tableIssues(allocation, allocationRequired, capacity === null ? undefined : 'a Capacity table needs Chips on every booking'));
  const read = readBookings(allocationSheet, allocation, { catalog, date1904: snapshot.date1904, required: allocationRequired, checkTflops: true });
  appendAll(issues, read.issues);
  appendAll(issues, duplicateIdIssues(read.bookings, allocation));

  let capacityRows: Booking[] = [];
  if (capacity !== null && capacitySheet !== undefined) {
    issues.push(...tableIssues(capacity, CAPACITY_REQUIRED));
    const readCapacity = readBookings(capacitySheet, capacity, { catalog, date1904: snapshot.date1904, required: CAPACITY_REQUIRED, checkTflops: false });
    capacityRows = readCapacity.bookings;
    appendAll(issues, readCapacity.issues);
  }

  const accepted = readAcceptedConflicts(findSheet(snapshot, RESOLUTION_LOG_SHEET));
  const pools = new PoolNumbers();
  const demand = intervalsOf(read.bookings, pools);
  const capacityIntervals = capacity === null ? null : intervalsOf(capacityRows, pools);
  const detected = conflictsOf(read.bookings, demand, capacityIntervals, pools, accepted);
  // Without a Chips column nobody booked a number of chips, so there is no figure to report.
  const conflicts = allocation.columns.chips === undefined ? detected.map((conflict) => ({ ...conflict, bookedChips: null })) : detected;
  if (capacityIntervals !== null) appendAll(issues, unreservedIssues(read.bookings, demand, capacityIntervals, pools.keys.length, allocation));

  const sheetOrder = new Map(snapshot.sheets.map((sheet, index) => [sheet.name, index]));
  issues.sort(compareIssues((sheet) => sheetOrder.get(sheet) ?? Number.MAX_SAFE_INTEGER));
  return {
    ok: true,
    report: {
      allocation, capacity, date1904: snapshot.date1904, rows: read.bookings.length, bookings: read.bookings, capacityRows,
      issues, conflicts, catalog,
    },
  };
}

/** Pushes one by one: `push(...items)` passes every item as an argument and overflows the stack past about 120,000. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

type Located =
  | { ok: true; allocation: TableLayout; allocationSheet: SheetSnapshot; capacity: TableLayout | null; capacitySheet?: SheetSnapshot }
  | { ok: false; problem: string };

function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((sheet) => sheet.name === name) ?? snapshot.sheets.find((sheet) => normalizeHeader(sheet.name) === normalizeHeader(name));
}

function sheetList(snapshot: WorkbookSnapshot): string {
  return snapshot.sheets.map((sheet) => `"${sheet.name}"`).join(', ') || 'none';
}

const REQUIRED_NAMES = ALLOCATION_REQUIRED.map((field) => FIELD_LABELS[field]).join(', ');

function locateTables(workbook: WorkbookSnapshot, options: CheckOptions): Located {
  const snapshot = { ...workbook, sheets: workbook.sheets.filter((sheet) => sheet.visibility !== 'veryHidden') };
  let allocationSheet: SheetSnapshot | undefined;
  let allocation: TableLayout | undefined;
  if (options.sheet !== undefined) {
    allocationSheet = findSheet(snapshot, options.sheet);
    if (allocationSheet === undefined) return { ok: false, problem: `No sheet named "${options.sheet}"; the sheets are ${sheetList(snapshot)}.` };
    allocation = findHeader(allocationSheet, ALLOCATION_REQUIRED) ?? findPartialHeader(allocationSheet, ALLOCATION_REQUIRED, 2);
    if (allocation === undefined) {
      return { ok: false, problem: `Sheet "${allocationSheet.name}" has no header row naming ${REQUIRED_NAMES} in its first 20 rows.` };
    }
  } else {
    const candidates = snapshot.sheets.filter(
      (sheet) => !RESERVED_SHEETS.has(normalizeHeader(sheet.name)) && !isCapacityName(sheet.name) && sheet.name !== options.capacitySheet,
    );
    for (const sheet of candidates) {
      allocation = findHeader(sheet, ALLOCATION_REQUIRED);
      if (allocation !== undefined) {
        allocationSheet = sheet;
        break;
      }
    }
    if (allocation === undefined) {
      for (const sheet of candidates) {
        allocation = findPartialHeader(sheet, ALLOCATION_REQUIRED, 3);
        if (allocation !== undefined) {
          allocationSheet = sheet;
          break;
        }
      }
    }
    if (allocation === undefined || allocationSheet === undefined) {
      return { ok: false, problem: `No allocation table: no sheet has a header row naming ${REQUIRED_NAMES} in its first 20 rows (sheets: ${sheetList(snapshot)}).` };
    }
  }

  let capacitySheet: SheetSnapshot | undefined;
  let capacity: TableLayout | undefined;
  if (options.capacitySheet !== undefined) {
    capacitySheet = findSheet(snapshot, options.capacitySheet);
    if (capacitySheet === undefined) return { ok: false, problem: `No sheet named "${options.capacitySheet}"; the sheets are ${sheetList(snapshot)}.` };
    capacity = findHeader(capacitySheet, CAPACITY_REQUIRED) ?? findPartialHeader(capacitySheet, CAPACITY_REQUIRED, 2);
    if (capacity === undefined) return { ok: false, problem: `Sheet "${capacitySheet.name}" has no Capacity header (Provider, Region, Silicon, Chips, Start, End) in its first 20 rows.` };
  } else {
    const others = snapshot.sheets.filter((sheet) => sheet !== allocationSheet && !RESERVED_SHEETS.has(normalizeHeader(sheet.name)));
    capacitySheet = others.find((sheet) => isCapacityName(sheet.name));
    if (capacitySheet !== undefined) {
      capacity = findHeader(capacitySheet, CAPACITY_REQUIRED) ?? findPartialHeader(capacitySheet, CAPACITY_REQUIRED, 3);
      if (capacity === undefined) capacitySheet = undefined;
    } else {
      for (const sheet of others) {
        const layout = findHeader(sheet, CAPACITY_REQUIRED);
        if (layout !== undefined && isCapacityLayout(layout)) {
          capacitySheet = sheet;
          capacity = layout;
          break;
        }
      }
    }
  }
  return { ok: true, allocation, allocationSheet, capacity: capacity ?? null, capacitySheet };
}

function tableIssues(layout: TableLayout, required: readonly BookingField[], chipsReason?: string): Issue[] {
  const issues: Issue[] = [];
  for (const field of required) {
    if (layout.columns[field] !== undefined) continue;
    issues.push({
      sheet: layout.sheetName, row: layout.headerRow, column: FIELD_LABELS[field], cell: null, severity: ISSUE_SEVERITY['missing-column'],
      code: 'missing-column', message: issueMessages.missingColumn(FIELD_LABELS[field], layout.sheetName, field === 'chips' ? chipsReason : undefined),
    });
  }
  for (const { field, column } of layout.duplicateColumns) {
    const first = layout.columns[field];
    issues.push({
      sheet: layout.sheetName, row: layout.headerRow, column: column.header, cell: sheetCellAddress(layout.headerRow, column.index),
      severity: ISSUE_SEVERITY['duplicate-column'], code: 'duplicate-column', message: issueMessages.duplicateColumn(column.header, first?.header ?? ''),
    });
  }
  return issues;
}

function duplicateIdIssues(bookings: readonly Booking[], layout: TableLayout): Issue[] {
  const groups = repeatedKeyGroups(bookings.map((booking) => booking.id.toLowerCase()));
  const issues: Issue[] = [];
  bookings.forEach((booking, index) => {
    const group = groups.get(index);
    if (group === undefined) return;
    const others = group.map((other) => bookings[other].sheetRow).filter((row) => row !== booking.sheetRow);
    issues.push(cellIssue(layout, booking.sheetRow, 'id', 'duplicate-id', issueMessages.duplicateId(booking.id, others)));
  });
  return issues;
}

/**
 * For each index whose non-empty key occurs more than once, all indices of that key, ascending.
 * Sorts hashes packed with indices into floats, then compares the keys of equal hashes: a Map of a
 * million distinct strings costs about three times as much.
 * @example repeatedKeyGroups(['a', 'b', 'a', '']) // Map { 0 => [0, 2], 2 => [0, 2] }
 */
function repeatedKeyGroups(keys: readonly string[]): Map<number, number[]> {
  // Room below the hash for every index, within a float's 53 exact bits; fewer hash bits only mean more keys compared.
  const indexRange = 2 ** Math.max(23, Math.ceil(Math.log2(keys.length + 1)));
  const hashRange = 2 ** 53 / indexRange;
  const packed = new Float64Array(keys.length);
  keys.forEach((key, index) => {
    packed[index] = (hashOfKey(key) % hashRange) * indexRange + index;
  });
  packed.sort();
  const groups = new Map<number, number[]>();
  const hashAt = (i: number): number => Math.floor(packed[i] / indexRange);
  for (let runStart = 0, runEnd = 1; runStart < packed.length; runStart = runEnd++) {
    while (runEnd < packed.length && hashAt(runEnd) === hashAt(runStart)) runEnd++;
    if (runEnd - runStart < 2) continue;
    // Indices of one hash, ascending: the same key, or rarely a collision of different keys.
    const byKey = new Map<string, number[]>();
    for (let i = runStart; i < runEnd; i++) {
      const index = packed[i] % indexRange;
      if (keys[index] === '') continue;
      const group = byKey.get(keys[index]);
      if (group === undefined) byKey.set(keys[index], [index]);
      else group.push(index);
    }
    for (const group of byKey.values()) if (group.length > 1) for (const index of group) groups.set(index, group);
  }
  return groups;
}

/** FNV-1a over UTF-16 code units, as an unsigned 32-bit number. */
function hashOfKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Numbers for pools, shared by bookings and capacity rows: rows of one pool read from two tables get one number. */
class PoolNumbers {
  readonly keys: string[] = [];
  // Keyed by the pool's key string, which every booking of a pool shares, so a look-up never compares text.
  private readonly byKey = new Map<string, number>();

  numberOf(pool: Pool): number {
    let number = this.byKey.get(pool.key);
    if (number === undefined) {
      number = this.keys.length;
      this.keys.push(pool.key);
      this.byKey.set(pool.key, number);
    }
    return number;
  }
}

/** The days each active row holds, `ref` being its index in `rows`; one pass, as it runs over every row. */
function intervalsOf(rows: readonly Booking[], pools: PoolNumbers): IntervalColumns {
  const columns = new IntervalColumns(rows.length);
  for (let ref = 0; ref < rows.length; ref++) {
    const row = rows[ref];
    if (!row.active || row.pool === null || row.start === null || row.endExclusive === null) continue;
    columns.push(pools.numberOf(row.pool), row.start, row.endExclusive, row.chips ?? 0, ref);
  }
  return columns;
}

/** Conflicts of the bookings, ordered by first day, then pool; accepted ones marked. */
export function detectConflicts(bookings: readonly Booking[], capacityRows: readonly Booking[] | null, accepted: ReadonlyMap<string, string>): Conflict[] {
  const pools = new PoolNumbers();
  return conflictsOf(bookings, intervalsOf(bookings, pools), capacityRows === null ? null : intervalsOf(capacityRows, pools), pools, accepted);
}

/** `detectConflicts` with the intervals already made. */
function conflictsOf(
  bookings: readonly Booking[], demand: IntervalColumns, capacity: IntervalColumns | null, pools: PoolNumbers, accepted: ReadonlyMap<string, string>,
): Conflict[] {
  const runs = findOverbookedRunsInColumns(pools.keys, demand, capacity);
  const conflicts = runs.map((run): Conflict => {
    const first = bookings[run.refs[0]];
    const pool = first.pool as Pool;
    const end = run.endExclusive - 1;
    const id = conflictId(run.poolKey, run.start, end);
    const reason = accepted.get(id);
    return {
      id, pool, start: run.start, end, rows: run.refs.map((ref) => bookings[ref].sheetRow),
      bookedChips: run.bookedChips, capacityChips: run.capacityChips, excessChips: run.excessChips,
      accepted: reason !== undefined, ...(reason === undefined ? {} : { acceptedReason: reason }),
    };
  });
  return conflicts.sort((a, b) => a.start - b.start || a.pool.key.localeCompare(b.pool.key) || a.rows[0] - b.rows[0]);
}

const NO_COVERAGE: ReadonlyArray<[CalendarDay, CalendarDay]> = [];

/**
 * `demand` holds the active bookings' intervals: walked instead of the bookings, since they are compact
 * and in row order, where a million bookings of a re-check lie scattered over the heap.
 */
function unreservedIssues(bookings: readonly Booking[], demand: IntervalColumns, capacity: IntervalColumns, poolCount: number, layout: TableLayout): Issue[] {
  const coverage: Array<Array<[CalendarDay, CalendarDay]> | undefined> = new Array(poolCount);
  for (let i = 0; i < capacity.count; i++) {
    if (capacity.chips[i] <= 0) continue;
    const list = (coverage[capacity.pool[i]] ??= []);
    list.push([capacity.start[i], capacity.endExclusive[i]]);
  }
  for (let pool = 0; pool < poolCount; pool++) {
    const list = coverage[pool];
    if (list !== undefined) coverage[pool] = mergeIntervals(list);
  }
  const issues: Issue[] = [];
  for (let i = 0; i < demand.count; i++) {
    const start = demand.start[i];
    const endExclusive = demand.endExclusive[i];
    const gaps = uncoveredDays(start, endExclusive, coverage[demand.pool[i]] ?? NO_COVERAGE);
    if (gaps.days === 0) continue;
    const booking = bookings[demand.ref[i]];
    const { provider, region, silicon, block } = booking.pool as Pool;
    const poolName = [provider, region, silicon, block].filter((part) => part !== '').join(' ');
    issues.push(cellIssue(layout, booking.sheetRow, 'start', 'unreserved', issueMessages.unreserved(poolName, gaps.first, gaps.last, gaps.days, endExclusive - start)));
  }
  return issues;
}

function mergeIntervals(intervals: Array<[CalendarDay, CalendarDay]>): Array<[CalendarDay, CalendarDay]> {
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: Array<[CalendarDay, CalendarDay]> = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** Days of `[start, endExclusive)` outside the sorted, disjoint `covered` intervals. */
function uncoveredDays(start: CalendarDay, endExclusive: CalendarDay, covered: ReadonlyArray<[CalendarDay, CalendarDay]>) {
  let low = 0;
  let high = covered.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (covered[mid][1] <= start) low = mid + 1;
    else high = mid;
  }
  let days = 0;
  let first = -1;
  let last = -1;
  let cursor = start;
  // One loop, no closure: this runs for every booking of a million-row table. The last gap runs to endExclusive.
  for (let i = low; ; i++) {
    const beforeNext = i < covered.length && covered[i][0] < endExclusive;
    const gapEnd = beforeNext ? Math.min(covered[i][0], endExclusive) : endExclusive;
    if (gapEnd > cursor) {
      days += gapEnd - cursor;
      if (first < 0) first = cursor;
      last = gapEnd - 1;
    }
    if (!beforeNext) break;
    cursor = Math.max(cursor, covered[i][1]);
  }
  return { days, first, last };
}
