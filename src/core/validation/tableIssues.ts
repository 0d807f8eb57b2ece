import { sheetCellAddress } from '../model/address';
import { BookingField, FIELD_LABELS, TableLayout } from '../tables/tableLayout';
import { Issue, ISSUE_SEVERITY } from './issue';
import { issueMessages } from './issueMessages';

/** Issues of a table's header: each required column it lacks, each column repeating another's field. */
export function tableIssues(layout: TableLayout, required: readonly BookingField[], chipsReason?: string): Issue[] {
  const issues: Issue[] = [];
  for (const field of required) {
    if (layout.columns[field] !== undefined) continue;
    issues.push({
      sheet: layout.sheetName, row: layout.headerRow, column: FIELD_LABELS[field], cell: null, severity: ISSUE_SEVERITY['missing-column'],
      code: 'missing-column', message: issueMessages.missingColumn(FIELD_LABELS[field], layout.sheetName, field === 'chips' ? chipsReason : undefined),
    });
  }
  for (const { field, column } of layout.duplicateColumns) {
    const first = layout.columns[field];
    issues.push({
      sheet: layout.sheetName, row: layout.headerRow, column: column.header, cell: sheetCellAddress(layout.headerRow, column.index),
      severity: ISSUE_SEVERITY['duplicate-column'], code: 'duplicate-column', message: issueMessages.duplicateColumn(column.header, first?.header ?? ''),
    });
  }
  return issues;
}

