import { CellInput, apiValue, cellInputOf, contentFromApiValue, rawContent } from './cellContent';
import {
  RunHost,
  SimulatedExcelNamespace,
  SimulatedOfficeExtensionNamespace,
  createExcelNamespace,
  createOfficeExtensionNamespace,
} from './excelNamespace';
import { normalizeColorOrUndefined } from './normalizeColor';
import { CellRange, formatRangeAddress, formatSheetRangeAddress, MAX_COLUMNS, parseRangeAddress, rangeOrUndefined } from '../core';
import { SimulatedOfficeError } from './simulatedOfficeError';
import {
  ChangeHandler,
  ChangeScope,
  DEFAULT_LIMITS,
  QueuedAction,
  SimulatedRequestContext,
  SimulatorLimits,
  SyncSession,
  ValueChange,
} from './simulatedRequestContext';
import { CellFill, ScalarValue, SheetModel, SheetVisibility, StoredCell, WorkbookModel } from './workbookModel';
import { worksheetChangedEventArgs } from './worksheetChangedEventArgs';

/** One sheet of a simulated workbook, as the constructor takes it and `toSheets` returns it. */
export interface SimulatorSheet {
  readonly name: string;
  /** Values from A1; null is an empty cell, `{ error: '#REF!' }` an error value. Ragged rows are fine. */
  readonly rows?: readonly (readonly CellInput[])[];
  /** Fills by cell or range address: '#RRGGBB' for a solid fill, 'none' for "No Fill". */
  readonly fills?: Readonly<Record<string, string>>;
  /** Number formats by cell or range address; cells not listed are 'General'. */
  readonly numberFormats?: Readonly<Record<string, string>>;
  readonly visibility?: SheetVisibility;
}

export interface ExcelSimulatorOptions {
  readonly sheets: readonly SimulatorSheet[];
  /** The sheet active at start; the first visible sheet otherwise. */
  readonly activeSheet?: string;
  /** Overrides of Excel on the web's limits, for tests that want to hit them cheaply. */
  readonly limits?: Partial<SimulatorLimits>;
  /** Milliseconds each sync waits, so demos feel like Excel on the web; 0 resolves on the next microtask. */
  readonly latencyMs?: number;
  /** The workbook counts date serials from 1904, as Mac-era workbooks do: it changes what dates display and typed dates store. */
  readonly date1904?: boolean;
}

/** Round trips and payload sizes, the figures an adapter's performance depends on. */
export interface SimulatorStats {
  /** Syncs that reached "Excel"; a sync with nothing queued makes no round trip and is not counted. */
  syncs: number;
  /** Bytes of JSON sent, summed over syncs (the simulator's own compact encoding of the actions). */
  requestBytes: number;
  /** Bytes of JSON returned, summed over syncs. */
  responseBytes: number;
  runs: number;
}

interface HandlerRegistration {
  readonly context: SimulatedRequestContext;
  readonly scope: ChangeScope;
  readonly handler: ChangeHandler;
}

type Slot = { readonly present: boolean; readonly value: unknown };

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

function sameScope(a: ChangeScope, b: ChangeScope): boolean {
  return a === 'allSheets' || b === 'allSheets' ? a === b : a.sheetId === b.sheetId;
}

/**
 * An in-memory Excel that speaks the subset of Office.js the add-in's adapter uses, with Office.js's
 * proxy semantics (load, sync, PropertyNotLoaded, queued writes), Excel on the web's limits and
 * onChanged events. Test-only: production bundles never import it.
 *
 * @example
 * const sim = new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [['Name'], ['a']] }] });
 * sim.install(globalThis);
 * await Excel.run(async (context) => { context.workbook.worksheets.getItem('Allocations').getRange('A2').format.fill.color = '#FFFF00'; });
 * sim.fillAt('Allocations', 'A2'); // '#FFFF00'
 */
