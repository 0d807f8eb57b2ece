import { CellRange, MAX_COLUMNS, MAX_ROWS, parseRangeAddress, rangeOrUndefined, splitAddressList } from '../core';
import { epochOf } from './cellContent';
import { sheetOf } from './hostCells';
import { HostError } from './hostError';
import { HostContext, HostObjectOf, TypeDescriptor } from './hostTypes';
import { SheetModel, SheetVisibility } from './workbookModel';

type Sheet = HostObjectOf<'Worksheet'>;

const VISIBILITIES: readonly SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];
const MS_PER_DAY = 86_400_000;

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
export function isValidSheetName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

const visibleCount = (context: HostContext): number => context.model.sheets.filter((sheet) => sheet.visibility === 'Visible').length;

/** The rectangle of an address on this sheet; a sheet name before "!" must be this sheet's. */
function rectOn(context: HostContext, sheet: SheetModel, address: unknown, location: string): CellRange {
  if (typeof address !== 'string' || address.length > context.settings.limits.addressChars) throw HostError.invalidArgument('address', location);
  const parsed = parseRangeAddress(address);
  if (parsed === undefined) throw HostError.invalidArgument('address', location);
  if (parsed.sheetName !== undefined && context.model.findSheet(parsed.sheetName) !== sheet) throw HostError.invalidArgument('address', location);
  return parsed.range;
}

