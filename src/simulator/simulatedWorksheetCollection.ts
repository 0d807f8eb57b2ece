import { ProxyOrigin, ScalarReader, SimulatedClientObject, SimulatedClientResult } from './simulatedClientObject';
import { SimulatedEventHandlers } from './simulatedEventHandlers';
import { SimulatedOfficeError } from './simulatedOfficeError';
import type { SimulatedRequestContext, SyncSession } from './simulatedRequestContext';
import { SimulatedWorksheet, WORKSHEET_PROPERTIES, isValidSheetName } from './simulatedWorksheet';

/** `Excel.WorksheetCollection`. */
export class SimulatedWorksheetCollection extends SimulatedClientObject {
  readonly onChanged: SimulatedEventHandlers;

  constructor(context: SimulatedRequestContext, origin: ProxyOrigin) {
    super(context, 'WorksheetCollection', origin);
    this.onChanged = new SimulatedEventHandlers(this, () => 'allSheets');
  }

  protected scalarReaders(): Readonly<Record<string, ScalarReader>> {
    return {};
  }

  /** Loaded worksheets, in workbook order. */
  get items(): SimulatedWorksheet[] {
    return this.loadedValue('items');
  }

  /** `load('name')` and `load('items/name')` both load the items' names, as in Office.js. */
  override loadPaths(paths: readonly (readonly string[])[]): void {
    const names = new Set<string>();
    const all = Object.keys(WORKSHEET_PROPERTIES);
    for (const raw of paths.length === 0 ? [['*']] : paths) {
      const path = raw[0] === 'items' ? raw.slice(1) : raw;
      const [head, ...rest] = path.length === 0 ? ['*'] : path;
      if (head === '*' || head === '') all.forEach((name) => names.add(name));
      else if (head === 'isNullObject') continue;
      else if (rest.length === 0 && head in WORKSHEET_PROPERTIES) names.add(head);
      else throw SimulatedOfficeError.notSimulated(`Worksheet.${path.join('/')}`);
    }
    // The id is always fetched: Office.js pins each item proxy to its sheet by id.
    const selected = [...new Set(['id', ...names])];
    this.queueMethod(
      'Query',
      [selected],
      (session) => session.model.sheets.map((sheet) => Object.fromEntries(selected.map((name) => [name, WORKSHEET_PROPERTIES[name](session.model, sheet)]))),
      (result) => {
        const items = (result as Array<Record<string, unknown>>).map((values) => {
          const id = values.id as string;
          const sheet = new SimulatedWorksheet(this.context, (session) => session.model.sheetById(id), { parentPathId: this.pathId, name: '_Items', queued: false }, { sheetId: id });
          sheet.acceptLoaded(names.has('id') ? values : Object.fromEntries(Object.entries(values).filter(([name]) => name !== 'id')));
          return sheet;
        });
        this.acceptLoaded({ items });
      },
    );
  }

  /** By name (case-insensitive) or id; ItemNotFound at sync when missing. */
  getItem(key: string): SimulatedWorksheet {
    return this.item(key, false);
  }

  /** By name or id; a null object when missing (ExcelApi 1.4). */
  getItemOrNullObject(key: string): SimulatedWorksheet {
    return this.item(key, true);
  }

  private item(key: string, orNull: boolean): SimulatedWorksheet {
    this.assertUsable();
    return new SimulatedWorksheet(
      this.context,
      (session) => {
        if (typeof key !== 'string') throw SimulatedOfficeError.invalidArgument('key', 'WorksheetCollection.getItem');
        return session.model.findSheet(key);
      },
      { parentPathId: this.pathId, name: orNull ? 'GetItemOrNullObject' : 'GetItem', args: [key] },
      { orNull },
    );
  }

  /** Adds a sheet at the end at sync; a taken name is ItemAlreadyExists, a malformed one InvalidArgument. */
  add(name?: string): SimulatedWorksheet {
    this.assertUsable();
    return new SimulatedWorksheet(this.context, (session: SyncSession) => this.addSheet(session, name), {
      parentPathId: this.pathId,
      name: 'Add',
      args: name === undefined ? [] : [name],
    });
  }

  private addSheet(session: SyncSession, name: string | undefined) {
    const model = session.model;
    const sheetName = name ?? model.nextDefaultSheetName();
    if (!isValidSheetName(sheetName)) throw SimulatedOfficeError.invalidArgument('name', 'WorksheetCollection.add');
    if (model.findSheet(sheetName) !== undefined) throw SimulatedOfficeError.of('ItemAlreadyExists', 'WorksheetCollection.add');
    return model.addSheet(sheetName);
  }

  getActiveWorksheet(): SimulatedWorksheet {
    this.assertUsable();
    return new SimulatedWorksheet(this.context, (session) => session.model.sheetById(session.model.activeSheetId), {
      parentPathId: this.pathId,
      name: 'GetActiveWorksheet',
    });
  }

  getCount(visibleOnly?: boolean): SimulatedClientResult<number> {
    const result = new SimulatedClientResult<number>();
    this.queueMethod(
      'GetCount',
      [visibleOnly === true],
      (session) => session.model.sheets.filter((sheet) => visibleOnly !== true || sheet.visibility === 'Visible').length,
      (count) => result.fill(count as number),
    );
    return result;
  }
}