export class ExcelSimulator implements RunHost {
  readonly limits: SimulatorLimits;
  readonly stats: SimulatorStats = { syncs: 0, requestBytes: 0, responseBytes: 0, runs: 0 };
  /** The `Excel` namespace, for injecting without touching globals. */
  readonly excel: SimulatedExcelNamespace;
  readonly officeExtension: SimulatedOfficeExtensionNamespace;
  /** What onChanged handlers threw or rejected with; Office.js swallows these too. */
  readonly handlerErrors: unknown[] = [];
  private readonly model = new WorkbookModel();
  private readonly latencyMs: number;
  private handlers: HandlerRegistration[] = [];
  private beforeSyncHooks: Array<() => void> = [];
  private readonly syncHooks = new Map<number, Array<() => void>>();
  private readonly inFlight = new Set<Promise<void>>();
  private cellEdit: { readonly finished: Promise<void>; readonly finish: () => void } | undefined;
  private installation: { readonly target: Record<string, unknown>; readonly excel: Slot; readonly officeExtension: Slot } | undefined;

  constructor(options: ExcelSimulatorOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.latencyMs = options.latencyMs ?? 0;
    this.model.date1904 = options.date1904 ?? false;
    for (const input of options.sheets) this.addSheet(input);
    const active = options.activeSheet === undefined ? this.model.sheets.find((sheet) => sheet.visibility === 'Visible') : this.sheet(options.activeSheet);
    if (active !== undefined) this.model.activate(active);
    this.excel = createExcelNamespace(this);
    this.officeExtension = createOfficeExtensionNamespace();
  }

