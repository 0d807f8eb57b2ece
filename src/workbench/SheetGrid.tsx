import * as React from 'react';
import { CellRange, columnLetters, formatCellAddress, rangeContains } from '../core';
import type { CellInput, ExcelSimulator } from '../simulator';
import { CellFormat, dateColumnsOf, editText, GridValue, typedInput } from './cellDisplay';
import { shownColor } from './excelColors';
import { GridCell } from './GridCell';
import { GridPosition, keyMove, ROW_HEIGHT, useGridGeometry } from './gridGeometry';
import { useCellEditor } from './useCellEditor';

export { ROW_HEIGHT } from './gridGeometry';

/** Empty rows and columns shown past the used range, where new bookings get typed. */
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 2;
const MIN_ROWS = 40;
const MIN_COLUMNS = 10;

export interface SheetGridProps {
  readonly sim: ExcelSimulator;
  readonly sheet: string;
  /** Changes whenever the simulated workbook may have changed. */
  readonly version: number;
  readonly date1904: boolean;
  /** The add-in's selection on this sheet, such as a conflict's cells. */
  readonly selection: readonly CellRange[];
  /** Pixel widths from the file, by column; others get a default. */
  readonly columnWidths?: ReadonlyArray<number | undefined>;
  readonly onEdit: (address: string, input: CellInput) => void;
}

/**
 * The sheet as a grid: fills as background colours, values as text. Only the rows in view are rendered,
 * so a sheet of 10,000+ rows scrolls as easily as a short one. Double-click, Enter, F2 or typing edits a
 * cell; the edit reaches the workbook as the user's own, so live checking reacts as in Excel. Longer than
 * most functions on purpose: the cursor, the editor and the keys share its state.
 */
