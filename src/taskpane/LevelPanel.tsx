import * as React from 'react';
import { Button, Checkbox } from '@fluentui/react-components';
import { bookingAt, CalendarDay, CheckReport, describeResolution, formatShortDay, LevelOptions, levelCalendar, PlanStep, plural, WorkbookSnapshot } from '../core';

export interface LevelPanelProps {
  readonly report: CheckReport;
  readonly snapshot: WorkbookSnapshot;
  /** Which conflicts to level: all, or the group the list is narrowed to. */
  readonly options: LevelOptions;
  /** "all conflicts", "Lab A's conflicts". */
  readonly scopeLabel: string;
  readonly busy: boolean;
  readonly onApply: (steps: readonly PlanStep[]) => void;
  readonly onClose: () => void;
}

/**
 * The levelling plan before it is applied: its totals, each change with the booking's days before and
 * after, a box to leave a change out, and the conflicts it leaves with why. Applying writes the ticked
 * changes as one resolution.
 */
export function LevelPanel({ report, snapshot, options, scopeLabel, busy, onApply, onClose }: LevelPanelProps) {
  const plan = React.useMemo(() => levelCalendar(report, snapshot, options), [report, snapshot, options]);
  const [left, setLeft] = React.useState<ReadonlySet<number>>(new Set());
  const kept = plan.steps.filter((_, index) => !left.has(index));
  const { totals } = plan;
  return (
    <section className="level-panel" aria-labelledby="level-heading">
      <h2 id="level-heading">{`Level ${scopeLabel}`}</h2>
      <p className="level-totals">
        {`${plural(totals.resolved, 'conflict')} of ${totals.conflicts} resolved: ${plural(totals.bookingsShifted, 'booking')} shifted by ${plural(totals.daysShifted, 'day')} in all, ${plural(totals.bookingsMoved, 'booking')} moved; ${plural(totals.left, 'conflict')} left.`}
      </p>
      {plan.steps.length > 0 && (
        <ul className="plan-steps" aria-label="Changes of the plan">
          {plan.steps.map((step, index) => (
            <li key={index}>
              <Checkbox
                checked={!left.has(index)}
                label={describeResolution(report, step.resolution)}
                onChange={(_, data) => setLeft((current) => {
                  const next = new Set(current);
                  if (data.checked) next.delete(index);
                  else next.add(index);
                  return next;
                })}
              />
              <BeforeAfter report={report} step={step} />
            </li>
          ))}
        </ul>
      )}
      {plan.left.length > 0 && (
        <ul className="plan-left" aria-label="Conflicts left">
          {plan.left.map((item) => {
            const conflict = report.conflicts.find((candidate) => candidate.id === item.conflictId);
            return <li key={item.conflictId}>{`${conflict ? `${conflict.pool.silicon} ${formatShortDay(conflict.start)}–${formatShortDay(conflict.end)}, rows ${conflict.rows.join(', ')}` : item.conflictId}: ${item.reason}`}</li>;
          })}
        </ul>
      )}
      <div className="toolbar">
        <Button appearance="primary" disabled={busy || kept.length === 0} onClick={() => onApply(kept)}>{`Apply ${plural(kept.length, 'change')}`}</Button>
        <Button onClick={onClose}>Close</Button>
      </div>
    </section>
  );
}

/** The booking's days before and after the change, on one small scale. */
function BeforeAfter({ report, step }: { report: CheckReport; step: PlanStep }) {
  const booking = bookingAt(report, step.resolution.row);
  if (booking?.start == null || booking.endExclusive === null) return null;
  const before: [CalendarDay, CalendarDay] = [booking.start, booking.endExclusive];
  const after: [CalendarDay, CalendarDay] = step.resolution.kind === 'shift' ? [step.resolution.start, step.resolution.end + 1] : before;
  const first = Math.min(before[0], after[0]);
  const span = Math.max(before[1], after[1]) - first;
  const bar = ([start, end]: [CalendarDay, CalendarDay], kind: string) => (
    <span className={`plan-bar ${kind}`} style={{ left: `${((start - first) / span) * 100}%`, width: `${((end - start) / span) * 100}%` }} />
  );
  const where = step.resolution.kind === 'move' ? ` → ${step.resolution.provider} ${step.resolution.region}` : '';
  return (
    <div className="before-after" role="img" aria-label={`Row ${booking.sheetRow}: ${formatShortDay(before[0])}–${formatShortDay(before[1] - 1)} before, ${formatShortDay(after[0])}–${formatShortDay(after[1] - 1)} after${where}`}>
      <div className="plan-track" aria-hidden="true">{bar(before, 'before')}</div>
      <div className="plan-track" aria-hidden="true">{bar(after, 'after')}</div>
    </div>
  );
}