function usedRange(object: Sheet, args: readonly unknown[], context: HostContext, orNull: boolean) {
  const rect = context.model.usedRect(sheetOf(context, object.sheetId), args[0] === true);
  if (rect !== undefined) return { type: 'Range' as const, sheetId: object.sheetId, rect };
  // A blank sheet's used range is A1 (typings of Worksheet.getUsedRange).
  return orNull ? null : { type: 'Range' as const, sheetId: object.sheetId, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
}

function registration(context: HostContext, key: string, delta: number): void {
  context.changeRegistrations.set(key, Math.max(0, (context.changeRegistrations.get(key) ?? 0) + delta));
}

export const WORKSHEET: TypeDescriptor<Sheet> = {
  id: ({ sheetId }) => sheetId,
  properties: {
    id: { since: 1, get: ({ sheetId }) => sheetId },
    name: {
      since: 1,
      get: (object, context) => sheetOf(context, object.sheetId).name,
      set: (object, value, context) => {
        const sheet = sheetOf(context, object.sheetId);
        if (!isValidSheetName(value)) throw HostError.invalidArgument('name', 'Worksheet.name');
        const clash = context.model.findSheet(value);
        if (clash !== undefined && clash !== sheet) throw HostError.of('ItemAlreadyExists', 'Worksheet.name');
        context.model.renameSheet(sheet, value);
      },
    },
    position: {
      since: 1,
      get: (object, context) => context.model.sheets.indexOf(sheetOf(context, object.sheetId)),
      set: (object, value, context) => {
        if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= context.model.sheets.length) throw HostError.invalidArgument('position', 'Worksheet.position');
        context.model.moveSheet(sheetOf(context, object.sheetId), value as number);
      },
    },
    visibility: {
      since: 1,
      get: (object, context) => sheetOf(context, object.sheetId).visibility,
      set: (object, value, context) => {
        const sheet = sheetOf(context, object.sheetId);
        if (!VISIBILITIES.includes(value as SheetVisibility)) throw HostError.invalidArgument('visibility', 'Worksheet.visibility');
        // Excel keeps at least one visible sheet.
        if (value !== 'Visible' && sheet.visibility === 'Visible' && visibleCount(context) === 1) throw HostError.of('InvalidOperation', 'Worksheet.visibility');
        context.model.setVisibility(sheet, value as SheetVisibility);
      },
    },
  },
  navigation: {
    protection: { since: 2, get: ({ sheetId }) => ({ type: 'WorksheetProtection', sheetId }) },
    tables: { since: 1, get: ({ sheetId }) => ({ type: 'TableCollection', sheetId }) },
  },
  methods: {
    GetRange: {
      since: 1,
      call: (object, args, context) => {
        const sheet = sheetOf(context, object.sheetId);
        const rect = args[0] === undefined || args[0] === null ? { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } : rectOn(context, sheet, args[0], 'Worksheet.getRange');
        return { type: 'Range', sheetId: object.sheetId, rect };
      },
    },
    GetRanges: {
      since: 9,
      call: (object, args, context) => {
        const sheet = sheetOf(context, object.sheetId);
        const address = args[0];
        if (typeof address !== 'string' || address.length > context.settings.limits.addressChars) throw HostError.invalidArgument('address', 'Worksheet.getRanges');
        return { type: 'RangeAreas', sheetId: object.sheetId, rects: splitAddressList(address).map((part) => rectOn(context, sheet, part, 'Worksheet.getRanges')) };
      },
    },
    GetRangeByIndexes: {
      since: 7,
      call: (object, args) => {
        const [row, column, rowCount, columnCount] = args as number[];
        const rect = args.every(Number.isInteger) ? rangeOrUndefined(row, column, rowCount, columnCount) : undefined;
        if (rect === undefined) throw HostError.invalidArgument('startRow', 'Worksheet.getRangeByIndexes');
        return { type: 'Range', sheetId: object.sheetId, rect };
      },
    },
    GetCell: {
      since: 1,
      call: (object, args) => {
        const rect = args.every(Number.isInteger) ? rangeOrUndefined(args[0] as number, args[1] as number, 1, 1) : undefined;
        if (rect === undefined) throw HostError.invalidArgument('row', 'Worksheet.getCell');
        return { type: 'Range', sheetId: object.sheetId, rect };
      },
    },
    GetUsedRange: { since: 1, call: (object, args, context) => usedRange(object, args, context, false) },
    GetUsedRangeOrNullObject: { since: 4, call: (object, args, context) => usedRange(object, args, context, true) },
    Activate: {
      since: 1,
      call: (object, _args, context) => {
        const sheet = sheetOf(context, object.sheetId);
        if (sheet.visibility !== 'Visible') throw HostError.of('InvalidOperation', 'Worksheet.activate');
        context.model.activate(sheet);
      },
    },
    // Deleting a VeryHidden sheet is InvalidOperation (typings of Worksheet.delete); so is deleting the last visible one.
    Delete: {
      since: 1,
      call: (object, _args, context) => {
        const sheet = sheetOf(context, object.sheetId);
        if (sheet.visibility === 'VeryHidden' || (sheet.visibility === 'Visible' && visibleCount(context) === 1)) throw HostError.of('InvalidOperation', 'Worksheet.delete');
        context.model.removeSheet(sheet);
      },
    },
    _RegisterDataChangedEvent: { since: 7, call: ({ sheetId }, _args, context) => registration(context, sheetId, 1) },
    _UnregisterDataChangedEvent: { since: 7, call: ({ sheetId }, _args, context) => registration(context, sheetId, -1) },
  },
};

export const WORKSHEET_PROTECTION: TypeDescriptor<HostObjectOf<'WorksheetProtection'>> = {
  properties: { protected: { since: 2, get: ({ sheetId }, context) => sheetOf(context, sheetId).protected } },
};

function sheetByKey(context: HostContext, key: unknown): SheetModel | undefined {
  if (typeof key !== 'string') throw HostError.invalidArgument('key', 'WorksheetCollection.getItem');
  return context.model.findSheet(key);
}

