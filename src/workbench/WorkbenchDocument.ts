import { checkConflictsCommand, CHECK_CONFLICTS_FUNCTION } from '../commands/checkConflictsCommand';
import { CheckSession, SessionOptions } from '../excel/checkSession';
import { CellInput, ExcelSimulator } from '../simulator';
import { CellRange, parseRangeAddress } from '../core';
import { yieldToPane } from '../taskpane/yieldToPane';
import { simulatorToXlsx } from './simulatorToXlsx';
import { WorkbenchWorkbook, xlsxToSimulator } from './xlsxToSimulator';

/** Milliseconds per sync, about a round trip to Excel on the web, so the pane's progress shows. */
const LATENCY_MS = 30;

type ExcelRun = NonNullable<SessionOptions['run']>;

export interface DocumentOptions {
  /** The name written in the resolution log's Who column. */
  readonly who: () => string;
  /** Called after anything that may have changed the workbook, the selection or the session's state. */
  readonly onChange: () => void;
}

/**
 * One workbook open in the workbench: the simulator that holds it, installed as `Excel`, and the
 * add-in's own CheckSession and ribbon function running against it, wired as src/taskpane/index.tsx wires them.
 */
export class WorkbenchDocument {
  private constructor(
    readonly fileName: string,
    readonly sim: ExcelSimulator,
    readonly session: CheckSession,
    private readonly workbook: WorkbenchWorkbook,
    private readonly original: ArrayBuffer,
    private readonly run: ExcelRun,
    private readonly onChange: () => void,
  ) {}

  /** Reads the file; throws when it is not an .xlsx ExcelJS can read. */
  static async open(fileName: string, bytes: ArrayBuffer, options: DocumentOptions): Promise<WorkbenchDocument> {
    const workbook = await xlsxToSimulator(bytes);
    const sim = new ExcelSimulator({ sheets: workbook.sheets, activeSheet: workbook.activeSheet, latencyMs: LATENCY_MS, date1904: workbook.date1904 });
    // Any run may have painted cells, moved the selection or added the log sheet: redraw after each.
    const run: ExcelRun = (runOptions, batch) => sim.run(runOptions, batch).finally(options.onChange);
    const session = new CheckSession({ run, who: options.who, yieldToPane });
    session.subscribe(options.onChange);
    return new WorkbenchDocument(fileName, sim, session, workbook, bytes, run, options.onChange);
  }

  /** Makes this the workbook the add-in sees: `Excel` on window, the ribbon function, live checking. */
  activate(target: Window): void {
    this.sim.install(target);
    Office.actions.associate(CHECK_CONFLICTS_FUNCTION, (event: { completed: () => void }) =>
      checkConflictsCommand(event, this.session, { showTaskpane: () => Office.addin.showAsTaskpane() }),
    );
    void this.session.startLiveChecking().catch((error) => this.session.reportError(error));
  }

  close(): void {
    void this.session.stopLiveChecking().catch(() => undefined);
    this.sim.uninstall();
  }

  /** The sheets Excel shows as tabs: very hidden and hidden ones are not among them. */
  visibleSheets(): string[] {
    return this.sim.sheetNames().filter((name) => this.sim.visibilityOf(name) === 'Visible');
  }

  activeSheet(): string {
    return this.sim.activeSheetName();
  }

  async showSheet(name: string): Promise<void> {
    await this.run({}, async (context) => {
      context.workbook.worksheets.getItem(name).activate();
      await context.sync();
    });
  }

  /** The user typing into a cell; live checking hears it as Excel would tell it. */
  edit(sheet: string, address: string, input: CellInput): void {
    this.sim.userEdit(sheet, address, input);
    this.onChange();
  }

  /** The add-in's selection (a conflict's cells, for one) on `sheet`. */
  selectionOn(sheet: string): CellRange[] {
    return this.sim.selectedAddresses().flatMap((address) => {
      const parsed = parseRangeAddress(address);
      return parsed !== undefined && parsed.sheetName === sheet ? [parsed.range] : [];
    });
  }

  /** The workbook as it now is, paint, edits and the log included, as .xlsx bytes. */
  toXlsx(): Promise<Uint8Array<ArrayBuffer>> {
    return simulatorToXlsx({ ...this.workbook, sheets: this.sim.toSheets() }, this.original);
  }

  columnWidths(sheet: string): ReadonlyArray<number | undefined> | undefined {
    return this.workbook.columnWidths?.[sheet];
  }

  get date1904(): boolean {
    return this.workbook.date1904;
  }
}
