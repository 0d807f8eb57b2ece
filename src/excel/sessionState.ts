import {
  CheckOptions, CheckReport, describeResolution, Issue, LoggedChange, planId, planIssueFix, planLogChanges, planResolutionEdits, PlanStep, plural, Resolution, WorkbookSnapshot,
} from '../core';
import { PaintOutcome } from './paintConflicts';

// What the session shows the pane and the ribbon, and what it keeps to undo.

/** A one-click fix of an issue: its suggestion, or the alternative the user picked, written into its cell. */
export interface IssueFix {
  readonly kind: 'fix';
  readonly issue: Issue;
  readonly value?: string;
}

/** The same fix on many rows at once ("Use Trainium2 on 12 rows"): one step, one Undo. */
export interface IssueFixes {
  readonly kind: 'fixes';
  readonly issues: readonly Issue[];
  readonly value: string;
}

/** A levelling plan (or the steps of it the lead kept), applied, logged and undone as one resolution. */
export interface Levelling {
  readonly kind: 'level';
  readonly steps: readonly PlanStep[];
}

export type Action = Resolution | IssueFix | IssueFixes | Levelling;

export interface CheckedWorkbook {
  readonly report: CheckReport;
  readonly snapshot: WorkbookSnapshot;
  readonly checkedAt: Date;
  readonly paint: PaintOutcome;
}

export interface SessionState {
  readonly busy: 'checking' | 'applying' | null;
  readonly checked: CheckedWorkbook | null;
  /** Why the workbook cannot be checked (no allocation table), in one sentence. */
  readonly problem: string | null;
  /** Something the user should read: a refused write, an error. */
  readonly notice: { readonly kind: 'info' | 'warning' | 'error'; readonly text: string } | null;
  /** What Undo would revert, or null. */
  readonly undoLabel: string | null;
}

/** A change the session applied, with the words of its button, so Undo can take it back. */
export interface UndoStep extends LoggedChange {
  readonly label: string;
}

export type ExcelRun = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface SessionOptions {
  /** Defaults to the global `Excel.run`, looked up when called. */
  readonly run?: ExcelRun;
  readonly now?: () => Date;
  /** Name written in the log's Who column. */
  readonly who?: () => string;
  readonly checkOptions?: CheckOptions;
  /** Quiet time after the last edit before a live re-check. */
  readonly debounceMs?: number;
  /** Lets the page paint and take input between a check's long steps (the task pane passes one; Node runs straight through). */
  readonly yieldToPane?: () => Promise<void>;
}

/** What applying an action writes, the words of its button, and its log entries (one, or one per edit of a plan). */
export function planStep(checked: CheckedWorkbook, action: Action): { step: UndoStep; entries: LoggedChange[] } {
  if (action.kind === 'level') return planLevelling(checked, action.steps);
  const step = planOneStep(checked, action);
  return { step, entries: [step] };
}

function planOneStep(checked: CheckedWorkbook, action: Exclude<Action, Levelling>): UndoStep {
  const { report, snapshot } = checked;
  if (action.kind === 'fix') {
    const { issue } = action;
    const value = action.value ?? issue.suggestion;
    return { action: 'fix', conflict: '', rows: String(issue.row), edits: planIssueFix(snapshot, issue, value), label: `Fix ${issue.cell}: ${value}`, reason: issue.message };
  }
  if (action.kind === 'fixes') {
    const edits = action.issues.flatMap((issue) => planIssueFix(snapshot, issue, action.value));
    const rows = [...new Set(action.issues.map((issue) => issue.row))];
    return { action: 'fix', conflict: '', rows: rows.join(', '), edits, label: `Use ${action.value} on ${plural(rows.length, 'row')}`, reason: action.issues[0]?.message ?? '' };
  }
  const label = describeResolution(report, action);
  const conflict = report.conflicts.find((candidate) => candidate.id === action.conflictId);
  const settles = action.kind === 'accept' || action.kind === 'revoke';
  const rows = settles ? (conflict?.rows ?? []).join(', ') : String(action.row);
  return { action: action.kind, conflict: action.conflictId, rows, edits: planResolutionEdits(report, snapshot, action), label, reason: settles ? action.reason : label };
}


/** A plan as one step to undo, logged as one entry per edit under the plan's id. */
function planLevelling(checked: CheckedWorkbook, steps: readonly PlanStep[]): { step: UndoStep; entries: LoggedChange[] } {
  const id = planId(steps);
  const rows = steps.map((planned) => planned.resolution.row);
  const entries = planLogChanges(checked.report, steps);
  const label = `Level the calendar: ${plural(steps.length, 'change')} (plan ${id})`;
  return { step: { action: 'level', conflict: id, rows: rows.join(', '), edits: steps.flatMap((planned) => planned.edits), label, reason: label }, entries };
}

/** Excel's refusals the user can act on, in words; other errors keep their own message. */
const ACTIONABLE: Readonly<Record<string, string>> = {
  InvalidOperationInCellEditMode: 'Excel is waiting for you to finish editing a cell. Press Enter or Esc, then try again.',
  AccessDenied: 'a sheet it must change is protected. Unprotect it (Review › Unprotect Sheet) and try again.',
};

/** The message of an error as the pane shows it. */
export function messageOf(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && code in ACTIONABLE) return ACTIONABLE[code];
  return error instanceof Error ? error.message : String(error);
}

/** Two co-authors added the same sheet at once, and this add-in came second. */
export function isAlreadyAdded(error: unknown): boolean {
  return (error as { code?: unknown })?.code === 'ItemAlreadyExists';
}
