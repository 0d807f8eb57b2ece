import * as React from 'react';
import { Badge, Button } from '@fluentui/react-components';
import { formatReadableDay, Issue, parseIsoDay, plural } from '../core';
import { FilterSelect } from './FilterSelect';
import { VirtualList } from './VirtualList';

export interface IssuesViewProps {
  readonly issues: readonly Issue[];
  readonly busy: boolean;
  readonly onFix: (issue: Issue, value?: string) => void;
  readonly onFixAll: (issues: readonly Issue[], value: string) => void;
  readonly onSelectCell: (sheet: string, cell: string) => void;
}

/** "4 May 2026" for an ISO day, else the value as it is. */
function readableAlternative(value: string): string {
  const day = parseIsoDay(value);
  return day === undefined ? value : formatReadableDay(day);
}

/** Issues that one value fixes on many rows: the same code and the same suggestion. */
function bulkFixes(issues: readonly Issue[]): Array<{ value: string; code: string; issues: Issue[] }> {
  const groups = new Map<string, { value: string; code: string; issues: Issue[] }>();
  for (const issue of issues) {
    if (issue.suggestion === undefined || issue.cell === null) continue;
    const key = `${issue.code}\u0000${issue.suggestion}`;
    const group = groups.get(key) ?? { value: issue.suggestion, code: issue.code, issues: [] };
    group.issues.push(issue);
    groups.set(key, group);
  }
  return [...groups.values()].filter((group) => group.issues.length > 1).sort((a, b) => b.issues.length - a.issues.length);
}

/** The validation issues, narrowed by severity and code, grouped by row; a cell is one click away, a fix too. */
export function IssuesView({ issues, busy, onFix, onFixAll, onSelectCell }: IssuesViewProps) {
  const [severity, setSeverity] = React.useState('');
  const [code, setCode] = React.useState('');
  const codes = React.useMemo(() => [...new Set(issues.map((issue) => issue.code))].sort(), [issues]);
  const shown = React.useMemo(() => issues.filter((issue) => (severity === '' || issue.severity === severity) && (code === '' || issue.code === code)), [issues, severity, code]);
  const groups = React.useMemo(() => {
    const byRow = new Map<string, Issue[]>();
    for (const issue of shown) {
      const key = `${issue.sheet}\u0000${issue.row}`;
      byRow.set(key, [...(byRow.get(key) ?? []), issue]);
    }
    return [...byRow.values()];
  }, [shown]);
  const bulk = React.useMemo(() => bulkFixes(shown), [shown]);
  if (issues.length === 0) return <p className="empty">Every row is valid.</p>;
  return (
    <section className="issues-view" aria-labelledby="issues-heading">
      <h2 id="issues-heading">{`Issues (${plural(issues.filter((issue) => issue.severity === 'error').length, 'error')}, ${plural(issues.filter((issue) => issue.severity === 'warning').length, 'warning')})`}</h2>
      <div className="filters" role="group" aria-label="Narrow the issues">
        <FilterSelect label="Severity" value={severity} onChange={setSeverity}><option value="">All</option><option value="error">Errors</option><option value="warning">Warnings</option></FilterSelect>
        <FilterSelect label="Code" value={code} onChange={setCode}><option value="">All</option>{codes.map((value) => <option key={value} value={value}>{value}</option>)}</FilterSelect>
      </div>
      {bulk.length > 0 && (
        <div className="bulk-fixes">
          {bulk.map((group) => (
            <Button key={`${group.code}-${group.value}`} disabled={busy} onClick={() => onFixAll(group.issues, group.value)}>{`Use ${group.value} on ${plural(new Set(group.issues.map((issue) => issue.row)).size, 'row')}`}</Button>
          ))}
        </div>
      )}
      <VirtualList
        label="Issues" keys={groups.map((group) => `${group[0].sheet}:${group[0].row}`)} estimate={(index) => 40 + groups[index].length * 48}
        renderItem={(index) => {
          const group = groups[index];
          return (
            <div className="issue-row">
              <h3>{`Row ${group[0].row}${group[0].sheet ? ` · ${group[0].sheet}` : ''}`}</h3>
              <ul>
                {group.map((issue, position) => (
                  <li key={position} className={`issue ${issue.severity}`}>
                    <Badge appearance="tint" color={issue.severity === 'error' ? 'danger' : 'warning'}>{issue.severity}</Badge>{' '}
                    {issue.cell !== null
                      ? <button type="button" className="link where" title="Select this cell in the sheet" onClick={() => onSelectCell(issue.sheet, issue.cell as string)}>{issue.cell}</button>
                      : <span className="where">{issue.column}</span>}{' '}
                    <span className="message">{issue.message}</span>
                    {issue.suggestion !== undefined && issue.cell !== null && <Button size="small" disabled={busy} onClick={() => onFix(issue)}>{`Use ${issue.suggestion}`}</Button>}
                    {issue.cell !== null && issue.alternatives?.map((value) => (
                      <Button key={value} size="small" disabled={busy} onClick={() => onFix(issue, value)}>{`Use ${readableAlternative(value)}`}</Button>
                    ))}
                  </li>
                ))}
              </ul>
            </div>
          );
        }}
      />
    </section>
  );
}
