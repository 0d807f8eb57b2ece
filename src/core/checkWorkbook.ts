import { Catalog } from './catalog/catalog';
import { CATALOG_SHEET, readCatalogSheet } from './catalog/catalogSheet';
import { DEFAULT_CATALOG } from './catalog/defaultCatalog';
import { conflictsOf, intervalsOf, PoolNumbers } from './conflicts/detectConflicts';
import { keepReportIntervals, segmentsFor } from './conflicts/reportIntervals';
import { CapacityRow } from './model/booking';
import { CheckOptions, CheckOutcome, CheckReport } from './model/report';
import { WorkbookSnapshot } from './model/snapshot';
import { readAcceptances, RESOLUTION_LOG_SHEET } from './resolutions/resolutionLog';
import { findSheet, locateTables } from './tables/locateTables';
import { readBookings } from './tables/readBookings';
import { ALLOCATION_REQUIRED, BookingField, CAPACITY_REQUIRED } from './tables/tableLayout';
import { unreservedIssues } from './validation/capacityCoverage';
import { duplicateIdIssues } from './validation/duplicateIds';
import { capacityTimelines } from './conflicts/capacityTimeline';
import { reservedCapacityIssues } from './validation/reservedCapacity';
import { compareIssues, Issue, ISSUE_SEVERITY } from './validation/issue';
import { issueMessages } from './validation/issueMessages';
import { tableIssues } from './validation/tableIssues';

let defaultCatalog: Catalog | undefined;
export function getDefaultCatalog(): Catalog {
  defaultCatalog ??= Catalog.fromData(DEFAULT_CATALOG);
  return defaultCatalog;
}

/**
 * Validates every row of the allocation table and finds its conflicts.
 * Problems in cells are issues in the report; only a workbook without any allocation table fails.
 */
export function checkWorkbook(snapshot: WorkbookSnapshot, options: CheckOptions = {}): CheckOutcome {
  const located = locateTables(snapshot, options);
  if (!located.ok) return located;
  const { allocation, allocationSheet, capacity, capacitySheet } = located;
  const issues: Issue[] = [];
  const catalog = workbookCatalog(snapshot, options.catalog ?? getDefaultCatalog(), issues);

  const allocationRequired: BookingField[] = capacity === null ? [...ALLOCATION_REQUIRED] : [...ALLOCATION_REQUIRED, 'chips'];
  appendAll(issues, tableIssues(allocation, allocationRequired, capacity === null ? undefined : 'a Capacity table needs Chips on every booking'));
  const read = readBookings(allocationSheet, allocation, { catalog, date1904: snapshot.date1904, required: allocationRequired, checkTflops: true });
  appendAll(issues, read.issues);
  appendAll(issues, duplicateIdIssues(read.bookings, allocation));

  let capacityRows: CapacityRow[] = [];
  if (capacity !== null && capacitySheet !== undefined) {
    appendAll(issues, tableIssues(capacity, CAPACITY_REQUIRED));
    const readCapacity = readBookings(capacitySheet, capacity, { catalog, date1904: snapshot.date1904, required: CAPACITY_REQUIRED, checkTflops: false });
    capacityRows = readCapacity.bookings;
    appendAll(issues, readCapacity.issues);
  }

  const accepted = readAcceptances(findSheet(snapshot, RESOLUTION_LOG_SHEET), snapshot.date1904);
  const pools = new PoolNumbers();
  const demand = intervalsOf(read.bookings, pools);
  const capacityIntervals = capacity === null ? null : intervalsOf(capacityRows, pools);
  // The sweep's pieces of days are kept for the signals, which would otherwise sort every pool again.
  const segments = segmentsFor(pools, demand, capacityIntervals);
  const detected = conflictsOf(read.bookings, demand, capacityIntervals, pools, accepted, segments);
  // Without a Chips column nobody booked a number of chips, so there is no figure to report.
  const conflicts = allocation.columns.chips === undefined ? detected.map((conflict) => ({ ...conflict, bookedChips: null })) : detected;
  if (capacityIntervals !== null) {
    appendAll(issues, unreservedIssues(read.bookings, demand, capacityIntervals, pools.keys.length, allocation));
    appendAll(issues, reservedCapacityIssues(read.bookings, capacityTimelines(capacityRows), allocation));
  }

  const sheetOrder = new Map(snapshot.sheets.map((sheet, index) => [sheet.name, index]));
  issues.sort(compareIssues((sheet) => sheetOrder.get(sheet) ?? Number.MAX_SAFE_INTEGER));
  const report: CheckReport = { allocation, capacity, date1904: snapshot.date1904, bookings: read.bookings, capacityRows, issues, conflicts, catalog };
  keepReportIntervals(report, { pools, demand, capacity: capacityIntervals, segments });
  return { ok: true, report };
}

/** The catalog extended by the workbook's Catalog sheet, its unusable rows reported into `issues`. */
function workbookCatalog(snapshot: WorkbookSnapshot, base: Catalog, issues: Issue[]): Catalog {
  const sheet = findSheet(snapshot, CATALOG_SHEET);
  if (sheet === undefined) return base;
  const fromSheet = readCatalogSheet(sheet);
  appendAll(issues, fromSheet.issues);
  const extended = base.safeExtend(fromSheet.extension);
  if (extended.ok) return extended.catalog;
  issues.push({
    sheet: sheet.name, row: 1, column: '', cell: null, severity: ISSUE_SEVERITY['invalid-catalog-row'],
    code: 'invalid-catalog-row', message: issueMessages.invalidCatalogRow(extended.problems.join('; ')),
  });
  return base;
}

/** Pushes one by one: `push(...items)` passes every item as an argument and overflows the stack past about 120,000. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}
