import * as React from 'react';
import { Button, Field, FluentProvider, Input, MessageBar, MessageBarBody, Spinner, webLightTheme } from '@fluentui/react-components';
import { Conflict, formatCount, plural, summarize, tableLabel } from '../core';
import { CheckSession } from '../excel/checkSession';
import { ConflictCard } from './ConflictCard';
import { IssueList } from './IssueList';
import { useSessionState } from './useSessionState';

export interface TaskPaneProps {
  readonly session: CheckSession;
  /** The lead's name for the log, and where it is kept between sessions. */
  readonly who: { get: () => string; set: (name: string) => void };
}

/** The task pane: the workbook's state, its conflicts with their resolutions, and its issues. */
export function TaskPane({ session, who }: TaskPaneProps) {
  const state = useSessionState(session);
  const [name, setName] = React.useState(who.get());
  const checked = state.checked;
  const report = checked?.report ?? null;
  const busy = state.busy !== null;
  const summary = report === null ? null : summarize(report);
  const open = report?.conflicts.filter((conflict) => !conflict.accepted) ?? [];
  const accepted = report?.conflicts.filter((conflict) => conflict.accepted) ?? [];
  const select = (conflict: Conflict) => void session.selectConflict(conflict).catch((error) => session.reportError(error));

  return (
    <FluentProvider theme={webLightTheme} className="pane">
      <header className="pane-header">
        <h1>Capacity conflicts</h1>
        {summary ? (
          <dl className="stats" aria-label="Workbook state">
            <div><dt>Rows checked</dt><dd>{formatCount(summary.bookings)}</dd></div>
            <div><dt>Open conflicts</dt><dd>{formatCount(summary.openConflicts)}</dd></div>
            <div><dt>Accepted</dt><dd>{formatCount(summary.acceptedConflicts)}</dd></div>
            <div><dt>Errors</dt><dd>{formatCount(summary.errors)}</dd></div>
            <div><dt>Warnings</dt><dd>{formatCount(summary.warnings)}</dd></div>
          </dl>
        ) : (
          <p className="stats-empty">{state.problem ?? 'Not checked yet.'}</p>
        )}
        {state.checked && <p className="checked-at">{`Last checked ${state.checked.checkedAt.toLocaleTimeString()} · ${tableLabel(state.checked.report.allocation)}`}</p>}
        <div className="toolbar">
          <Button appearance="primary" disabled={busy} onClick={() => void session.check()}>Check conflicts</Button>
          <Button disabled={busy || state.undoLabel === null} onClick={() => void session.undo()} title={state.undoLabel ?? undefined}>
            {state.undoLabel ? 'Undo last resolution' : 'Undo'}
          </Button>
          {busy && <Spinner size="tiny" label={state.busy === 'checking' ? 'Checking…' : 'Applying…'} />}
          {state.busy === 'checking' && <Button appearance="subtle" onClick={() => session.cancel()}>Cancel check</Button>}
        </div>
      </header>
      <div aria-live="polite">
        {state.notice && (
          <MessageBar intent={state.notice.kind === 'info' ? 'success' : state.notice.kind}>
            <MessageBarBody>{state.notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {state.problem && (
          <MessageBar intent="warning">
            <MessageBarBody>{state.problem}</MessageBarBody>
          </MessageBar>
        )}
      </div>
      {checked !== null && report !== null && (
        <>
          <section aria-labelledby="conflicts-heading">
            <h2 id="conflicts-heading">{`Conflicts (${open.length} open${accepted.length ? `, ${accepted.length} accepted` : ''})`}</h2>
            {report.conflicts.length === 0 ? (
              <p className="empty">No conflicts.</p>
            ) : (
              <ul className="conflicts" aria-label="Conflicts">
                {[...open, ...accepted].map((conflict) => (
                  <ConflictCard key={conflict.id} report={report} snapshot={checked.snapshot} conflict={conflict} busy={busy} onApply={(resolution) => void session.apply(resolution)} onSelect={select} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="issues-heading">
            <h2 id="issues-heading">{`Issues (${plural(summary?.errors ?? 0, 'error')}, ${plural(summary?.warnings ?? 0, 'warning')})`}</h2>
            <IssueList issues={report.issues} busy={busy} onFix={(issue, value) => void session.apply({ kind: 'fix', issue, value })} />
          </section>
        </>
      )}
      <footer className="pane-footer">
        <Field label="Your name, for the resolution log">
          <Input
            value={name}
            onChange={(_, data) => {
              setName(data.value);
              who.set(data.value);
            }}
          />
        </Field>
      </footer>
    </FluentProvider>
  );
}
