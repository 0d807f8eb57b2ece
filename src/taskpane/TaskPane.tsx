import * as React from 'react';
import { Button, Field, FluentProvider, Input, MessageBar, MessageBarBody, Spinner, ToggleButton, webLightTheme } from '@fluentui/react-components';
import { Conflict, formatCount, Issue, PlanStep, Resolution, summarize, tableLabel } from '../core';
import { Action, CheckSession } from '../excel/checkSession';
import { ConflictsView } from './ConflictsView';
import { IssuesView } from './IssuesView';
import { Overview, PoolWeekPick } from './Overview';
import { PanePreferences, PREFERENCE_KEYS } from './preferences';
import { useSessionState } from './useSessionState';

export interface TaskPaneProps {
  readonly session: CheckSession;
  /** Where the pane keeps the lead's name, lab and list mode between sessions. */
  readonly preferences: PanePreferences;
}

type View = 'conflicts' | 'overview' | 'issues';

/**
 * The task pane: the workbook's state, Check and Undo in a header that stays in view, then the conflicts
 * or the issues. The result of an action shows at the card it was taken on and in a polite live region.
 * Long for its markup: the header, the views and the live region all read the session's one state.
 */
export function TaskPane({ session, preferences }: TaskPaneProps) {
  const state = useSessionState(session);
  const [view, setView] = React.useState<View>('conflicts');
  const [lastConflict, setLastConflict] = React.useState<string | null>(null);
  const [pick, setPick] = React.useState<PoolWeekPick | null>(null);
  const [pending, setPending] = React.useState<Action | null>(null);
  const [name, setName] = React.useState(preferences.get(PREFERENCE_KEYS.who));
  const checked = state.checked;
  const report = checked?.report ?? null;
  const summary = report === null ? null : summarize(report);
  const busy = state.busy !== null;

  // The log names who made each change: the name is asked once, before the first one.
  const run = (action: Action) => {
    if (preferences.get(PREFERENCE_KEYS.who).trim() === '') setPending(action);
    else void session.apply(action);
  };
  const apply = (resolution: Resolution) => {
    setLastConflict(resolution.conflictId);
    run(resolution);
  };
  const level = (steps: readonly PlanStep[]) => {
    setLastConflict(null);
    run({ kind: 'level', steps });
  };
  const fix = (issue: Issue, value?: string) => run({ kind: 'fix', issue, value });
  const fixAll = (issues: readonly Issue[], value: string) => run({ kind: 'fixes', issues, value });
  const select = (conflict: Conflict) => void session.selectConflict(conflict).catch((error) => session.reportError(error));
  const cardNotice = lastConflict !== null && state.notice !== null ? { conflictId: lastConflict, notice: state.notice } : null;

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
        {checked && <p className="checked-at">{`Last checked ${checked.checkedAt.toLocaleTimeString()} · ${tableLabel(checked.report.allocation)}`}</p>}
        <div className="toolbar">
          <Button appearance="primary" disabled={busy} onClick={() => { setLastConflict(null); void session.check(); }}>Check conflicts</Button>
          <Button disabled={busy || state.undoLabel === null} onClick={() => { setLastConflict(null); void session.undo(); }} title={state.undoLabel ?? undefined}>
            {state.undoLabel ? 'Undo last resolution' : 'Undo'}
          </Button>
          {busy && <Spinner size="tiny" label={state.busy === 'checking' ? 'Checking…' : 'Applying…'} />}
          {state.busy === 'checking' && <Button appearance="subtle" onClick={() => session.cancel()}>Cancel check</Button>}
        </div>
        <div aria-live="polite" className="live">
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
        {pending && (
          <form className="who-prompt" onSubmit={(event) => {
            event.preventDefault();
            if (name.trim() === '') return;
            preferences.set(PREFERENCE_KEYS.who, name.trim());
            void session.apply(pending);
            setPending(null);
          }}>
            <Field label="Your name, for the resolution log" hint="Asked once; every change you make is logged under it.">
              <Input value={name} onChange={(_, data) => setName(data.value)} autoFocus />
            </Field>
            <Button type="submit" appearance="primary" disabled={name.trim() === ''}>Save and apply</Button>
            <Button onClick={() => setPending(null)}>Cancel</Button>
          </form>
        )}
        {report && (
          <div className="view-switch" role="group" aria-label="Show">
            <ToggleButton size="small" checked={view === 'conflicts'} onClick={() => setView('conflicts')}>{`Conflicts (${summary?.openConflicts ?? 0})`}</ToggleButton>
            <ToggleButton size="small" checked={view === 'overview'} onClick={() => setView('overview')}>Overview</ToggleButton>
            <ToggleButton size="small" checked={view === 'issues'} onClick={() => setView('issues')}>{`Issues (${report.issues.length})`}</ToggleButton>
          </div>
        )}
      </header>
      {checked !== null && report !== null && view === 'conflicts' && (
        <ConflictsView
          report={report} snapshot={checked.snapshot} busy={busy} preferences={preferences} cardNotice={cardNotice} pick={pick} onPicked={() => setPick(null)}
          onApply={apply} onLevel={level} onSelect={select} onSelectRows={(rows) => void session.selectRows(rows).catch((error) => session.reportError(error))}
        />
      )}
      {report !== null && view === 'overview' && <Overview report={report} onPick={(picked) => { setPick(picked); setView('conflicts'); }} />}
      {report !== null && view === 'issues' && (
        <IssuesView issues={report.issues} busy={busy} onFix={fix} onFixAll={fixAll} onSelectCell={(sheet, cell) => void session.selectCell(sheet, cell).catch((error) => session.reportError(error))} />
      )}
    </FluentProvider>
  );
}
