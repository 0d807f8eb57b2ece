import { CheckReport } from '../model/report';
import { describeResolution } from '../presentation/describeResolution';
import { PlanStep } from './levelCalendar';
import { LoggedChange } from './resolutionLog';

/** The id the log groups a plan's entries under: "L-" and eight hex digits of its edits, the same for the same plan. */
export function planId(steps: readonly PlanStep[]): string {
  const text = JSON.stringify(steps.map((step) => step.edits));
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return `L-${(hash >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * The log entries of a plan, one per step, each under the plan's id: action `level shift` or `level
 * move`, the conflict it resolves, its row and cells, and the reason "Plan L-…: Shift …".
 */
export function planLogChanges(report: CheckReport, steps: readonly PlanStep[]): LoggedChange[] {
  const id = planId(steps);
  return steps.map(({ resolution, edits }) => ({
    action: `level ${resolution.kind}`, conflict: resolution.conflictId, rows: String(resolution.row), edits, reason: `Plan ${id}: ${describeResolution(report, resolution)}`,
  }));
}
