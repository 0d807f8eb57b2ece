import { cellsToRanges, Conflict, formatRangeAddress, invertEdits, LoggedChange, logEntryFor, paintedCellsOfRows, STATE_SHEET } from '../core';
import { carryOutStep } from './carryOutStep';
import { CheckPlan, planCheck, withState } from './checkPlan';
import { LiveChecking } from './liveChecking';
import { paintConflicts, PaintOutcome, unpainted } from './paintConflicts';
import { chunkAddresses } from './rangeAddresses';
import { readChangedRows } from './readChangedRows';
import { CheckCancelled, readWorkbook, WorkbookRead } from './readWorkbook';
import { Action, CheckedWorkbook, ExcelRun, isAlreadyAdded, messageOf, planStep, SessionOptions, SessionState, UndoStep } from './sessionState';

export type { Action, CheckedWorkbook, IssueFix, IssueFixes, Levelling, SessionOptions, SessionState } from './sessionState';

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
  /** The last read, patched by live checks and resolutions, which re-read only what they changed. */
  private lastRead: WorkbookRead | null = null;
  private readonly live: LiveChecking;

  constructor(private readonly options: SessionOptions = {}) {
    const isStateSheet = (id: string) => this.lastRead?.sheets.some((sheet) => sheet.id === id && sheet.name === STATE_SHEET) ?? false;
    this.live = new LiveChecking((batch, previous) => this.run(batch, previous), () => this.queueLiveCheck(), options.debounceMs ?? 300, isStateSheet);
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
      // A new check replaces what the last one said.
      this.update({ busy: 'checking', notice: null });
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

  /** Applies a resolution or fix, refusing when a co-author changed its cells since the check; the check it leads to goes out with it. */
  apply(action: Action): Promise<void> {
    return this.change('Could not apply', (checked) => {
      const { step, entries } = planStep(checked, action);
      return { step, entries, refused: 'Not applied', done: (stored) => (stored.length > 0 || action.kind === 'accept' || action.kind === 'revoke' ? this.pushUndo({ ...step, edits: stored }) : `${step.label}.`) };
    });
  }

  /** Reverts the last resolution if its cells still hold what it wrote. */
  undo(): Promise<void> {
    return this.change('Could not undo', () => {
      const step = this.undoStack[this.undoStack.length - 1];
      if (step === undefined) return null;
      const edits = invertEdits(step.edits);
      const entry: LoggedChange = { action: `undo ${step.action}`, conflict: step.conflict, rows: step.rows, edits, reason: `Undo: ${step.label}` };
      return { step: { ...step, edits }, entries: [entry], refused: 'Cannot undo', done: () => (this.undoStack.pop(), `Undone: ${step.label}.`) };
    });
  }

  /** Selects a conflict's rows in the sheet so the lead sees them. */
  selectConflict(conflict: Conflict): Promise<void> {
    return this.selectRows(conflict.rows);
  }

  /** Selects the painted cells of these rows of the allocation table (a conflict, a group of conflicts). */
  async selectRows(sheetRows: readonly number[]): Promise<void> {
    const checked = this.state.checked;
    if (checked === null) return;
    const ranges = cellsToRanges(paintedCellsOfRows(checked.report.allocation, sheetRows));
    const [address] = chunkAddresses(ranges.map(formatRangeAddress));
    if (address === undefined) return;
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(checked.report.allocation.sheetName);
      sheet.activate();
      // Selecting several areas needs ExcelApi 1.18 and a client library that has RangeAreas.select (the npm one lacks it); else the first booking's cells.
      if (supportsExcelApi('1.18') && typeof Excel.RangeAreas?.prototype.select === 'function') sheet.getRanges(address).select();
      else sheet.getRange(formatRangeAddress(ranges[0])).select();
      await context.sync();
    });
  }

  /** Selects one cell, such as the cell of an issue. */
  async selectCell(sheetName: string, address: string): Promise<void> {
    await this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(address).select();
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

  private async checkIn(context: Excel.RequestContext, onlyEdits = false, retried = false): Promise<void> {
    const changes = this.live.takeChanges();
    const patched = onlyEdits && this.lastRead !== null ? await readChangedRows(context, this.lastRead, changes) : null;
    const read = patched ?? (await readWorkbook(context, { cancelled: () => this.cancelRequested, previousValueBytes: this.lastRead?.valueBytes }));
    await this.yieldToPane();
    const plan = planCheck(read, this.options.checkOptions);
    await this.yieldToPane();
    // Until this check has painted, a later one cannot trust a patched copy of the sheets.
    this.lastRead = null;
    const locked = read.sheets.find((sheet) => sheet.protected && (sheet.name === plan.paint.sheet || sheet.name === STATE_SHEET));
    let paint: PaintOutcome = unpainted(plan.paint);
    if (locked === undefined) {
      try {
        paint = await paintConflicts(context, plan.paint);
      } catch (error) {
        // A co-author's add-in added the state sheet meanwhile: check again, with their remembered fills.
        if (!isAlreadyAdded(error) || retried) throw error;
        return this.checkIn(context, false, true);
      }
    }
    this.lastRead = withState(read, paint.stateRows, paint.stateSheetId);
    this.show(plan, read, paint);
    if (locked !== undefined) {
      this.update({ notice: { kind: 'warning', text: `"${locked.name}" is protected, so its conflicts are listed but not painted. Unprotect it (Review › Unprotect Sheet) and check again to see them in yellow.` } });
    }
  }

  private show(plan: CheckPlan, read: WorkbookRead, paint: PaintOutcome): void {
    if (!plan.outcome.ok) this.update({ checked: null, problem: plan.outcome.problem });
    else this.update({ checked: { report: plan.outcome.report, snapshot: read.snapshot, checkedAt: this.now(), paint }, problem: null });
  }

  /**
   * Carries out a change (a resolution, a fix, an undo) and the check it leads to, in one Excel.run, and
   * says what happened. A co-author's edit of its cells since the check refuses it and re-checks.
   */
  private change(failure: string, prepare: (checked: CheckedWorkbook) => PreparedChange | null): Promise<void> {
    return this.exclusive(async () => {
      const checked = this.state.checked;
      const prepared = checked === null ? null : prepare(checked);
      if (checked === null || prepared === null) return;
      this.update({ busy: 'applying', notice: null });
      try {
        await this.run((context) => this.carryOut(context, checked, prepared));
      } catch (error) {
        this.update({ notice: { kind: 'error', text: `${failure}: ${messageOf(error)}` } });
      } finally {
        this.update({ busy: null, undoLabel: this.undoLabel() });
      }
    });
  }

  private async carryOut(context: Excel.RequestContext, checked: CheckedWorkbook, prepared: PreparedChange, retried = false): Promise<void> {
    const read = this.lastRead ?? (await readWorkbook(context));
    const entries = prepared.entries.map((entry) => this.logEntry(checked, entry));
    let result;
    try {
      result = await carryOutStep(context, read, prepared.step.edits, entries, this.options.checkOptions, () => this.yieldToPane());
    } catch (error) {
      // A co-author added the log or the state sheet meanwhile: nothing was written; check again and retry once.
      if (!isAlreadyAdded(error) || retried) throw error;
      await this.checkIn(context);
      return this.carryOut(context, this.state.checked ?? checked, prepared, true);
    }
    if (result.kind === 'done') {
      this.lastRead = result.read;
      this.show(result.plan, result.read, result.paint);
      this.update({ notice: { kind: 'info', text: prepared.done(result.stored) } });
      return;
    }
    if (result.kind === 'changed') {
      const cells = result.changed.map((cell) => cell.address).join(', ');
      const text = prepared.refused === 'Not applied' ? `Not applied: ${cells} changed since the last check (a co-author's edit is kept). The check was redone.` : `Cannot undo: ${cells} changed since. Nothing was written.`;
      this.update({ notice: { kind: 'warning', text } });
      await this.checkIn(context);
      return;
    }
    const why = result.kind === 'formula'
      ? `${result.cell.address} holds a formula (${result.cell.formula}) that the change cannot follow; change it or its inputs by hand.`
      : `the sheet "${result.sheet}" is protected. Unprotect it (Review › Unprotect Sheet) and try again.`;
    this.update({ notice: { kind: 'warning', text: `${prepared.refused}: ${why} Nothing was written.` } });
  }

  private pushUndo(step: UndoStep): string {
    this.undoStack.push(step);
    return `${step.label}. Logged in "Resolution log".`;
  }

  private logEntry(checked: CheckedWorkbook, change: LoggedChange) {
    const now = this.now();
    const at = { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate(), hour: now.getHours(), minute: now.getMinutes(), second: now.getSeconds() };
    return logEntryFor(checked.report, change, at, this.options.who?.() ?? 'Task pane');
  }

  private undoLabel(): string | null {
    return this.undoStack[this.undoStack.length - 1]?.label ?? null;
  }

  private now(): Date {
    return this.options.now?.() ?? new Date();
  }

  private yieldToPane(): Promise<void> {
    return this.options.yieldToPane?.() ?? Promise.resolve();
  }

  private run<T>(batch: (context: Excel.RequestContext) => Promise<T>, previous?: Excel.RequestContext): Promise<T> {
    const run: ExcelRun = this.options.run ?? ((options, inner) => Excel.run(options, inner));
    return run(previous === undefined ? RUN_OPTIONS : { ...RUN_OPTIONS, previousObjects: previous }, batch);
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

/** A change ready to carry out: the step it undoes or logs, what the log says, and the words of its notices. */
interface PreparedChange {
  readonly step: UndoStep;
  /** What the log says: one entry, or one per edit of a plan. */
  readonly entries: readonly LoggedChange[];
  readonly refused: 'Not applied' | 'Cannot undo';
  /** The notice once done; the edits carry what Excel stored. */
  readonly done: (stored: UndoStep['edits']) => string;
}

function supportsExcelApi(version: string): boolean {
  return typeof Office !== 'undefined' && Office.context?.requirements?.isSetSupported('ExcelApi', version) === true;
}