export const WORKSHEET_COLLECTION: TypeDescriptor<HostObjectOf<'WorksheetCollection'>> = {
  items: (_object, context) => context.model.sheets.map((sheet) => ({ type: 'Worksheet', sheetId: sheet.id })),
  indexer: {
    since: 1,
    call: (_object, args, context) => {
      const sheet = sheetByKey(context, args[0]);
      if (sheet === undefined) throw HostError.of('ItemNotFound', 'WorksheetCollection.getItem');
      return { type: 'Worksheet', sheetId: sheet.id };
    },
  },
  methods: {
    GetItemOrNullObject: {
      since: 4,
      call: (_object, args, context) => {
        const sheet = sheetByKey(context, args[0]);
        return sheet === undefined ? null : { type: 'Worksheet', sheetId: sheet.id };
      },
    },
    // A taken name is ItemAlreadyExists: what the second of two co-authors adding one sheet gets.
    Add: {
      since: 1,
      call: (_object, args, context) => {
        const name = args[0] ?? context.model.nextDefaultSheetName();
        if (!isValidSheetName(name)) throw HostError.invalidArgument('name', 'WorksheetCollection.add');
        if (context.model.findSheet(name) !== undefined) throw HostError.of('ItemAlreadyExists', 'WorksheetCollection.add');
        return { type: 'Worksheet', sheetId: context.model.addSheet(name).id };
      },
    },
    GetActiveWorksheet: { since: 1, call: (_object, _args, context) => ({ type: 'Worksheet', sheetId: context.model.activeSheetId }) },
    GetCount: { since: 4, call: (_object, args, context) => context.model.sheets.filter((sheet) => args[0] !== true || sheet.visibility === 'Visible').length },
    _RegisterDataChangedEvent: { since: 9, call: (_object, _args, context) => registration(context, 'Workbook', 1) },
    _UnregisterDataChangedEvent: { since: 9, call: (_object, _args, context) => registration(context, 'Workbook', -1) },
  },
};

function selection(context: HostContext) {
  const current = context.model.currentSelection();
  sheetOf(context, current.sheetId);
  return current;
}

export const WORKBOOK: TypeDescriptor<HostObjectOf<'Workbook'>> = {
  navigation: {
    worksheets: { since: 1, get: () => ({ type: 'WorksheetCollection' }) },
    tables: { since: 1, get: () => ({ type: 'TableCollection' }) },
    functions: { since: 2, get: () => ({ type: 'Functions' }) },
  },
  methods: {
    GetSelectedRange: {
      since: 1,
      call: (_object, _args, context) => {
        const { sheetId, rects } = selection(context);
        if (rects.length !== 1) throw HostError.of('InvalidSelection', 'Workbook.getSelectedRange');
        return { type: 'Range', sheetId, rect: rects[0] };
      },
    },
    GetSelectedRanges: { since: 9, call: (_object, _args, context) => ({ type: 'RangeAreas', ...selection(context) }) },
    // WorksheetChangedEventArgs.getRange(context) asks for the changed range by the reference the event carried.
    _GetRangeForEventByReferenceId: { since: 9, call: (_object, args, context) => eventRange(context, args[0], false) },
    _GetRangeOrNullObjectForEventByReferenceId: { since: 9, call: (_object, args, context) => eventRange(context, args[0], true) },
    _RemoveReference: {
      since: 1,
      call: (_object, args, context) => {
        if (typeof args[0] !== 'string' || !context.references.delete(args[0])) throw HostError.invalidArgument('referenceId', 'Workbook._RemoveReference');
      },
    },
  },
};

function eventRange(context: HostContext, referenceId: unknown, orNull: boolean) {
  const range = typeof referenceId === 'string' ? context.references.get(referenceId) : undefined;
  if (range !== undefined && range.type === 'Range' && context.model.sheetById(range.sheetId) !== undefined) return range;
  if (orNull) return null;
  throw HostError.of('ItemNotFound', 'WorksheetChangedEventArgs.getRange');
}

export const FUNCTIONS: TypeDescriptor<HostObjectOf<'Functions'>> = {
  methods: {
    // DATE gives the serial of a day in the workbook's own date system, which is how an add-in can tell 1904 from 1900.
    Date: {
      since: 2,
      call: (_object, args, context) => {
        const [year, month, day] = args as number[];
        if (![year, month, day].every(Number.isInteger)) return { type: 'FunctionResult', value: null, error: '#VALUE!' };
        return { type: 'FunctionResult', value: (Date.UTC(year, month - 1, day) - epochOf(context.model.date1904)) / MS_PER_DAY, error: null };
      },
    },
  },
};

export const FUNCTION_RESULT: TypeDescriptor<HostObjectOf<'FunctionResult'>> = {
  properties: {
    value: { since: 2, get: ({ value }) => value },
    error: { since: 2, get: ({ error }) => error },
  },
};
