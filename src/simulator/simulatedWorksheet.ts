import { CellRange, MAX_COLUMNS, MAX_ROWS, rangeOrUndefined, splitAddressList } from '../core';
import { parseAddress } from './parseAddress';
import { ProxyOrigin, ScalarReader, SimulatedClientObject } from './simulatedClientObject';
import { SimulatedEventHandlers } from './simulatedEventHandlers';
import { SimulatedOfficeError } from './simulatedOfficeError';
import { SimulatedRange } from './simulatedRange';
import { SimulatedRangeAreas } from './simulatedRangeAreas';
import type { SimulatedRequestContext, SyncSession } from './simulatedRequestContext';
import { SheetModel, SheetVisibility, WorkbookModel } from './workbookModel';

/** Finds the sheet a proxy stands for at sync time; undefined when there is none. */
export type SheetResolver = (session: SyncSession) => SheetModel | undefined;

const VISIBILITIES: readonly SheetVisibility[] = ['Visible', 'Hidden', 'VeryHidden'];

/** Worksheet scalars as `load()` returns them; also used for `worksheets.load('items/name')`. */
export const WORKSHEET_PROPERTIES: Readonly<Record<string, (model: WorkbookModel, sheet: SheetModel) => unknown>> = {
  id: (_model, sheet) => sheet.id,
  name: (_model, sheet) => sheet.name,
  position: (model, sheet) => model.sheets.indexOf(sheet),
  visibility: (_model, sheet) => sheet.visibility,
};

/** Excel's sheet-name rules: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
export function isValidSheetName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'");
}

function visibleCount(model: WorkbookModel): number {
  return model.sheets.filter((sheet) => sheet.visibility === 'Visible').length;
}

/** `Excel.Worksheet`. */
export class SimulatedWorksheet extends SimulatedClientObject {
  readonly onChanged: SimulatedEventHandlers;
  private readonly resolveSheet: SheetResolver;
  private readonly orNull: boolean;
  /** Once found, the proxy follows the sheet by id, so renames and moves keep it valid. */
  private sheetId: string | undefined;

  constructor(context: SimulatedRequestContext, resolveSheet: SheetResolver, origin: ProxyOrigin, options: { orNull?: boolean; sheetId?: string } = {}) {
    super(context, 'Worksheet', origin);
    this.resolveSheet = resolveSheet;
    this.orNull = options.orNull === true;
    this.sheetId = options.sheetId;
    this.onChanged = new SimulatedEventHandlers(this, (session) => ({ sheetId: this.sheet(session).id }));
  }

  protected override instantiate(session: SyncSession): boolean {
    const sheet = this.find(session);
    if (sheet !== undefined) return false;
    if (this.orNull) return true;
    throw SimulatedOfficeError.of('ItemNotFound', 'WorksheetCollection.getItem');
  }

  private find(session: SyncSession): SheetModel | undefined {
    if (this.sheetId !== undefined) return session.model.sheetById(this.sheetId);
    const sheet = this.resolveSheet(session);
    this.sheetId = sheet?.id;
    return sheet;
  }

  /** The sheet at sync time; ItemNotFound once it is gone. */
  sheet(session: SyncSession): SheetModel {
    const sheet = this.resolvedAsNull ? undefined : this.find(session);
    if (sheet === undefined) throw SimulatedOfficeError.of('ItemNotFound', 'Worksheet');
    return sheet;
  }

  protected scalarReaders(): Readonly<Record<string, ScalarReader>> {
    const readers: Record<string, ScalarReader> = {};
    for (const [name, read] of Object.entries(WORKSHEET_PROPERTIES)) readers[name] = (session) => read(session.model, this.sheet(session));
    return readers;
  }

  get id(): string {
    return this.loadedValue('id');
  }

  get position(): number {
    return this.loadedValue('position');
  }

  set position(position: number) {
    this.queueSet('position', position, (session) => {
      const sheet = this.sheet(session);
      if (!Number.isInteger(position) || position < 0 || position >= session.model.sheets.length) throw SimulatedOfficeError.invalidArgument('position', 'Worksheet.position');
      session.model.moveSheet(sheet, position);
    });
  }

  get name(): string {
    return this.loadedValue('name');
  }

  set name(name: string) {
    this.queueSet('name', name, (session) => {
      const sheet = this.sheet(session);
      if (!isValidSheetName(name)) throw SimulatedOfficeError.invalidArgument('name', 'Worksheet.name');
      const clash = session.model.findSheet(name);
      if (clash !== undefined && clash !== sheet) throw SimulatedOfficeError.of('ItemAlreadyExists', 'Worksheet.name');
      session.model.renameSheet(sheet, name);
    });
  }

  get visibility(): SheetVisibility {
    return this.loadedValue('visibility');
  }

