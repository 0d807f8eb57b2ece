import {
  cellsToRanges, checkWorkbook, Conflict, conflictCells, FillMemory, fingerprintColumns, formatRangeAddress, invertEdits, LoggedChange, logEntryFor,
  paintedCellsOfRows, parseFillMemory, reanchorMemory, RESOLUTION_LOG_SHEET, rowFingerprint, serializeFillMemory, STATE_SHEET,
} from '../core';
import { applyCellEdits } from './applyCellEdits';
import { paintConflicts } from './paintConflicts';
import { chunkAddresses } from './rangeAddresses';
import { LiveChecking } from './liveChecking';
import { Action, CheckedWorkbook, ExcelRun, planStep, SessionOptions, SessionState, UndoStep } from './sessionState';
import { CheckCancelled, readChangedRows, readWorkbook, WorkbookRead } from './readWorkbook';

export type { Action, CheckedWorkbook, IssueFix, SessionOptions, SessionState } from './sessionState';

const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/**
 * The add-in's state in the shared runtime: the last check, live checking, resolutions and undo.
 * The ribbon function and the task pane both drive this one object.
 */
export class CheckSession {
  private state: SessionState = { busy: null, checked: null, problem: null, notice: null, undoLabel: null };
  private readonly listeners = new Set<(state: SessionState) => void>();
  private readonly undoStack: UndoStep[] = [];
  private running: Promise<void> = Promise.resolve();
  private recheckQueued = false;
  private cancelRequested = false;
  /** The last read, patched by live checks that re-read only edited rows. */
  private lastRead: WorkbookRead | null = null;
  private readonly live: LiveChecking;

  constructor(private readonly options: SessionOptions = {}) {
    this.live = new LiveChecking((batch) => this.run(batch), () => this.queueLiveCheck(), options.debounceMs ?? 300);
  }

  getState(): SessionState {
    return this.state;
  }

  subscribe(listener: (state: SessionState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads the workbook, checks it and paints, in one Excel.run. */
  check(): Promise<void> {
    return this.exclusive(async () => {
      this.update({ busy: 'checking' });
      try {
        await this.run((context) => this.checkIn(context));
      } catch (error) {
        if (error instanceof CheckCancelled) this.update({ notice: { kind: 'info', text: error.message } });
        else this.update({ notice: { kind: 'error', text: `The check failed: ${messageOf(error)}` } });
      } finally {
        this.update({ busy: null });
      }
    });
  }

  /** Stops a check that is still reading the workbook; one that is already painting finishes. */
  cancel(): void {
    if (this.state.busy === 'checking') this.cancelRequested = true;
  }

  /** Applies a resolution or fix, refusing when a co-author changed its cells since the check; then re-checks. */
  apply(action: Action): Promise<void> {
    return this.exclusive(async () => {
      const checked = this.state.checked;
      if (checked === null) return;
      this.update({ busy: 'applying', notice: null });
      try {
        const step = planStep(checked, action);
        const entry = this.logEntry(checked, step);
        await this.run(async (context) => {
          const outcome = await applyCellEdits(context, step.edits, entry, hasLogSheet(checked));
          if (!outcome.ok) {
            const cells = outcome.changed.map((cell) => cell.address).join(', ');
            this.update({ notice: { kind: 'warning', text: `Not applied: ${cells} changed since the last check (a co-author's edit is kept). The check was redone.` } });
          } else if (step.edits.length > 0 || action.kind === 'accept' || action.kind === 'revoke') {
            this.undoStack.push(step);
            this.update({ notice: { kind: 'info', text: `${step.label}. Logged in "Resolution log".` } });
          }
          await this.checkIn(context);
        });
      } catch (error) {
        this.update({ notice: { kind: 'error', text: `Could not apply: ${messageOf(error)}` } });
      } finally {
        this.update({ busy: null, undoLabel: this.undoLabel() });
      }
    });
  }

  /** Reverts the last resolution if its cells still hold what it wrote. */
  undo(): Promise<void> {
    return this.exclusive(async () => {
      const step = this.undoStack[this.undoStack.length - 1];
      const checked = this.state.checked;
      if (step === undefined || checked === null) return;
      this.update({ busy: 'applying', notice: null });
      try {
        const inverse = invertEdits(step.edits);
        const entry = this.logEntry(checked, { action: `undo ${step.action}`, conflict: step.conflict, rows: step.rows, edits: inverse, reason: `Undo: ${step.label}` });
        await this.run(async (context) => {
          const outcome = await applyCellEdits(context, inverse, entry, hasLogSheet(checked));
          if (outcome.ok) {
            this.undoStack.pop();
            this.update({ notice: { kind: 'info', text: `Undone: ${step.label}.` } });
          } else {
            const cells = outcome.changed.map((cell) => cell.address).join(', ');
            this.update({ notice: { kind: 'warning', text: `Cannot undo: ${cells} changed since. Nothing was written.` } });
          }
          await this.checkIn(context);
        });
      } catch (error) {
        this.update({ notice: { kind: 'error', text: `Could not undo: ${messageOf(error)}` } });
      } finally {
        this.update({ busy: null, undoLabel: this.undoLabel() });
      }
    });
  }

  /** Selects a conflict's rows in the sheet so the lead sees them. */
  async selectConflict(conflict: Conflict): Promise<void> {
    const checked = this.state.checked;
    if (checked === null) return;
    const ranges = cellsToRanges(paintedCellsOfRows(checked.report.allocation, conflict.rows));
    const [address] = chunkAddresses(ranges.map(formatRangeAddress));
    if (address === undefined) return;
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(checked.report.allocation.sheetName);
      sheet.activate();
      // Selecting several areas needs ExcelApi 1.18; older builds select the first booking's cells.
      if (supportsExcelApi('1.18')) sheet.getRanges(address).select();
      else sheet.getRange(formatRangeAddress(ranges[0])).select();
      await context.sync();
    });
  }