  private addSheet(input: SimulatorSheet): void {
    if (this.model.findSheet(input.name) !== undefined) throw new Error(`ExcelSimulator: duplicate sheet name "${input.name}"`);
    const sheet = this.model.addSheet(input.name, input.visibility ?? 'Visible');
    (input.rows ?? []).forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) this.model.putCell(sheet, r, c, { ...rawContent(value), fill: null });
      }),
    );
    for (const [address, color] of Object.entries(input.fills ?? {})) this.setFillAt(input.name, address, color === 'none' ? null : color);
    for (const [address, format] of Object.entries(input.numberFormats ?? {})) {
      this.forEachCellOf(sheet, this.rect(address), (row, column) => this.model.putCell(sheet, row, column, { ...this.model.cellAt(sheet, row, column), numberFormat: format }));
    }
  }

  // ---- Installing the globals -------------------------------------------------------------

  /** Puts `Excel` and `OfficeExtension` on `target` (globalThis by default), remembering what was there. */
  install(target: object = globalThis): this {
    if (this.installation !== undefined) throw new Error('ExcelSimulator: already installed; call uninstall() first');
    const slots = target as Record<string, unknown>;
    const slot = (name: string): Slot => ({ present: Object.prototype.hasOwnProperty.call(slots, name), value: slots[name] });
    this.installation = { target: slots, excel: slot('Excel'), officeExtension: slot('OfficeExtension') };
    slots.Excel = this.excel;
    slots.OfficeExtension = this.officeExtension;
    return this;
  }

  /** Restores whatever `install` replaced. */
  uninstall(): void {
    const installation = this.installation;
    if (installation === undefined) return;
    const restore = (name: string, slot: Slot): void => {
      if (slot.present) installation.target[name] = slot.value;
      else delete installation.target[name];
    };
    restore('Excel', installation.excel);
    restore('OfficeExtension', installation.officeExtension);
    this.installation = undefined;
  }

  resetStats(): void {
    Object.assign(this.stats, { syncs: 0, requestBytes: 0, responseBytes: 0, runs: 0 });
  }

  // ---- Direct inspection and setup (no Office.js semantics, no events) ---------------------

  private sheet(name: string): SheetModel {
    const sheet = this.model.findSheet(name);
    if (sheet === undefined) throw new Error(`ExcelSimulator: no sheet named "${name}"`);
    return sheet;
  }

  private rect(address: string): CellRange {
    const parsed = parseRangeAddress(address);
    if (parsed === undefined) throw new Error(`ExcelSimulator: malformed address "${address}"`);
    return parsed.range;
  }

  private forEachCellOf(sheet: SheetModel, rect: CellRange, visit: (row: number, column: number) => void): void {
    for (let r = rect.row; r < rect.row + rect.rowCount; r++) for (let c = rect.column; c < rect.column + rect.columnCount; c++) visit(r, c);
  }

  private cell(sheetName: string, address: string): StoredCell {
    const rect = this.rect(address);
    return this.model.cellAt(this.sheet(sheetName), rect.row, rect.column);
  }

  /** The value `Range.values` would give for the cell: '' when empty, the error text for errors. */
  valueAt(sheetName: string, address: string): ScalarValue | '' {
    return apiValue(this.cell(sheetName, address));
  }

  /** Whether the workbook counts dates from 1904. */
  get date1904(): boolean {
    return this.model.date1904;
  }

  /** The cell's fill color, or null for "No Fill" (unlike Office.js, which reads both as '#FFFFFF'). */
  fillAt(sheetName: string, address: string): string | null {
    return this.cell(sheetName, address).fill?.color ?? null;
  }

  numberFormatAt(sheetName: string, address: string): string {
    return this.cell(sheetName, address).numberFormat ?? 'General';
  }

  /** The formula text a write stored (never evaluated), or undefined. */
  formulaAt(sheetName: string, address: string): string | undefined {
    return this.cell(sheetName, address).formula;
  }

  /** Sets values as given, no parsing and no events: a scalar fills the range, a 2-D array starts at its top-left cell. */
  setValueAt(sheetName: string, address: string, value: CellInput | readonly (readonly CellInput[])[]): void {
    const sheet = this.sheet(sheetName);
    const rect = this.rect(address);
    const put = (row: number, column: number, input: CellInput): void =>
      this.model.putCell(sheet, row, column, { ...rawContent(input), fill: this.model.cellAt(sheet, row, column).fill, numberFormat: this.model.cellAt(sheet, row, column).numberFormat });
    if (Array.isArray(value)) value.forEach((row: readonly CellInput[], r) => row.forEach((input, c) => put(rect.row + r, rect.column + c, input)));
    else this.forEachCellOf(sheet, rect, (row, column) => put(row, column, value as CellInput));
  }

  /** Sets a solid fill ('#RRGGBB' or a color name) or, with null, "No Fill", on every cell of the address. */
  setFillAt(sheetName: string, address: string, color: string | null): void {
    const sheet = this.sheet(sheetName);
    let fill: CellFill | null = null;
    if (color !== null) {
      const normalized = normalizeColorOrUndefined(color);
      if (normalized === undefined) throw new Error(`ExcelSimulator: not a color: "${color}"`);
      fill = { color: normalized, pattern: 'Solid' };
    }
    this.forEachCellOf(sheet, this.rect(address), (row, column) => this.model.putCell(sheet, row, column, { ...this.model.cellAt(sheet, row, column), fill }));
  }

  /** Values from A1 to the last used cell, as `Range.values` would give them; [] for a blank sheet. */
  snapshotValues(sheetName: string): Array<Array<ScalarValue | ''>> {
    const sheet = this.sheet(sheetName);
    const used = this.model.usedRect(sheet, true);
    if (used === undefined) return [];
    return Array.from({ length: used.row + used.rowCount }, (_, r) =>
      Array.from({ length: used.column + used.columnCount }, (_unused, c) => apiValue(this.model.cellAt(sheet, r, c))),
    );
  }

  sheetNames(): string[] {
    return this.model.sheets.map((sheet) => sheet.name);
  }

  sheetId(sheetName: string): string {
    return this.sheet(sheetName).id;
  }

  visibilityOf(sheetName: string): SheetVisibility {
    return this.sheet(sheetName).visibility;
  }

  activeSheetName(): string {
    return this.model.sheetById(this.model.activeSheetId)?.name ?? '';
  }

  /** The selection as sheet-qualified addresses, e.g. ["Allocations!G12"]. */
  selectedAddresses(): string[] {
    const selection = this.model.currentSelection();
    const sheet = this.model.sheetById(selection.sheetId);
    return sheet === undefined ? [] : selection.rects.map((rect) => formatSheetRangeAddress(sheet.name, rect));
  }

  /** Plain data for the workbench; `new ExcelSimulator({ sheets: sim.toSheets() })` rebuilds the workbook. */
  toSheets(): SimulatorSheet[] {
    return this.model.sheets.map((sheet) => {
      const used = this.model.usedRect(sheet, true);
      const rows = used === undefined ? [] : Array.from({ length: used.row + used.rowCount }, (_, r) =>
        Array.from({ length: used.column + used.columnCount }, (_unused, c) => cellInputOf(this.model.cellAt(sheet, r, c))),
      );
      const fills: Record<string, string> = {};
      const numberFormats: Record<string, string> = {};
      const stored = [...sheet.cells.entries()].sort(([a], [b]) => a - b);
      for (const [key, cell] of stored) {
        const address = formatRangeAddress(this.rectOfKey(key));
        if (cell.fill !== null) fills[address] = cell.fill.color;
        if (cell.numberFormat !== undefined) numberFormats[address] = cell.numberFormat;
      }
      return { name: sheet.name, visibility: sheet.visibility, rows, fills, numberFormats };
    });
  }

  private rectOfKey(key: number): CellRange {
    return { row: Math.floor(key / MAX_COLUMNS), column: key % MAX_COLUMNS, rowCount: 1, columnCount: 1 };
  }

  // ---- Edits from outside the add-in ------------------------------------------------------

  /** The local user typing into cells: parsed like typed text, then onChanged with source 'Local', triggerSource 'Unknown'. */
  userEdit(sheetName: string, address: string, value: CellInput | readonly (readonly CellInput[])[]): void {
    this.edit(sheetName, address, value, 'Local');
  }

  /** A co-author's edit arriving: applied at once, then onChanged with source 'Remote'. */
  coauthorEdit(sheetName: string, address: string, value: CellInput | readonly (readonly CellInput[])[]): void {
    this.edit(sheetName, address, value, 'Remote');
  }

  private edit(sheetName: string, address: string, value: CellInput | readonly (readonly CellInput[])[], source: 'Local' | 'Remote'): void {
    const sheet = this.sheet(sheetName);
    const start = this.rect(address);
    const grid = Array.isArray(value) ? (value as readonly (readonly CellInput[])[]) : undefined;
    const rect = grid === undefined ? start : rangeOrUndefined(start.row, start.column, grid.length, Math.max(1, ...grid.map((row) => row.length)));
    if (rect === undefined) throw new Error(`ExcelSimulator: edit at "${address}" runs off the sheet`);
    const before = this.model.cellAt(sheet, rect.row, rect.column);
    this.forEachCellOf(sheet, rect, (row, column) => {
      const input = grid === undefined ? (value as CellInput) : (grid[row - rect.row]?.[column - rect.column] ?? null);
      const cell = this.model.cellAt(sheet, row, column);
      const content = typeof input === 'object' && input !== null ? rawContent(input) : (contentFromApiValue(input, 'edit', cell.numberFormat === '@', this.model.date1904) ?? { value: '' as const });
      this.model.putCell(sheet, row, column, { ...content, fill: cell.fill, numberFormat: cell.numberFormat ?? content.impliedNumberFormat });
    });
    const single = rect.rowCount === 1 && rect.columnCount === 1 ? { before, after: this.model.cellAt(sheet, rect.row, rect.column) } : undefined;
    this.announce([{ sheetId: sheet.id, rect, ...(single === undefined ? {} : { single }) }], source, 'Unknown');
  }

  // ---- Hooks -------------------------------------------------------------------------------

  /** Runs `hook` once, at the start of the next sync, before that sync reads or writes anything. */
  beforeNextSync(hook: () => void): void {
    this.beforeSyncHooks.push(hook);
  }

  /** Runs `hook` at the start of the n-th sync (1-based, counted like `stats.syncs`). */
  onSync(n: number, hook: () => void): void {
    this.syncHooks.set(n, [...(this.syncHooks.get(n) ?? []), hook]);
  }

  /**
   * While the user is editing a cell, syncs fail with InvalidOperationInCellEditMode, or wait until the
   * edit ends when the run passed `{ delayForCellEdit: true }` (typings of Excel.RunOptions).
   */
  setCellEditMode(editing: boolean): void {
    if (editing && this.cellEdit === undefined) {
      let finish = (): void => undefined;
      const finished = new Promise<void>((resolve) => (finish = resolve));
      this.cellEdit = { finished, finish };
    } else if (!editing && this.cellEdit !== undefined) {
      this.cellEdit.finish();
      this.cellEdit = undefined;
    }
  }

  /** Resolves once every pending onChanged delivery (and what its handlers started) has finished. */
  async idle(maxRounds = 100): Promise<void> {
    for (let round = 0; this.inFlight.size > 0; round++) {
      if (round >= maxRounds) throw new Error('ExcelSimulator.idle: events keep coming; is a handler reacting to its own writes?');
      await Promise.all([...this.inFlight]);
    }
  }

  // ---- The host side of Office.js -----------------------------------------------------------

  countRun(): void {
    this.stats.runs += 1;
  }

  /** One round trip: hooks, limits, the actions in order, then responses and events. */
  async processSync(context: SimulatedRequestContext, actions: QueuedAction[]): Promise<void> {
    await (this.latencyMs > 0 ? new Promise((resolve) => setTimeout(resolve, this.latencyMs)) : Promise.resolve());
    this.stats.syncs += 1;
    const syncNumber = this.stats.syncs;
    if (this.cellEdit !== undefined) {
      if (!context.delayForCellEdit) throw SimulatedOfficeError.of('InvalidOperationInCellEditMode');
      while (this.cellEdit !== undefined) await this.cellEdit.finished;
    }
    const hooks = [...this.beforeSyncHooks.splice(0), ...(this.syncHooks.get(syncNumber) ?? [])];
    this.syncHooks.delete(syncNumber);
    for (const hook of hooks) hook();

    const requestBytes = utf8Length(JSON.stringify(actions.map((action) => action.request)));
    this.stats.requestBytes += requestBytes;
    // Excel on the web rejects the whole request before running any of it.
    if (requestBytes > this.limits.payloadBytes) throw SimulatedOfficeError.of('RequestPayloadSizeLimitExceeded');

    const session: SyncSession = { model: this.model, limits: this.limits, changes: [] };
    const results: unknown[] = [];
    let failure: unknown;
    this.model.begin();
    for (const action of actions) {
      try {
        results.push(action.execute(session));
      } catch (error) {
        // Like Excel, actions before the failing one stay applied; later ones never run.
        failure = error;
        break;
      }
    }
    const responseBytes = utf8Length(JSON.stringify(results.map((result) => result ?? null)));
    this.stats.responseBytes += responseBytes;
    if (responseBytes > this.limits.payloadBytes) {
      this.model.rollback();
      throw SimulatedOfficeError.of('ResponsePayloadSizeLimitExceeded');
    }
    this.model.commit();
    if (failure === undefined) results.forEach((result, i) => actions[i].deliver?.(result));
    this.announce(session.changes, 'Local', 'ThisLocalAddin');
    if (failure !== undefined) throw failure;
  }

  addChangeHandler(context: SimulatedRequestContext, scope: ChangeScope, handler: ChangeHandler): void {
    this.handlers.push({ context, scope, handler });
  }

  /** Office.js removes a handler only through the context that added it. */
  removeChangeHandler(context: SimulatedRequestContext, scope: ChangeScope, handler: ChangeHandler | undefined): void {
    this.handlers = this.handlers.filter(
      (registration) => !(registration.context === context && sameScope(registration.scope, scope) && (handler === undefined || registration.handler === handler)),
    );
  }

  /** Delivers onChanged events on a later task, as Excel does, to the handlers registered now. */
  private announce(changes: readonly ValueChange[], source: 'Local' | 'Remote', triggerSource: 'ThisLocalAddin' | 'Unknown'): void {
    for (const change of changes) {
      const args = worksheetChangedEventArgs(change, source, triggerSource);
      for (const { scope, handler } of this.handlers) {
        if (scope !== 'allSheets' && scope.sheetId !== change.sheetId) continue;
        const delivery = new Promise<void>((resolve) => setTimeout(resolve, 0))
          .then(() => handler(args))
          .then(
            () => undefined,
            (error: unknown) => {
              this.handlerErrors.push(error);
            },
          );
        this.inFlight.add(delivery);
        void delivery.finally(() => this.inFlight.delete(delivery));
      }
    }
  }
}
