import * as React from 'react';
import { Badge, Button, Field, Input } from '@fluentui/react-components';
import {
  acceptanceNote, bookingAt, bookingDetails, bookingName, CheckReport, Conflict, daysIn, describeResolution, formatCount, formatWindow, plural, poolLabel, PreviewedSuggestion, previewSuggestions, Resolution, suggestionsFor, WorkbookSnapshot,
} from '../core';
import { ConflictTimeline } from './ConflictTimeline';

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What applying a suggestion would break, said before it is applied; nothing when it breaks no rule. */
function RaisesNote({ preview }: { readonly preview: PreviewedSuggestion }) {
  if (preview.raises.length === 0) return null;
  return <p className="raises">{`Would raise: ${preview.raises.map((issue) => `${issue.code} on ${issue.cell ?? issue.column}`).join(', ')}`}</p>;
}

export interface ConflictCardProps {
  readonly report: CheckReport;
  /** The workbook as the check read it, to preview what each resolution would write. */
  readonly snapshot: WorkbookSnapshot;
  readonly conflict: Conflict;
  readonly busy: boolean;
  readonly onApply: (resolution: Resolution) => void;
  readonly onSelect: (conflict: Conflict) => void;
}

/** One conflict: what collides, when, who is involved, a timeline, and the ways to resolve it. */
export function ConflictCard({ report, snapshot, conflict, busy, onApply, onSelect }: ConflictCardProps) {
  const [reason, setReason] = React.useState('');
  const [showMore, setShowMore] = React.useState(false);
  const options = React.useMemo(() => (conflict.accepted ? null : suggestionsFor(report, conflict)), [report, conflict]);
  const days = daysIn(conflict.start, conflict.end);
  const window = formatWindow(conflict.start, conflict.end);
  const headingId = `conflict-${conflict.id}`;
  // Suggestions that would raise an issue come last, each saying what it would raise.
  const previews = React.useMemo(() => (options === null ? [] : previewSuggestions(report, snapshot, options.ranked)), [report, snapshot, options]);
  const [best, ...others] = previews;

  return (
    <li className={`conflict${conflict.accepted ? ' accepted' : ''}`} aria-labelledby={headingId}>
      <div className="conflict-head">
        <h3 id={headingId}>
          <button type="button" className="link" onClick={() => onSelect(conflict)} title="Select these rows in the sheet">
            {poolLabel(conflict.pool)}
          </button>
        </h3>
        {conflict.accepted ? <Badge appearance="tint" color="informative">Accepted</Badge> : <Badge appearance="filled" color="danger">{conflict.excessChips !== null ? `${plural(conflict.excessChips, 'chip')} over` : 'Double-booked'}</Badge>}
      </div>
      <p className="window">{`${window} (${plural(days, 'day')})`}</p>
      <ul className="involved" aria-label="Bookings involved">
        {conflict.rows.map((row) => {
          const booking = bookingAt(report, row);
          const details = bookingDetails(booking);
          return <li key={row}>{`Row ${row}: ${bookingName(booking, row)}${details ? ` — ${details}` : ''}`}</li>;
        })}
      </ul>
      {conflict.lapsedAcceptance && <p className="lapsed">{`Open again: ${acceptanceNote(conflict.lapsedAcceptance)}, but its rows have changed since.`}</p>}
      {options?.oversized.map((cause) => (
        <p key={cause.row} className="cause">{`Row ${cause.row} alone books ${formatCount(cause.chips)} of the ${plural(cause.capacity, 'reserved chip')}.`}</p>
      ))}
      {conflict.capacityChips !== null && <p className="capacity">{`Reserved ${plural(conflict.capacityChips, 'chip')}, booked up to ${plural(conflict.bookedChips ?? 0, 'chip')}.`}</p>}
      <ConflictTimeline report={report} conflict={conflict} />
      {conflict.accepted ? (
        <div className="reason">
          <p>{conflict.acceptance ? upperFirst(acceptanceNote(conflict.acceptance)) : 'Accepted'}</p>
          <Button size="small" disabled={busy} onClick={() => onApply({ kind: 'revoke', conflictId: conflict.id, reason: 'Reopened from the task pane' })}>Reopen conflict</Button>
        </div>
      ) : (
        <div className="actions">
          {best ? (
            <>
              <Button appearance="primary" disabled={busy} onClick={() => onApply(best.suggestion)}>{describeResolution(report, best.suggestion)}</Button>
              <RaisesNote preview={best} />
            </>
          ) : (
            <p className="hint">No single booking can be shifted, trimmed, moved or shrunk to clear this conflict.</p>
          )}
          {others.length > 0 && (
            <Button appearance="subtle" aria-expanded={showMore} onClick={() => setShowMore(!showMore)}>
              {showMore ? 'Fewer options' : `${plural(others.length, 'more option')}`}
            </Button>
          )}
          {showMore && (
            <ul className="options" aria-label="Other resolutions">
              {others.map((option, index) => (
                <li key={index}>
                  <Button disabled={busy} onClick={() => onApply(option.suggestion)}>{describeResolution(report, option.suggestion)}</Button>
                  <RaisesNote preview={option} />
                </li>
              ))}
            </ul>
          )}
          <form
            className="accept"
            onSubmit={(event) => {
              event.preventDefault();
              if (reason.trim() !== '') onApply({ kind: 'accept', conflictId: conflict.id, reason: reason.trim() });
            }}
          >
            <Field label="Reason for accepting the conflict">
              <Input value={reason} onChange={(_, data) => setReason(data.value)} placeholder="e.g. shared run, both teams agree" />
            </Field>
            <Button type="submit" disabled={busy || reason.trim() === ''}>Accept conflict</Button>
          </form>
        </div>
      )}
    </li>
  );
}
