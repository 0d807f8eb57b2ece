import { formatSheetRangeAddress, rangeOrUndefined } from '../core';
import { apiValue, CellInput, contentFromWrite, rawContent } from './cellContent';
import { displayText, HostLocale } from './displayText';
import { ExcelHost, HostStats } from './excelHost';
import { DEFAULT_LIMITS, HostLimits, ValueChange } from './hostTypes';
import { deliverEvents, officeJsIn, OfficeJsRealm, provideOfficeContext, routeRequests } from './officeJsClient';
import { excelApiMinor, isSetSupportedBy, NEWEST_EXCEL_API } from './requirementSets';
import { buildModel, FillInput, fillOf, forEachCellOf, rectOf, SimulatorSheet, SimulatorTable, toSheets } from './simulatorSheets';
import { CellFill, ScalarValue, SheetModel, SheetVisibility, StoredCell, WorkbookModel } from './workbookModel';

export interface ExcelSimulatorOptions {
  readonly sheets: readonly SimulatorSheet[];
  /** The sheet active at start; the first visible sheet otherwise. */
  readonly activeSheet?: string;
  /** Overrides of Excel on the web's limits, for tests that want to hit them cheaply. */
  readonly limits?: Partial<HostLimits>;
  /** Milliseconds each request waits, so demos feel like Excel on the web. */
  readonly latencyMs?: number;
  /** The workbook counts date serials from 1904, as Mac-era workbooks do. */
  readonly date1904?: boolean;
  /** The ExcelApi set the host implements; members above it are ApiNotFound. Defaults to the test environment's, else the newest. */
  readonly excelApi?: string;
  /** Whether the host reports the DelayForCellEdit capability (defaults to true). */
  readonly delayForCellEdit?: boolean;
  /** The locale the built-in short date format shows in; 'en-US' by default. */
  readonly locale?: HostLocale;
}

/** Set by test/officeJs/officeJsEnvironment.js: the ExcelApi version a Jest project runs the adapter against. */
const environmentDefaults = (): { excelApi?: string } => (globalThis as { excelSimulatorDefaults?: { excelApi?: string } }).excelSimulatorDefaults ?? {};

let nextWorkbookNumber = 1;

/**
 * A simulated Excel host behind Microsoft's real Office.js client library: the library builds and sends
 * the requests (proxies, load, sync, errors are its own), this host answers them from an in-memory
 * workbook with Excel's semantics. Test-only: production bundles never import it.
 *
 * @example
 * const sim = new ExcelSimulator({ sheets: [{ name: 'Allocations', rows: [['Name'], ['a']] }] }).install(globalThis);
 * await Excel.run(async (context) => { context.workbook.worksheets.getItem('Allocations').getRange('A2').format.fill.color = '#FFFF00'; });
 * sim.fillAt('Allocations', 'A2'); // '#FFFF00'
 */
export class ExcelSimulator {
  readonly limits: HostLimits;
  readonly excelApi: string;
  private readonly model: WorkbookModel;
  private readonly host: ExcelHost;
  /** The URL the library's requests for this workbook go to; each simulator has its own. */
  private readonly url = `https://excel-simulator.invalid/workbook-${nextWorkbookNumber++}`;
  private readonly delayForCellEdit: boolean;
  private installation: { readonly target: OfficeJsRealm; readonly restore: Array<() => void> } | undefined;

  constructor(options: ExcelSimulatorOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.excelApi = options.excelApi ?? environmentDefaults().excelApi ?? NEWEST_EXCEL_API;
    this.delayForCellEdit = options.delayForCellEdit ?? true;
    this.model = buildModel(options.sheets, options.date1904 ?? false);
    const active = options.activeSheet === undefined ? this.model.sheets.find((sheet) => sheet.visibility === 'Visible') : this.sheet(options.activeSheet);
    if (active !== undefined) this.model.activate(active);
    const settings = { excelApiMinor: excelApiMinor(this.excelApi), locale: options.locale ?? 'en-US', limits: this.limits };
    this.host = new ExcelHost(this.model, settings, (messages) => this.installation !== undefined && deliverEvents(this.installation.target, messages), options.latencyMs ?? 0);
  }

  // ---- Connecting the client library ----------------------------------------------------------

  /**
   * Makes this workbook the one `Excel.run` talks to in `target`'s realm, where the client library must be
   * loaded: its requests go to this host, and `Office.context.requirements` answers as this host would.
   */
  install(target: object = globalThis): this {
    if (this.installation !== undefined) throw new Error('ExcelSimulator: already installed; call uninstall() first');
    const library = officeJsIn(target).OfficeExtension;
    const defaults = library.ClientRequestContext.defaultRequestUrlAndHeaders;
    const requirements = { isSetSupported: isSetSupportedBy({ excelApi: this.excelApi, delayForCellEdit: this.delayForCellEdit }) };
    const restore = [
      routeRequests(target, this.url, this.host),
      provideOfficeContext(target, { host: 'Excel', platform: 'OfficeOnline', requirements }),
      () => (library.ClientRequestContext.defaultRequestUrlAndHeaders = defaults),
    ];
    // Contexts made from now on send to this workbook's URL, through the library's HTTP executor.
    library.ClientRequestContext.defaultRequestUrlAndHeaders = { url: this.url, headers: {} };
    this.installation = { target: target as OfficeJsRealm, restore };
    return this;
  }

