import * as React from 'react';
import { Badge, Button } from '@fluentui/react-components';
import { formatReadableDay, Issue, parseIsoDay } from '../core';

/** "4 May 2026" for an ISO day, else the value as it is. */
function readableAlternative(value: string): string {
  const day = parseIsoDay(value);
  return day === undefined ? value : formatReadableDay(day);
}

export interface IssueListProps {
  readonly issues: readonly Issue[];
  readonly busy: boolean;
  readonly onFix: (issue: Issue, value?: string) => void;
}

/** Validation issues grouped by row, with a one-click fix where the checker has a suggestion. */
export function IssueList({ issues, busy, onFix }: IssueListProps) {
  const groups = React.useMemo(() => {
    const byRow = new Map<string, Issue[]>();
    for (const issue of issues) {
      const key = `${issue.sheet}\u0000${issue.row}`;
      const list = byRow.get(key) ?? [];
      list.push(issue);
      byRow.set(key, list);
    }
    return [...byRow.values()];
  }, [issues]);
  if (issues.length === 0) return <p className="empty">Every row is valid.</p>;
  return (
    <ul className="issues" aria-label="Issues">
      {groups.map((group) => (
        <li key={`${group[0].sheet}-${group[0].row}`} className="issue-row">
          <h3>{`Row ${group[0].row}${group[0].sheet ? ` · ${group[0].sheet}` : ''}`}</h3>
          <ul>
            {group.map((issue, index) => (
              <li key={index} className={`issue ${issue.severity}`}>
                <Badge appearance="tint" color={issue.severity === 'error' ? 'danger' : 'warning'}>{issue.severity}</Badge>{' '}
                <span className="where">{issue.cell ?? issue.column}</span> <span className="message">{issue.message}</span>
                {issue.suggestion !== undefined && issue.cell !== null && (
                  <Button size="small" disabled={busy} onClick={() => onFix(issue)}>{`Use ${issue.suggestion}`}</Button>
                )}
                {issue.cell !== null && issue.alternatives?.map((value) => (
                  <Button key={value} size="small" disabled={busy} onClick={() => onFix(issue, value)}>{`Use ${readableAlternative(value)}`}</Button>
                ))}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
