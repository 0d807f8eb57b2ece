import { normalizeHeader } from '../catalog/normalizeName';
import { CATALOG_SHEET } from '../catalog/catalogSheet';
import { CheckOptions } from '../model/report';
import { SheetSnapshot, WorkbookSnapshot } from '../model/snapshot';
import { RESOLUTION_LOG_SHEET } from '../resolutions/resolutionLog';
import {
  ALLOCATION_REQUIRED, BookingField, CAPACITY_REQUIRED, FIELD_LABELS, findHeader, findPartialHeader, isCapacityLayout, layoutOfTable, namesAll,
  TableKind, TableLayout, tablesInReadingOrder,
} from './tableLayout';

/** Where the allocation table and the optional Capacity table are, or why there is no allocation table. */
export type LocatedTables =
  | { ok: true; allocation: TableLayout; allocationSheet: SheetSnapshot; capacity: TableLayout | null; capacitySheet?: SheetSnapshot }
  | { ok: false; problem: string };

const RESERVED_SHEETS = new Set([CATALOG_SHEET, RESOLUTION_LOG_SHEET].map(normalizeHeader));
const isCapacityName = (name: string): boolean => normalizeHeader(name) === 'capacity';
const REQUIRED_NAMES = ALLOCATION_REQUIRED.map((field) => FIELD_LABELS[field]).join(', ');

/** The sheet of that name, matched exactly or else as headers are matched. */
export function findSheet(snapshot: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((sheet) => sheet.name === name) ?? snapshot.sheets.find((sheet) => normalizeHeader(sheet.name) === normalizeHeader(name));
}

function sheetList(snapshot: WorkbookSnapshot): string {
  return snapshot.sheets.map((sheet) => `"${sheet.name}"`).join(', ') || 'none';
}

/**
 * Finds the tables by their headers: the allocation table is the first (sheets in workbook order, on a
 * sheet its Excel tables in reading order, then its plain cells) that names every required column, or the
 * table or sheet the user named; the Capacity table sits on a sheet named Capacity or else is the first
 * with a capacity header. Very hidden sheets hold add-in state and are never tables.
 */
export function locateTables(workbook: WorkbookSnapshot, options: CheckOptions): LocatedTables {
  const snapshot = { ...workbook, sheets: workbook.sheets.filter((sheet) => sheet.visibility !== 'veryHidden') };
  const allocation = locateAllocation(snapshot, options);
  if (!allocation.ok) return allocation;
  const capacity = locateCapacity(snapshot, options, allocation.layout);
  if (!capacity.ok) return capacity;
  return { ok: true, allocation: allocation.layout, allocationSheet: allocation.sheet, capacity: capacity.layout ?? null, capacitySheet: capacity.sheet };
}

type Located = { ok: true; sheet: SheetSnapshot; layout: TableLayout } | { ok: false; problem: string };

/** The sheet's first Excel table naming every one of `fields`, else a plain header row that does. */
function findOnSheet(sheet: SheetSnapshot, fields: readonly BookingField[], kind: TableKind, accept = (_layout: TableLayout) => true): TableLayout | undefined {
  for (const table of tablesInReadingOrder(sheet)) {
    const layout = layoutOfTable(sheet, table, kind);
    if (namesAll(layout, fields) && accept(layout)) return layout;
  }
  const plain = findHeader(sheet, fields, kind);
  // A header row inside an Excel table belongs to that table, never to a plain range.
  const insideTable = (layout: TableLayout) => (sheet.tables ?? []).some((table) => layout.headerRow > table.range.row && layout.headerRow <= table.range.row + table.range.rowCount);
  return plain !== undefined && !insideTable(plain) && accept(plain) ? plain : undefined;
}

/** The sheet's table or header row naming most of `fields` (at least `minimum`), for reporting what is missing. */
function findPartialOnSheet(sheet: SheetSnapshot, fields: readonly BookingField[], minimum: number, kind: TableKind): TableLayout | undefined {
  const present = (layout: TableLayout) => fields.filter((field) => layout.columns[field] !== undefined).length;
  const tables = tablesInReadingOrder(sheet).map((table) => layoutOfTable(sheet, table, kind)).filter((layout) => present(layout) >= minimum);
  const best = tables.reduce<TableLayout | undefined>((winner, layout) => (winner === undefined || present(layout) > present(winner) ? layout : winner), undefined);
  return best ?? findPartialHeader(sheet, fields, minimum, kind);
}

