import { normalizeHeader } from '../catalog/normalizeName';
import { CATALOG_SHEET } from '../catalog/catalogSheet';
import { CheckOptions } from '../model/report';
import { SheetSnapshot, WorkbookSnapshot } from '../model/snapshot';
import { RESOLUTION_LOG_SHEET } from '../resolutions/resolutionLog';
import { ALLOCATION_REQUIRED, CAPACITY_REQUIRED, FIELD_LABELS, findHeader, findPartialHeader, isCapacityLayout, TableLayout } from './tableLayout';

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
 * Finds the tables by their headers: the allocation table on the first sheet that names every required
 * column (or the sheet the user named), the Capacity table on a sheet named Capacity or else the first
 * sheet with a capacity header. Very hidden sheets hold add-in state and are never tables.
 */
export function locateTables(workbook: WorkbookSnapshot, options: CheckOptions): LocatedTables {
  const snapshot = { ...workbook, sheets: workbook.sheets.filter((sheet) => sheet.visibility !== 'veryHidden') };
  const allocation = locateAllocation(snapshot, options);
  if (!allocation.ok) return allocation;
  const capacity = locateCapacity(snapshot, options, allocation.sheet);
  if (!capacity.ok) return capacity;
  return { ok: true, allocation: allocation.layout, allocationSheet: allocation.sheet, capacity: capacity.layout ?? null, capacitySheet: capacity.sheet };
}

type Located = { ok: true; sheet: SheetSnapshot; layout: TableLayout } | { ok: false; problem: string };

function locateAllocation(snapshot: WorkbookSnapshot, options: CheckOptions): Located {
  if (options.sheet !== undefined) {
    const sheet = findSheet(snapshot, options.sheet);
    if (sheet === undefined) return { ok: false, problem: `No sheet named "${options.sheet}"; the sheets are ${sheetList(snapshot)}.` };
    const layout = findHeader(sheet, ALLOCATION_REQUIRED) ?? findPartialHeader(sheet, ALLOCATION_REQUIRED, 2);
    if (layout === undefined) return { ok: false, problem: `Sheet "${sheet.name}" has no header row naming ${REQUIRED_NAMES} in its first 20 rows.` };
    return { ok: true, sheet, layout };
  }
  const candidates = snapshot.sheets.filter(
    (sheet) => !RESERVED_SHEETS.has(normalizeHeader(sheet.name)) && !isCapacityName(sheet.name) && sheet.name !== options.capacitySheet,
  );
  // A sheet naming every required column wins over an earlier one that names most of them.
  for (const find of [(sheet: SheetSnapshot) => findHeader(sheet, ALLOCATION_REQUIRED), (sheet: SheetSnapshot) => findPartialHeader(sheet, ALLOCATION_REQUIRED, 3)]) {
    for (const sheet of candidates) {
      const layout = find(sheet);
      if (layout !== undefined) return { ok: true, sheet, layout };
    }
  }
  return { ok: false, problem: `No allocation table: no sheet has a header row naming ${REQUIRED_NAMES} in its first 20 rows (sheets: ${sheetList(snapshot)}).` };
}

function locateCapacity(
  snapshot: WorkbookSnapshot, options: CheckOptions, allocationSheet: SheetSnapshot,
): { ok: true; sheet?: SheetSnapshot; layout?: TableLayout } | { ok: false; problem: string } {
  if (options.capacitySheet !== undefined) {
    const sheet = findSheet(snapshot, options.capacitySheet);
    if (sheet === undefined) return { ok: false, problem: `No sheet named "${options.capacitySheet}"; the sheets are ${sheetList(snapshot)}.` };
    const layout = findHeader(sheet, CAPACITY_REQUIRED) ?? findPartialHeader(sheet, CAPACITY_REQUIRED, 2);
    if (layout === undefined) return { ok: false, problem: `Sheet "${sheet.name}" has no Capacity header (Provider, Region, Silicon, Chips, Start, End) in its first 20 rows.` };
    return { ok: true, sheet, layout };
  }
  const others = snapshot.sheets.filter((sheet) => sheet !== allocationSheet && !RESERVED_SHEETS.has(normalizeHeader(sheet.name)));
  const named = others.find((sheet) => isCapacityName(sheet.name));
  if (named !== undefined) {
    const layout = findHeader(named, CAPACITY_REQUIRED) ?? findPartialHeader(named, CAPACITY_REQUIRED, 3);
    return layout === undefined ? { ok: true } : { ok: true, sheet: named, layout };
  }
  for (const sheet of others) {
    const layout = findHeader(sheet, CAPACITY_REQUIRED);
    if (layout !== undefined && isCapacityLayout(layout)) return { ok: true, sheet, layout };
  }
  return { ok: true };
}