  /** Restores what `install` replaced; contexts made for this workbook get no more answers. */
  uninstall(): void {
    const installation = this.installation;
    if (installation === undefined) return;
    for (const undo of installation.restore.reverse()) undo();
    this.installation = undefined;
  }

  /** `Excel.run` on this workbook whichever workbook is installed, as a document's own add-in runs on it. */
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const installation = this.installation;
    if (installation === undefined) throw new Error('ExcelSimulator: install() it first');
    const session = options.previousObjects === undefined ? { session: { url: this.url, headers: {} } } : {};
    return officeJsIn(installation.target).Excel.run({ ...options, ...session }, batch) as Promise<T>;
  }

  get stats(): HostStats {
    return this.host.stats;
  }

  resetStats(): void {
    Object.assign(this.host.stats, { requests: 0, requestBytes: 0, responseBytes: 0, largestRequestBytes: 0, largestResponseBytes: 0, changingRequests: 0 });
  }

  // ---- Direct inspection and setup (no Office.js, no events) -----------------------------------

  private sheet(name: string): SheetModel {
    const sheet = this.model.findSheet(name);
    if (sheet === undefined) throw new Error(`ExcelSimulator: no sheet named "${name}"`);
    return sheet;
  }

  private cell(sheetName: string, address: string): StoredCell {
    const rect = rectOf(address);
    return this.model.cellAt(this.sheet(sheetName), rect.row, rect.column);
  }

  /** The value `Range.values` would give for the cell: '' when empty, the error text for errors, a formula's result. */
  valueAt(sheetName: string, address: string): ScalarValue | '' {
    return apiValue(this.cell(sheetName, address));
  }

  /** The displayed text `Range.text` would give: the number format applied, ######## when too wide for the column. */
  textAt(sheetName: string, address: string): string {
    const sheet = this.sheet(sheetName);
    const rect = rectOf(address);
    return displayText(this.cell(sheetName, address), { date1904: this.model.date1904, locale: this.host.settings.locale, columnWidth: this.model.columnWidth(sheet, rect.column) });
  }

  get date1904(): boolean {
    return this.model.date1904;
  }

  /** The cell's fill colour before any tint, or null for "No Fill" (unlike Office.js, which reads both as '#FFFFFF'). */
  fillAt(sheetName: string, address: string): string | null {
    return this.cell(sheetName, address).fill?.color ?? null;
  }

  /** The cell's whole fill: colour, pattern and tint; null for "No Fill". */
  fillDetailsAt(sheetName: string, address: string): CellFill | null {
    return this.cell(sheetName, address).fill;
  }

  numberFormatAt(sheetName: string, address: string): string {
    return this.cell(sheetName, address).numberFormat ?? 'General';
  }

  /** The cell's formula ('=I2+13'), or undefined for a constant. */
  formulaAt(sheetName: string, address: string): string | undefined {
    return this.cell(sheetName, address).formula;
  }

  /** Sets values as given, no parsing and no events: a scalar fills the range, a 2-D array starts at its top-left cell. */
  setValueAt(sheetName: string, address: string, value: CellInput | readonly (readonly CellInput[])[]): void {
    this.host.applyEdit(() => this.forEachInput(sheetName, address, value, (sheet, row, column, input) => {
      const cell = this.model.cellAt(sheet, row, column);
      this.model.putCell(sheet, row, column, { ...rawContent(input), fill: cell.fill, numberFormat: cell.numberFormat });
    }), 'Local');
  }

  /** Sets a fill ('#RRGGBB', a colour name, or a theme colour with its tint) or, with null, "No Fill", on every cell of the address. */
  setFillAt(sheetName: string, address: string, fill: FillInput | null): void {
    const sheet = this.sheet(sheetName);
    const value = fillOf(fill);
    forEachCellOf(rectOf(address), (row, column) => this.model.putCell(sheet, row, column, { ...this.model.cellAt(sheet, row, column), fill: value }));
  }

  /** Protects or unprotects a sheet, as Review › Protect Sheet does. */
  protectSheet(sheetName: string, protect = true): void {
    this.model.setProtected(this.sheet(sheetName), protect);
  }

  /** Values from A1 to the last used cell, as `Range.values` would give them; [] for a blank sheet. */
  snapshotValues(sheetName: string): Array<Array<ScalarValue | ''>> {
    const sheet = this.sheet(sheetName);
    const used = this.model.usedRect(sheet, true);
    if (used === undefined) return [];
    return Array.from({ length: used.row + used.rowCount }, (_, r) => Array.from({ length: used.column + used.columnCount }, (_unused, c) => apiValue(this.model.cellAt(sheet, r, c))));
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

  /** The sheet's Excel tables as the constructor takes them. */
  tablesOf(sheetName: string): SimulatorTable[] {
    return toSheets(this.model).find((sheet) => sheet.name === this.sheet(sheetName).name)?.tables?.map((table) => ({ ...table })) ?? [];
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
    return toSheets(this.model);
  }

  // ---- Edits from outside the add-in ------------------------------------------------------------

  /** The local user typing into cells: parsed like typed text, then onChanged with source 'Local'. */
  userEdit(sheetName: string, address: string, value: CellInput | readonly (readonly CellInput[])[]): void {
    this.edit(sheetName, address, value, 'Local');
  }

  /** A co-author's edit arriving: applied at once, then onChanged with source 'Remote'. */
  coauthorEdit(sheetName: string, address: string, value: CellInput | readonly (readonly CellInput[])[]): void {
    this.edit(sheetName, address, value, 'Remote');
  }

  /** A co-author (or their add-in) adds a sheet, as it reaches this copy of the workbook. */
  coauthorAddSheet(sheet: SimulatorSheet): void {
    const built = buildModel([sheet], this.model.date1904).sheets[0];
    const added = this.model.addSheet(sheet.name, sheet.visibility ?? 'Visible');
    for (const [key, cell] of built.cells) added.cells.set(key, cell);
  }

  private edit(sheetName: string, address: string, value: CellInput | readonly (readonly CellInput[])[], source: 'Local' | 'Remote'): void {
    this.host.applyEdit((context) => {
      const changes: ValueChange[] = [];
      this.forEachInput(sheetName, address, value, (sheet, row, column, input) => {
        const cell = this.model.cellAt(sheet, row, column);
        const content = typeof input === 'object' && input !== null ? rawContent(input) : (contentFromWrite(input, 'edit', cell.numberFormat, this.model.date1904) ?? { value: '' as const });
        this.model.putCell(sheet, row, column, { ...content, fill: cell.fill, numberFormat: cell.numberFormat ?? content.impliedNumberFormat });
        changes.push({ sheetId: sheet.id, rect: { row, column, rowCount: 1, columnCount: 1 }, changeType: 'RangeEdited', single: { before: cell, after: this.model.cellAt(sheet, row, column) } });
      });
      context.changes.push(changes.length === 1 ? changes[0] : { sheetId: changes[0].sheetId, rect: rectSpanning(changes), changeType: 'RangeEdited' });
    }, source);
  }

  private forEachInput(sheetName: string, address: string, value: CellInput | readonly (readonly CellInput[])[], visit: (sheet: SheetModel, row: number, column: number, input: CellInput) => void): void {
    const sheet = this.sheet(sheetName);
    const start = rectOf(address);
    const grid = Array.isArray(value) ? (value as readonly (readonly CellInput[])[]) : undefined;
    const rect = grid === undefined ? start : rangeOrUndefined(start.row, start.column, grid.length, Math.max(1, ...grid.map((row) => row.length)));
    if (rect === undefined) throw new Error(`ExcelSimulator: edit at "${address}" runs off the sheet`);
    forEachCellOf(rect, (row, column) => visit(sheet, row, column, grid === undefined ? (value as CellInput) : (grid[row - rect.row]?.[column - rect.column] ?? null)));
  }

  // ---- Hooks ------------------------------------------------------------------------------------

  /** Runs `hook` once, when the next request arrives, before the host reads or writes anything for it. */
  beforeNextSync(hook: () => void): void {
    this.host.beforeNextRequest(hook);
  }

  /** Runs `hook` when the n-th request arrives (1-based, counted like `stats.requests`). */
  onSync(n: number, hook: () => void): void {
    this.host.onRequest(n, hook);
  }

  /** While the user edits a cell, requests fail with InvalidOperationInCellEditMode unless they asked to wait and the host honours it. */
  setCellEditMode(editing: boolean): void {
    this.host.setCellEditMode(editing);
  }

  /** Answers the next read of the values of the range at `address` ('Allocations!A1:L5') with null, as Excel sometimes does. */
  answerValuesWithNull(address: string): void {
    this.host.answerValuesWithNull(address);
  }

  /** Resolves once no request is under way and every event (and what its handlers started) has been delivered. */
  async idle(maxRounds = 200): Promise<void> {
    let quiet = 0;
    for (let round = 0; quiet < 3; round++) {
      if (round >= maxRounds) throw new Error('ExcelSimulator.idle: requests keep coming; is a handler reacting to its own writes?');
      await new Promise((resolve) => setTimeout(resolve, 0));
      quiet = this.host.busy ? 0 : quiet + 1;
    }
  }
}

function rectSpanning(changes: readonly ValueChange[]) {
  const top = Math.min(...changes.map((change) => change.rect.row));
  const left = Math.min(...changes.map((change) => change.rect.column));
  const bottom = Math.max(...changes.map((change) => change.rect.row + 1));
  const right = Math.max(...changes.map((change) => change.rect.column + 1));
  return { row: top, column: left, rowCount: bottom - top, columnCount: right - left };
}