  set visibility(visibility: SheetVisibility) {
    this.queueSet('visibility', visibility, (session) => {
      const sheet = this.sheet(session);
      if (!VISIBILITIES.includes(visibility)) throw SimulatedOfficeError.invalidArgument('visibility', 'Worksheet.visibility');
      // Assumed from Excel's UI rule that a workbook keeps at least one visible sheet.
      if (visibility !== 'Visible' && sheet.visibility === 'Visible' && visibleCount(session.model) === 1) {
        throw SimulatedOfficeError.of('InvalidOperation', 'Worksheet.visibility');
      }
      session.model.setVisibility(sheet, visibility);
    });
  }

  /** A rectangular range; no address means the whole sheet. Bad or over-long addresses fail at sync. */
  getRange(address?: string): SimulatedRange {
    this.assertUsable();
    return new SimulatedRange(
      this.context,
      (session) => ({ sheet: this.sheet(session), rect: this.rectOf(session, address) }),
      { parentPathId: this.pathId, name: 'GetRange', args: address === undefined ? [] : [address] },
    );
  }

  private rectOf(session: SyncSession, address: string | undefined): CellRange {
    if (address === undefined) return { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS };
    if (typeof address !== 'string' || address.length > session.limits.addressChars) throw SimulatedOfficeError.invalidArgument('address', 'Worksheet.getRange');
    const parsed = parseAddress(address);
    this.assertSameSheet(session, parsed.sheetName);
    return parsed.range;
  }

  private assertSameSheet(session: SyncSession, sheetName: string | undefined): void {
    if (sheetName !== undefined && session.model.findSheet(sheetName) !== this.sheet(session)) {
      throw SimulatedOfficeError.invalidArgument('address', 'Worksheet.getRange');
    }
  }

  /** Several areas at once (ExcelApi 1.9), separated by "," or ";". The whole string is limited to 8,192 characters. */
  getRanges(address?: string): SimulatedRangeAreas {
    this.assertUsable();
    return new SimulatedRangeAreas(
      this.context,
      (session) => {
        const sheet = this.sheet(session);
        if (address === undefined) return { sheet, rects: [this.rectOf(session, undefined)] };
        if (typeof address !== 'string' || address.length > session.limits.addressChars) throw SimulatedOfficeError.invalidArgument('address', 'Worksheet.getRanges');
        const rects = splitAddressList(address).map((part) => {
          const parsed = parseAddress(part);
          this.assertSameSheet(session, parsed.sheetName);
          return parsed.range;
        });
        return { sheet, rects };
      },
      { parentPathId: this.pathId, name: 'GetRanges', args: address === undefined ? [] : [address] },
    );
  }

  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): SimulatedRange {
    return this.rangeAt('GetRangeByIndexes', [startRow, startColumn, rowCount, columnCount]);
  }

  getCell(row: number, column: number): SimulatedRange {
    return this.rangeAt('GetCell', [row, column, 1, 1]);
  }

  private rangeAt(name: string, [row, column, rowCount, columnCount]: number[]): SimulatedRange {
    this.assertUsable();
    const args = name === 'GetCell' ? [row, column] : [row, column, rowCount, columnCount];
    return new SimulatedRange(
      this.context,
      (session) => {
        const rect = rangeOrUndefined(row, column, rowCount, columnCount);
        if (rect === undefined) throw SimulatedOfficeError.invalidArgument('row', `Worksheet.${name}`);
        return { sheet: this.sheet(session), rect };
      },
      { parentPathId: this.pathId, name, args },
    );
  }

  /** The used range; a blank sheet gives A1 (typings of Worksheet.getUsedRange). */
  getUsedRange(valuesOnly?: boolean): SimulatedRange {
    return this.usedRange(valuesOnly === true, false);
  }

  /** The used range; a blank sheet gives a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): SimulatedRange {
    return this.usedRange(valuesOnly === true, true);
  }

  private usedRange(valuesOnly: boolean, orNull: boolean): SimulatedRange {
    this.assertUsable();
    return new SimulatedRange(
      this.context,
      (session) => {
        const sheet = this.sheet(session);
        const rect = session.model.usedRect(sheet, valuesOnly);
        if (rect !== undefined) return { sheet, rect };
        return orNull ? null : { sheet, rect: { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
      },
      { parentPathId: this.pathId, name: orNull ? 'GetUsedRangeOrNullObject' : 'GetUsedRange', args: [valuesOnly] },
    );
  }

  /** Deleting a VeryHidden sheet is InvalidOperation (typings of Worksheet.delete); so, assumed, is deleting the last visible one. */
  delete(): void {
    this.queueMethod('Delete', [], (session) => {
      const sheet = this.sheet(session);
      const lastVisible = sheet.visibility === 'Visible' && visibleCount(session.model) === 1;
      if (sheet.visibility === 'VeryHidden' || lastVisible) throw SimulatedOfficeError.of('InvalidOperation', 'Worksheet.delete');
      session.model.removeSheet(sheet);
    });
  }

  /** Assumed: a hidden sheet cannot be activated, as in Excel's UI. */
  activate(): void {
    this.queueMethod('Activate', [], (session) => {
      const sheet = this.sheet(session);
      if (sheet.visibility !== 'Visible') throw SimulatedOfficeError.of('InvalidOperation', 'Worksheet.activate');
      session.model.activate(sheet);
    });
  }
}