  /** Re-checks after edits by the user or co-authors (never after the add-in's own writes). */
  startLiveChecking(): Promise<void> {
    return this.live.start();
  }

  stopLiveChecking(): Promise<void> {
    return this.live.stop();
  }

  /** Shown by the ribbon function when it fails outside a check. */
  reportError(error: unknown): void {
    this.update({ notice: { kind: 'error', text: messageOf(error) } });
  }

  private queueLiveCheck(): void {
    // A check already waiting will see this edit too.
    if (this.recheckQueued) return;
    this.recheckQueued = true;
    void this.running.then(() => {
      this.recheckQueued = false;
      return this.liveCheck();
    });
  }

  /** A re-check after edits: only the edited rows are read again when that is enough. */
  private liveCheck(): Promise<void> {
    return this.exclusive(async () => {
      try {
        await this.run((context) => this.checkIn(context, true));
      } catch (error) {
        this.update({ notice: { kind: 'error', text: `The check failed: ${messageOf(error)}` } });
      }
    });
  }

  private async checkIn(context: Excel.RequestContext, onlyEdits = false): Promise<void> {
    const changes = this.live.takeChanges();
    const patched = onlyEdits && this.lastRead !== null ? await readChangedRows(context, this.lastRead, changes) : null;
    const read = patched ?? (await readWorkbook(context, { cancelled: () => this.cancelRequested }));
    const outcome = checkWorkbook(read.snapshot, this.options.checkOptions);
    const stateSheet = read.snapshot.sheets.find((sheet) => sheet.name === STATE_SHEET);
    const memory = parseFillMemory(stateSheet?.rows ?? []);
    const paintRequest = { memory, stateSheetExists: stateSheet !== undefined, stateRows: stateSheet?.rows.length ?? 0 };
    // Until this check has painted, a later one cannot trust a patched copy of the sheets.
    this.lastRead = null;
    if (!outcome.ok) {
      const paint = await paintConflicts(context, { ...paintRequest, sheet: '', targets: [] });
      this.lastRead = withState(read, paint.memory);
      this.update({ checked: null, problem: outcome.problem });
      return;
    }
    const report = outcome.report;
    const allocationRows = read.snapshot.sheets.find((sheet) => sheet.name === report.allocation.sheetName)?.rows ?? [];
    const columns = fingerprintColumns(report.allocation);
    const paint = await paintConflicts(context, {
      ...paintRequest,
      // Rows inserted or deleted since the last paint move the remembered cells with their bookings.
      memory: reanchorMemory(memory, report.allocation.sheetName, allocationRows, columns),
      sheet: report.allocation.sheetName,
      targets: conflictCells(report),
      fingerprintOfRow: (sheetRow) => rowFingerprint(allocationRows[sheetRow - 1], columns),
    });
    this.lastRead = withState(read, paint.memory);
    this.update({ checked: { report, snapshot: read.snapshot, checkedAt: this.now(), paint }, problem: null });
  }

  private logEntry(checked: CheckedWorkbook, change: LoggedChange) {
    return logEntryFor(checked.report, change, this.now().toISOString().replace('T', ' ').slice(0, 19), this.options.who?.() ?? 'Task pane');
  }

  private undoLabel(): string | null {
    return this.undoStack[this.undoStack.length - 1]?.label ?? null;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    const run: ExcelRun = this.options.run ?? ((options, inner) => Excel.run(options, inner));
    return run(RUN_OPTIONS, batch);
  }

  /** Runs one operation at a time, so a live re-check never interleaves with a resolution. */
  private exclusive(operation: () => Promise<void>): Promise<void> {
    const start = () => {
      // A cancel applies only to the check that was running when it was asked for.
      this.cancelRequested = false;
      return operation();
    };
    const next = this.running.then(start, start);
    this.running = next.catch(() => undefined);
    return next;
  }

  private update(patch: Partial<SessionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}

/** The read as it is after the paint: the state sheet holds the memory the paint wrote. */
function withState(read: WorkbookRead, memory: FillMemory): WorkbookRead {
  const rows = serializeFillMemory(memory);
  const exists = read.snapshot.sheets.some((sheet) => sheet.name === STATE_SHEET);
  const sheets = exists
    ? read.snapshot.sheets.map((sheet) => (sheet.name === STATE_SHEET ? { ...sheet, rows } : sheet))
    : rows.length === 0
      ? read.snapshot.sheets
      : [...read.snapshot.sheets, { name: STATE_SHEET, visibility: 'veryHidden' as const, rows }];
  // A sheet the paint just added has no id yet; the next edit there is unknown and forces a whole read.
  return { snapshot: { ...read.snapshot, sheets }, sheets: read.sheets };
}

function hasLogSheet(checked: CheckedWorkbook): boolean {
  return checked.snapshot.sheets.some((sheet) => sheet.name === RESOLUTION_LOG_SHEET);
}

function supportsExcelApi(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
