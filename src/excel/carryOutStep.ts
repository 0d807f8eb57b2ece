import { CellEdit, CheckOptions, FormulaCell, LogEntry } from '../core';
import { applyCellEdits, ChangedCell } from './applyCellEdits';
import { CheckPlan, patchRead, planCheck, withState } from './checkPlan';
import { PaintOutcome, planPaint, unpainted } from './paintConflicts';
import { WorkbookRead } from './readWorkbook';

export type StepResult =
  | { readonly kind: 'done'; readonly read: WorkbookRead; readonly plan: CheckPlan; readonly paint: PaintOutcome; readonly stored: CellEdit[] }
  | { readonly kind: 'changed'; readonly changed: ChangedCell[] }
  | { readonly kind: 'formula'; readonly cell: FormulaCell }
  | { readonly kind: 'protected'; readonly sheet: string };

/**
 * Carries out a resolution, a fix or an undo, and the check it leads to, in two syncs (three requests
 * with the run's clean-up): the check is made in memory on the last read with the edits and the log
 * entry in it, so its paint is known before anything is written and goes out with the edits, in one
 * request that one Ctrl+Z takes back. The read and report it leaves hold what Excel stored.
 */
export async function carryOutStep(
  context: Excel.RequestContext, read: WorkbookRead, edits: readonly CellEdit[], entries: readonly LogEntry[], options: CheckOptions | undefined,
  yieldToPane: () => Promise<void>,
): Promise<StepResult> {
  const predicted = planCheck(patchRead(read, edits, entries), options);
  const outcome = await applyCellEdits(context, { edits, entries, paint: planPaint(predicted.paint) });
  if (!outcome.ok) return outcome.reason === 'changed' ? { kind: 'changed', changed: outcome.changed } : outcome.reason === 'formula' ? { kind: 'formula', cell: outcome.cell } : { kind: 'protected', sheet: outcome.sheet };
  // The answer was read in this task; the check of what Excel stored gets one of its own.
  await yieldToPane();
  const paint = outcome.paint ?? unpainted(predicted.paint);
  const after = withState(patchRead(read, outcome.stored, entries, outcome.logRows), paint.stateRows, paint.stateSheetId);
  return { kind: 'done', read: after, plan: planCheck(after, options), paint, stored: outcome.stored };
}