export function SheetGrid({ sim, sheet, version, date1904, selection, columnWidths, onEdit }: SheetGridProps) {
  const scroller = React.useRef<HTMLDivElement>(null);
  const idPrefix = React.useId();
  const [active, setActive] = React.useState<GridPosition>({ row: 0, column: 0 });
  // The add-in's selection shows until the user moves the cursor, as a new selection would replace it in Excel.
  const [selectionShown, setSelectionShown] = React.useState(true);

  const values = React.useMemo(() => sim.snapshotValues(sheet), [sim, sheet, version]);
  const dateColumns = React.useMemo(() => dateColumnsOf(values), [values]);
  const rowCount = Math.max(values.length + SPARE_ROWS, MIN_ROWS);
  const columnCount = Math.max(values.reduce((widest, row) => Math.max(widest, row.length), 0) + SPARE_COLUMNS, MIN_COLUMNS);
  const geometry = useGridGeometry(scroller, rowCount, columnCount, columnWidths);
  const cellId = ({ row, column }: GridPosition) => `${idPrefix}-${row}-${column}`;
  const formatAt = (position: GridPosition): CellFormat => ({
    numberFormat: sim.numberFormatAt(sheet, formatCellAddress(position)),
    inDateColumn: dateColumns.columns.has(position.column) && position.row > dateColumns.headerRow,
    date1904,
  });
  const valueAt = ({ row, column }: GridPosition): GridValue => values[row]?.[column] ?? '';
  const editor = useCellEditor(sim, (at, text) => onEdit(formatCellAddress(at), typedInput(text, formatAt(at))));

  const moveTo = (position: GridPosition) => {
    const clamped = { row: Math.min(Math.max(position.row, 0), rowCount - 1), column: Math.min(Math.max(position.column, 0), columnCount - 1) };
    setSelectionShown(false);
    setActive(clamped);
    geometry.scrollIntoView(clamped);
  };
  const startEditing = (at: GridPosition, text?: string) => {
    setActive(at);
    editor.start(at, editText(valueAt(at), formatAt(at)), text);
  };
  const finishEditing = (commit: boolean, next?: GridPosition) => {
    if (editor.editing === null) return;
    editor.finish(commit);
    if (next !== undefined) moveTo(next);
    scroller.current?.focus();
  };

  // A new sheet starts at A1, as Excel shows a sheet never visited.
  React.useEffect(() => {
    setActive({ row: 0, column: 0 });
    editor.finish(false);
    if (scroller.current !== null) scroller.current.scrollTop = 0;
  }, [sim, sheet]);

  // When the add-in selects cells (a conflict's rows), bring them into view. The key stands for the
  // ranges, which are a new array on every render.
  const selectionKey = selection.map((range) => `${range.row},${range.column},${range.rowCount},${range.columnCount}`).join(';');
  React.useEffect(() => {
    const first = selection[0];
    if (first === undefined) return;
    const position = { row: first.row, column: first.column };
    setSelectionShown(true);
    setActive(position);
    geometry.scrollIntoView(position);
  }, [selectionKey]);

  const onGridKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (editor.editing !== null) return;
    const move = keyMove(event.key, event.ctrlKey, active, geometry.page);
    if (move !== undefined) moveTo(move);
    else if (event.key === 'Enter' || event.key === 'F2') startEditing(active);
    else if (event.key === 'Delete') onEdit(formatCellAddress(active), '');
    else if (event.key === 'Backspace') startEditing(active, '');
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) startEditing(active, event.key);
    else return;
    event.preventDefault();
  };
  const onEditorKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    const at = editor.editing?.at;
    if (at === undefined) return;
    if (event.key === 'Enter') finishEditing(true, { row: at.row + 1, column: at.column });
    else if (event.key === 'Tab') finishEditing(true, { row: at.row, column: at.column + 1 });
    else if (event.key === 'Escape') finishEditing(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const { firstRow, lastRow, gridColumns, width } = geometry;
  const columns = Array.from({ length: columnCount }, (_, column) => column);
  const activeVisible = active.row >= firstRow && active.row <= lastRow;
  const renderCell = (row: number, column: number) => {
    const position = { row, column };
    const address = formatCellAddress(position);
    return (
      <GridCell
        key={column} id={cellId(position)} address={address} value={valueAt(position)} format={formatAt(position)} fill={shownColor(sim.fillDetailsAt(sheet, address))}
        active={active.row === row && active.column === column} selected={selectionShown && selection.some((range) => rangeContains(range, position))}
        editorText={editor.isEditingAt(position) ? editor.editing?.text : undefined}
        onPick={() => {
          setSelectionShown(false);
          setActive(position);
        }}
        onStartEditing={() => startEditing(position)} onEditorChange={editor.change} onEditorKeyDown={onEditorKeyDown} onEditorBlur={() => finishEditing(true)}
      />
    );
  };

  return (
    <div
      ref={scroller} className="grid" role="grid" aria-label={`Sheet ${sheet}`} aria-rowcount={rowCount + 1} aria-colcount={columnCount + 1}
      aria-activedescendant={activeVisible && editor.editing === null ? cellId(active) : undefined} tabIndex={0}
      onKeyDown={onGridKeyDown} onScroll={geometry.onScroll}
    >
      <div role="rowgroup" className="grid-head" style={{ width }}>
        <div role="row" aria-rowindex={1} className="grid-row" style={{ gridTemplateColumns: gridColumns }}>
          <div role="columnheader" className="corner"><span className="visually-hidden">Row</span></div>
          {columns.map((column) => (
            <div key={column} role="columnheader" className={`column-header${column === active.column ? ' current' : ''}`}>{columnLetters(column)}</div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: rowCount * ROW_HEIGHT, width }}>
        {Array.from({ length: lastRow - firstRow + 1 }, (_, index) => firstRow + index).map((row) => (
          <div key={row} role="row" aria-rowindex={row + 2} className="grid-row" style={{ top: row * ROW_HEIGHT, gridTemplateColumns: gridColumns }}>
            <div role="rowheader" className={`row-header${row === active.row ? ' current' : ''}`}>{row + 1}</div>
            {columns.map((column) => renderCell(row, column))}
          </div>
        ))}
      </div>
    </div>
  );
}
