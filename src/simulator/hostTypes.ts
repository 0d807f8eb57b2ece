import { CellRange } from '../core';
import { HostError } from './hostError';
import { StoredCell, WorkbookModel } from './workbookModel';
import { HostLocale } from './displayText';

/** What an object path resolves to in the host: plain data naming the workbook part, never a proxy. */
export type HostObject =
  | { readonly type: 'Workbook' }
  | { readonly type: 'WorksheetCollection' }
  | { readonly type: 'Worksheet'; readonly sheetId: string }
  | { readonly type: 'WorksheetProtection'; readonly sheetId: string }
  | { readonly type: 'Range'; readonly sheetId: string; readonly rect: CellRange }
  | { readonly type: 'RangeAreas'; readonly sheetId: string; readonly rects: readonly CellRange[] }
  | { readonly type: 'RangeFormat'; readonly sheetId: string; readonly rects: readonly CellRange[] }
  | { readonly type: 'RangeFill'; readonly sheetId: string; readonly rects: readonly CellRange[] }
  | { readonly type: 'TableCollection'; readonly sheetId?: string }
  | { readonly type: 'Table'; readonly tableId: string }
  | { readonly type: 'TableColumnCollection'; readonly tableId: string }
  | { readonly type: 'TableRowCollection'; readonly tableId: string }
  | { readonly type: 'TableColumn'; readonly tableId: string; readonly index: number }
  | { readonly type: 'TableRow'; readonly tableId: string; readonly index: number }
  | { readonly type: 'Functions' }
  | { readonly type: 'FunctionResult'; readonly value: unknown; readonly error: string | null };

export type HostObjectOf<T extends HostObject['type']> = Extract<HostObject, { type: T }>;

/** A value change a request or an edit made, reported to onChanged handlers afterwards. */
export interface ValueChange {
  readonly sheetId: string;
  readonly rect: CellRange;
  readonly changeType: 'RangeEdited' | 'RowInserted';
  /** Before and after, for single-cell edits only (WorksheetChangedEventArgs.details). */
  readonly single?: { readonly before: StoredCell; readonly after: StoredCell };
}

export interface HostSettings {
  /** ExcelApi minor version the host implements: 9 for ExcelApi 1.9. */
  readonly excelApiMinor: number;
  readonly locale: HostLocale;
  readonly limits: HostLimits;
}

/** Limits Excel on the web enforces (learn.microsoft.com, "Resource limits and performance optimization"). */
export interface HostLimits {
  /** Request and response payload size in bytes of the JSON on the wire; "5MB" read strictly as 5,000,000. */
  readonly payloadBytes: number;
  /** Cells one read may cover ("a range is limited to five million cells for get operations"). */
  readonly cellsPerRead: number;
  /** Characters in a `getRange`/`getRanges` address (typings of Worksheet.getRange: 8192). */
  readonly addressChars: number;
}

export const DEFAULT_LIMITS: HostLimits = { payloadBytes: 5_000_000, cellsPerRead: 5_000_000, addressChars: 8192 };

/** What members see while a request runs. */
export interface HostContext {
  readonly model: WorkbookModel;
  readonly settings: HostSettings;
  readonly changes: ValueChange[];
  /** Registrations of worksheets.onChanged (key 'Workbook') and of one sheet's onChanged (key: its id). */
  readonly changeRegistrations: Map<string, number>;
  /** Kept references (`_KeepReference`), by reference id, until `_RemoveReference`. */
  readonly references: Map<string, HostObject>;
  /** Whether to answer this read of `values` (of the range at this sheet-qualified address) with null, as a test asks (`ExcelSimulator.answerValuesWithNull`). */
  takeNullValuesAnswer(address: string): boolean;
}

/** A member with the ExcelApi minor version that introduced it. */
interface Versioned {
  readonly since: number;
}

export interface PropertyMember<T extends HostObject> extends Versioned {
  readonly get: (object: T, context: HostContext) => unknown;
  readonly set?: (object: T, value: unknown, context: HostContext) => void;
}

export interface NavigationMember<T extends HostObject> extends Versioned {
  readonly get: (object: T, context: HostContext) => HostObject | null;
}

export interface MethodMember<T extends HostObject> extends Versioned {
  /** For method object paths it returns a HostObject (or null for a null object); for method actions, the value answered. */
  readonly call: (object: T, args: readonly unknown[], context: HostContext) => unknown;
}

/** One Excel class as the host implements it: anything not listed is ApiNotFound, with its name. */
export interface TypeDescriptor<T extends HostObject> {
  readonly properties?: Readonly<Record<string, PropertyMember<T>>>;
  readonly navigation?: Readonly<Record<string, NavigationMember<T>>>;
  readonly methods?: Readonly<Record<string, MethodMember<T>>>;
  /** `collection.getItem(key)`, sent as an indexer path. */
  readonly indexer?: MethodMember<T>;
  /** A collection's items, for `load('items/…')`. */
  readonly items?: (object: T, context: HostContext) => HostObject[];
  /** The id Excel sends with an instantiated or listed object (Worksheet.id, Table.id). */
  readonly id?: (object: T, context: HostContext) => string;
}

export type Descriptors = { readonly [K in HostObject['type']]: TypeDescriptor<HostObjectOf<K>> };

/** Throws ApiNotFound for a member newer than the host's ExcelApi version. */
export function checkVersion(member: Versioned, name: string, context: HostContext): void {
  if (member.since > context.settings.excelApiMinor) {
    throw HostError.apiNotFound(name, `needs ExcelApi 1.${member.since}; this host implements ExcelApi 1.${context.settings.excelApiMinor}`);
  }
}

/** "values" → "Values", as Excel names properties on the wire. */
export const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
export const camel = (name: string): string => name.charAt(0).toLowerCase() + name.slice(1);
