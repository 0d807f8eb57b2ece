import { CheckReport, formatWindow, JsonPlan, plural, poolLabel } from '../core';
import { Palette, PLAIN } from './formatReport';

/**
 * The plan in words: one line per change (row, booking, what changes and its cells before → after), the
 * totals, then each conflict left with the reason.
 * @example "  Row 3 Lab C / Sprint: shift 8 days, Start 2026-04-20 → 2026-04-28, End 2026-04-30 → 2026-05-08"
 */
export function formatPlan(report: CheckReport, plan: JsonPlan, palette: Palette = PLAIN): string {
  const { totals } = plan;
  const lines = [palette.bold(`Levelling plan ${plan.id}: ${plural(plan.steps.length, 'change')}`)];
  for (const step of plan.steps) {
    const what = step.kind === 'shift' ? `shift ${plural(step.days, 'day')}` : `move to ${poolLabel(step)}`;
    const cells = step.edits.map((edit) => `${edit.column || edit.cell} ${shown(edit.before)} → ${shown(edit.after)}`);
    lines.push(`  Row ${step.row} ${step.booking}: ${[what, ...cells].join(', ')}`);
  }
  const resolved = totals.conflicts === 0 ? 'no open conflicts to level' : `${totals.resolved} of ${plural(totals.conflicts, 'conflict')} resolved`;
  lines.push(`  ${[resolved, `${plural(totals.bookingsShifted, 'booking')} shifted (${plural(totals.daysShifted, 'day')} in all)`, `${plural(totals.bookingsMoved, 'booking')} moved`, `${totals.left} left`].join(' · ')}`);
  if (plan.left.length > 0) {
    lines.push('', palette.bold('Conflicts left as they are'));
    for (const left of plan.left) {
      const conflict = report.conflicts.find((candidate) => candidate.id === left.conflictId);
      const where = conflict === undefined ? '' : ` ${poolLabel(conflict.pool)}: ${formatWindow(conflict.start, conflict.end)}, rows ${conflict.rows.join(', ')}`;
      lines.push(`  ${palette.bold(left.conflictId)}${where}`, `    ${palette.yellow(left.reason)}`);
    }
  }
  return lines.join('\n');
}

function shown(value: JsonPlan['steps'][number]['edits'][number]['before']): string {
  if (value === null || value === '') return '(empty)';
  return typeof value === 'object' ? value.error : String(value);
}
