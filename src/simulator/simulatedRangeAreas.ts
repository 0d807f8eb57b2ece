import { CellRange, formatSheetRangeAddress } from '../core';
import { ProxyOrigin, ScalarReader, SimulatedClientObject, SimulatedClientResult } from './simulatedClientObject';
import { SimulatedOfficeError } from './simulatedOfficeError';
import { RANGE_PROPERTIES, SimulatedRange } from './simulatedRange';
import { CellTargets, SimulatedRangeFormat } from './simulatedRangeFormat';
import type { SimulatedRequestContext, SyncSession } from './simulatedRequestContext';
import { SimulatedWorksheet } from './simulatedWorksheet';

/** Finds the areas at sync time; null makes a null object. */
export type AreasResolver = (session: SyncSession) => CellTargets | null;

/** `Excel.RangeAreas` (ExcelApi 1.9): several rectangles on one sheet, formatted in one call. */
export class SimulatedRangeAreas extends SimulatedClientObject {
  private readonly resolver: AreasResolver;
  private pinned: { readonly sheetId: string; readonly rects: readonly CellRange[] } | undefined;
  private formatProxy: SimulatedRangeFormat | undefined;
  private areasProxy: SimulatedRangeCollection | undefined;
  private worksheetProxy: SimulatedWorksheet | undefined;

  constructor(context: SimulatedRequestContext, resolver: AreasResolver, origin: ProxyOrigin) {
    super(context, 'RangeAreas', origin);
    this.resolver = resolver;
  }

  protected override instantiate(session: SyncSession): boolean {
    const resolved = this.resolver(session);
    if (resolved === null) return true;
    this.pinned = { sheetId: resolved.sheet.id, rects: resolved.rects };
    return false;
  }

  targets(session: SyncSession): CellTargets {
    if (this.resolvedAsNull) throw SimulatedOfficeError.of('ItemNotFound', 'RangeAreas');
    if (this.pinned === undefined && this.instantiate(session)) throw SimulatedOfficeError.of('ItemNotFound', 'RangeAreas');
    const pinned = this.pinned as { sheetId: string; rects: readonly CellRange[] };
    const sheet = session.model.sheetById(pinned.sheetId);
    if (sheet === undefined) throw SimulatedOfficeError.of('ItemNotFound', 'RangeAreas');
    return { sheet, rects: pinned.rects };
  }

  protected scalarReaders(): Readonly<Record<string, ScalarReader>> {
    // The typings give "Sheet1!A1:B4, Sheet1!D1:D4" as the shape of RangeAreas.address.
    const address = (session: SyncSession): string => {
      const { sheet, rects } = this.targets(session);
      return rects.map((rect) => formatSheetRangeAddress(sheet.name, rect)).join(', ');
    };
    return {
      address,
      addressLocal: address,
      areaCount: (session) => this.targets(session).rects.length,
      cellCount: (session) => this.targets(session).rects.reduce((sum, rect) => sum + rect.rowCount * rect.columnCount, 0),
    };
  }

  protected override navigationProperty(name: string): SimulatedClientObject | undefined {
    if (name === 'format') return this.format;
    if (name === 'areas') return this.areas;
    if (name === 'worksheet') return this.worksheet;
    return undefined;
  }

  get address(): string {
    return this.loadedValue('address');
  }
  get addressLocal(): string {
    return this.loadedValue('addressLocal');
  }
  get areaCount(): number {
    return this.loadedValue('areaCount');
  }
  get cellCount(): number {
    return this.loadedValue('cellCount');
  }

  get format(): SimulatedRangeFormat {
    this.assertUsable();
    this.formatProxy ??= new SimulatedRangeFormat(this.context, (session) => this.targets(session), { parentPathId: this.pathId, name: 'Format' });
    return this.formatProxy;
  }

  get areas(): SimulatedRangeCollection {
    this.assertUsable();
    this.areasProxy ??= new SimulatedRangeCollection(this.context, (session) => this.targets(session), { parentPathId: this.pathId, name: 'Areas' });
    return this.areasProxy;
  }

  get worksheet(): SimulatedWorksheet {
    this.assertUsable();
    this.worksheetProxy ??= new SimulatedWorksheet(this.context, (session) => this.targets(session).sheet, { parentPathId: this.pathId, name: 'Worksheet' });
    return this.worksheetProxy;
  }

  /** Selects all the areas (ExcelApi 1.18). */
  select(): void {
    this.queueMethod('Select', [], (session) => {
      const { sheet, rects } = this.targets(session);
      session.model.select(sheet, rects);
    });
  }
}

/** `Excel.RangeCollection`, as `RangeAreas.areas` returns it. */
export class SimulatedRangeCollection extends SimulatedClientObject {
  private readonly areasOf: (session: SyncSession) => CellTargets;

  constructor(context: SimulatedRequestContext, areasOf: (session: SyncSession) => CellTargets, origin: ProxyOrigin) {
    super(context, 'RangeCollection', origin);
    this.areasOf = areasOf;
  }

  protected scalarReaders(): Readonly<Record<string, ScalarReader>> {
    return {};
  }

  get items(): SimulatedRange[] {
    return this.loadedValue('items');
  }

  /** `load('address')` and `load('items/address')` both load the items' addresses. */
  override loadPaths(paths: readonly (readonly string[])[]): void {
    const names = new Set<string>();
    for (const raw of paths.length === 0 ? [['*']] : paths) {
      const path = raw[0] === 'items' ? raw.slice(1) : raw;
      const [head, ...rest] = path.length === 0 ? ['*'] : path;
      if (head === '*' || head === '') Object.keys(RANGE_PROPERTIES).forEach((name) => names.add(name));
      else if (rest.length === 0 && head in RANGE_PROPERTIES) names.add(head);
      else throw SimulatedOfficeError.notSimulated(`Range.${path.join('/')}`);
    }
    const selected = [...names];
    let resolved: CellTargets | undefined;
    this.queueMethod(
      'Query',
      [selected],
      (session) => {
        resolved = this.areasOf(session);
        const { sheet, rects } = resolved;
        return rects.map((rect) => Object.fromEntries(selected.map((name) => [name, RANGE_PROPERTIES[name](session, { sheet, rect })])));
      },
      (result) => {
        const { sheet, rects } = resolved as CellTargets;
        const items = (result as Array<Record<string, unknown>>).map((values, index) => {
          const range = new SimulatedRange(
            this.context,
            (session) => {
              const current = session.model.sheetById(sheet.id);
              if (current === undefined) throw SimulatedOfficeError.of('ItemNotFound', 'Range');
              return { sheet: current, rect: rects[index] };
            },
            { parentPathId: this.pathId, name: '_Items', queued: false },
          );
          range.acceptLoaded(values);
          return range;
        });
        this.acceptLoaded({ items });
      },
    );
  }

  getCount(): SimulatedClientResult<number> {
    const result = new SimulatedClientResult<number>();
    this.queueMethod('GetCount', [], (session) => this.areasOf(session).rects.length, (count) => result.fill(count as number));
    return result;
  }
}
