import * as React from 'react';
import { Badge, Button, Field, Input } from '@fluentui/react-components';
import {
  acceptanceNote, bookingAt, CheckReport, Conflict, ConflictStake, daysIn, describeStakeFigures, describeResolution, formatCount, formatWindow, plural, poolLabel, orderPreviews, PreviewedSuggestion, previewResolution,
  Resolution, suggestionsFor, WorkbookSnapshot,
} from '../core';
import { BookingFacts, givesWayNote } from './BookingFacts';
import { ConflictTimeline } from './ConflictTimeline';

export interface ConflictCardProps {
  readonly report: CheckReport;
  /** The workbook as the check read it, to preview what each resolution would write. */
  readonly snapshot: WorkbookSnapshot;
  readonly conflict: Conflict;
  /** What the conflict puts at stake, when the signals know it. */
  readonly stake?: ConflictStake;
  readonly busy: boolean;
  /** What the last action on this card did, shown here and in the pane's live region. */
  readonly notice?: { readonly kind: 'info' | 'warning' | 'error'; readonly text: string };
  readonly onApply: (resolution: Resolution) => void;
  readonly onSelect: (conflict: Conflict) => void;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** What applying a suggestion would break, said before it is applied; nothing when it breaks no rule. */
function RaisesNote({ preview }: { readonly preview: PreviewedSuggestion }) {
  if (preview.raises.length === 0) return null;
  return <p className="raises">{`Would raise: ${preview.raises.map((issue) => `${issue.code} on ${issue.cell ?? issue.column}`).join(', ')}`}</p>;
}

/**
 * One conflict: what collides, when, the facts of each booking, who gives way and why, a timeline, and
 * the ways to resolve it. Its suggestions are worked out when the card is shown, and their previews
 * (which check the changed row again) in a task of their own after it has painted. Long for its markup:
 * the card's parts share its suggestions and notice, and each part is a few lines of JSX.
 */
export function ConflictCard({ report, snapshot, conflict, stake, busy, notice, onApply, onSelect }: ConflictCardProps) {
  const [reason, setReason] = React.useState('');
  const [showMore, setShowMore] = React.useState(false);
  // Suggestions, then each one's preview, are worked out in tasks of their own after the card has
  // painted, so that no card holds the pane's thread for long.
  const [options, setOptions] = React.useState<ReturnType<typeof suggestionsFor> | null>(null);
  const [previews, setPreviews] = React.useState<PreviewedSuggestion[] | null>(null);
  React.useEffect(() => {
    setOptions(null);
    setPreviews(null);
    if (conflict.accepted) return;
    let cancelled = false;
    let task = setTimeout(() => {
      const worked = suggestionsFor(report, conflict);
      setOptions(worked);
      const done: PreviewedSuggestion[] = [];
      const next = (index: number) => {
        if (cancelled) return;
        if (index === worked.ranked.length) return setPreviews(orderPreviews(done));
        done.push(previewResolution(report, snapshot, worked.ranked[index]));
        task = setTimeout(() => next(index + 1), 0);
      };
      task = setTimeout(() => next(0), 0);
    }, 0);
    return () => {
      cancelled = true;
      clearTimeout(task);
    };
  }, [report, snapshot, conflict]);
  const ranked = previews ?? options?.ranked.map((suggestion) => ({ suggestion, edits: [], raises: [] })) ?? [];
  const [best, ...others] = ranked;
  const headingId = `conflict-${conflict.id}`;
  const givesWay = conflict.accepted ? undefined : givesWayNote(report, conflict);

  return (
    <article className={`conflict${conflict.accepted ? ' accepted' : ''}`} aria-labelledby={headingId}>
      <div className="conflict-head">
        <h3 id={headingId}>
          <button type="button" className="link" onClick={() => onSelect(conflict)} title="Select these rows in the sheet">{poolLabel(conflict.pool)}</button>
        </h3>
        {conflict.accepted
          ? <Badge appearance="tint" color="informative">Accepted</Badge>
          : <Badge appearance="filled" color="danger">{conflict.excessChips !== null ? `${plural(conflict.excessChips, 'chip')} over` : 'Double-booked'}</Badge>}
      </div>
      <p className="window">{`${formatWindow(conflict.start, conflict.end)} (${plural(daysIn(conflict.start, conflict.end), 'day')})`}</p>
      {stake && <p className="stake">{describeStakeFigures(stake)}</p>}
      <BookingFacts report={report} conflict={conflict} givesWay={givesWay?.row} />
      {givesWay && <p className="gives-way-note">{givesWay.text}</p>}
      {conflict.lapsedAcceptance && <p className="lapsed">{`Open again: ${acceptanceNote(conflict.lapsedAcceptance)}, but its rows have changed since.`}</p>}
      {options?.oversized.map((cause) => (
        <p key={cause.row} className="cause">{`Row ${cause.row} alone books ${formatCount(cause.chips)} of the ${plural(cause.capacity, 'reserved chip')}.`}</p>
      ))}
      {conflict.capacityChips !== null && <p className="capacity">{`Reserved ${plural(conflict.capacityChips, 'chip')}, booked up to ${plural(conflict.bookedChips ?? 0, 'chip')}.`}</p>}
      <ConflictTimeline report={report} conflict={conflict} />
      {notice && <p className={`card-notice ${notice.kind}`} role="status">{notice.text}</p>}
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
          ) : options === null ? (
            <p className="hint">Working out resolutions…</p>
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
    </article>
  );
}

/** A conflict on one line, for long lists: pool, window, how far over, its labs; opening it shows its card. */
export function ConflictRow({ report, conflict, onOpen }: { report: CheckReport; conflict: Conflict; onOpen: () => void }) {
  const labs = [...new Set(conflict.rows.map((row) => bookingAt(report, row)?.lab ?? '').filter(Boolean))];
  const over = conflict.accepted ? 'accepted' : conflict.excessChips !== null ? `${formatCount(conflict.excessChips)} over` : `${conflict.rows.length} bookings`;
  return (
    <button type="button" className={`conflict-row${conflict.accepted ? ' accepted' : ''}`} onClick={onOpen} aria-label={`${poolLabel(conflict.pool)}, ${formatWindow(conflict.start, conflict.end)}, ${over}: open`}>
      <span className="row-pool">{poolLabel(conflict.pool)}</span>
      <span className="row-window">{formatWindow(conflict.start, conflict.end)}</span>
      <span className="row-over">{over}</span>
      <span className="row-labs">{labs.join(', ')}</span>
    </button>
  );
}