function locateAllocation(snapshot: WorkbookSnapshot, options: CheckOptions): Located {
  if (options.table !== undefined) return locateNamedTable(snapshot, options.table);
  if (options.sheet !== undefined) {
    const sheet = findSheet(snapshot, options.sheet);
    if (sheet === undefined) return { ok: false, problem: `No sheet named "${options.sheet}"; the sheets are ${sheetList(snapshot)}.` };
    const layout = findOnSheet(sheet, ALLOCATION_REQUIRED, 'allocation') ?? findPartialOnSheet(sheet, ALLOCATION_REQUIRED, 2, 'allocation');
    if (layout === undefined) return { ok: false, problem: `Sheet "${sheet.name}" has no header row naming ${REQUIRED_NAMES} in its first 20 rows.` };
    return { ok: true, sheet, layout };
  }
  const candidates = snapshot.sheets.filter(
    (sheet) => !RESERVED_SHEETS.has(normalizeHeader(sheet.name)) && !isCapacityName(sheet.name) && sheet.name !== options.capacitySheet,
  );
  for (const sheet of candidates) {
    const layout = findOnSheet(sheet, ALLOCATION_REQUIRED, 'allocation');
    if (layout !== undefined) return { ok: true, sheet, layout };
  }
  // With no sheet naming every required column, the one naming most of them gets its missing columns reported.
  for (const sheet of candidates) {
    const layout = findPartialOnSheet(sheet, ALLOCATION_REQUIRED, 3, 'allocation');
    if (layout !== undefined) return { ok: true, sheet, layout };
  }
  return { ok: false, problem: `No allocation table: no sheet has a header row naming ${REQUIRED_NAMES} in its first 20 rows (sheets: ${sheetList(snapshot)}).` };
}

/** The Excel table the user named (`--table`), matched as Excel matches table names: ignoring case. */
function locateNamedTable(snapshot: WorkbookSnapshot, name: string): Located {
  for (const sheet of snapshot.sheets) {
    const table = (sheet.tables ?? []).find((candidate) => candidate.name.toLowerCase() === name.trim().toLowerCase());
    if (table !== undefined) return { ok: true, sheet, layout: layoutOfTable(sheet, table, 'allocation') };
  }
  const names = snapshot.sheets.flatMap((sheet) => (sheet.tables ?? []).map((table) => `"${table.name}"`));
  return { ok: false, problem: `No table named "${name}"; ${names.length === 0 ? 'the workbook has no Excel tables' : `the tables are ${names.join(', ')}`}.` };
}

function locateCapacity(
  snapshot: WorkbookSnapshot, options: CheckOptions, allocation: TableLayout,
): { ok: true; sheet?: SheetSnapshot; layout?: TableLayout } | { ok: false; problem: string } {
  if (options.capacitySheet !== undefined) {
    const sheet = findSheet(snapshot, options.capacitySheet);
    if (sheet === undefined) return { ok: false, problem: `No sheet named "${options.capacitySheet}"; the sheets are ${sheetList(snapshot)}.` };
    const layout = findOnSheet(sheet, CAPACITY_REQUIRED, 'capacity') ?? findPartialOnSheet(sheet, CAPACITY_REQUIRED, 2, 'capacity');
    if (layout === undefined) return { ok: false, problem: `Sheet "${sheet.name}" has no Capacity header (Provider, Region, Silicon, Chips, Start, End) in its first 20 rows.` };
    return { ok: true, sheet, layout };
  }
  // Another sheet: a second table on the allocation sheet is a second plan, not capacity.
  const others = snapshot.sheets.filter((sheet) => sheet.name !== allocation.sheetName && !RESERVED_SHEETS.has(normalizeHeader(sheet.name)));
  const named = others.find((sheet) => isCapacityName(sheet.name));
  if (named !== undefined) {
    const layout = findOnSheet(named, CAPACITY_REQUIRED, 'capacity') ?? findPartialOnSheet(named, CAPACITY_REQUIRED, 3, 'capacity');
    return layout === undefined ? { ok: true } : { ok: true, sheet: named, layout };
  }
  for (const sheet of others) {
    const layout = findOnSheet(sheet, CAPACITY_REQUIRED, 'capacity', isCapacityLayout);
    if (layout !== undefined) return { ok: true, sheet, layout };
  }
  return { ok: true };
}
