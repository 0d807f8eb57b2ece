import * as React from 'react';
import { columnLetters } from '../core';
import type { CellInput, ExcelSimulator } from '../simulator';
import type { CellRange } from '../core';
import { CellFormat, dateColumnsOf, displayText, editText, GridValue, textColorOn, typedInput } from './cellDisplay';

/** Fixed row height, so the rows in view follow from the scroll position alone. */
export const ROW_HEIGHT = 24;
/** Pixels of a column the file gives no width for. */
const DEFAULT_COLUMN_WIDTH = 96;
const ROW_HEADER_WIDTH = 52;
/** Empty rows and columns shown past the used range, where new bookings get typed. */
const SPARE_ROWS = 20;
const SPARE_COLUMNS = 2;
const MIN_ROWS = 40;
const MIN_COLUMNS = 10;
/** Rows rendered above and below the viewport, so fast scrolling shows no blank band. */
const OVERSCAN = 6;

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

interface Position {
  readonly row: number;
  readonly column: number;
}

interface Editing {
  readonly at: Position;
  readonly initial: string;
  readonly text: string;
}

const addressOf = ({ row, column }: Position): string => `${columnLetters(column)}${row + 1}`;
const inRect = (rect: CellRange, row: number, column: number): boolean =>
  row >= rect.row && row < rect.row + rect.rowCount && column >= rect.column && column < rect.column + rect.columnCount;

/**
 * The sheet as a grid: fills as background colours, values as text. Only the rows in view are rendered,
 * so a sheet of 10,000+ rows scrolls as easily as a short one. Double-click, Enter, F2 or typing edits a
 * cell; the edit reaches the workbook as the user's own, so live checking reacts as in Excel.
 */
export function SheetGrid({ sim, sheet, version, date1904, selection, columnWidths, onEdit }: SheetGridProps) {
  const scroller = React.useRef<HTMLDivElement>(null);
  const idPrefix = React.useId();
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewportHeight, setViewportHeight] = React.useState(600);
  const [active, setActive] = React.useState<Position>({ row: 0, column: 0 });
  const [editing, setEditing] = React.useState<Editing | null>(null);
  // Blur follows Enter within the same event turn; the ref lets the second finish see the first.
  const editingRef = React.useRef<Editing | null>(null);
  const updateEditing = (next: Editing | null) => {
    editingRef.current = next;
    setEditing(next);
  };

  const values = React.useMemo(() => sim.snapshotValues(sheet), [sim, sheet, version]);
  const dateColumns = React.useMemo(() => dateColumnsOf(values), [values]);
  const rowCount = Math.max(values.length + SPARE_ROWS, MIN_ROWS);
  const columnCount = Math.max(values.reduce((widest, row) => Math.max(widest, row.length), 0) + SPARE_COLUMNS, MIN_COLUMNS);
  const widths = Array.from({ length: columnCount }, (_, column) => Math.max(16, columnWidths?.[column] ?? DEFAULT_COLUMN_WIDTH));
  const lefts = widths.reduce<number[]>((starts, _, column) => [...starts, column === 0 ? 0 : starts[column - 1] + widths[column - 1]], []);
  const width = ROW_HEADER_WIDTH + widths.reduce((sum, columnWidth) => sum + columnWidth, 0);
  const gridColumns = `${ROW_HEADER_WIDTH}px ${widths.map((columnWidth) => `${columnWidth}px`).join(' ')}`;
  const cellId = ({ row, column }: Position) => `${idPrefix}-${row}-${column}`;

  const formatAt = (position: Position): CellFormat => ({
    numberFormat: sim.numberFormatAt(sheet, addressOf(position)),
    inDateColumn: dateColumns.columns.has(position.column) && position.row > dateColumns.headerRow,
    date1904,
  });
  const valueAt = ({ row, column }: Position): GridValue => values[row]?.[column] ?? '';

  React.useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const measure = () => setViewportHeight(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new sheet starts at A1, as Excel shows a sheet never visited.
  React.useEffect(() => {
    setActive({ row: 0, column: 0 });
    editingRef.current = null;
    setEditing(null);
    if (scroller.current !== null) scroller.current.scrollTop = 0;
  }, [sim, sheet]);

  // Excel cannot run an add-in's sync while a cell is being edited; the simulator keeps that rule.
  const isEditing = editing !== null;
  React.useEffect(() => {
    if (!isEditing) return;
    sim.setCellEditMode(true);
    return () => sim.setCellEditMode(false);
  }, [sim, isEditing]);

  const scrollIntoView = (position: Position) => {
    const element = scroller.current;
    if (element === null) return;
    const top = position.row * ROW_HEIGHT;
    // The sticky column header covers the first row's height of the viewport.
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + 2 * ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + 2 * ROW_HEIGHT - element.clientHeight;
    // The sticky row numbers cover the first ROW_HEADER_WIDTH pixels.
    const left = lefts[position.column] ?? 0;
    const right = ROW_HEADER_WIDTH + left + (widths[position.column] ?? DEFAULT_COLUMN_WIDTH);
    if (left < element.scrollLeft) element.scrollLeft = left;
    else if (right > element.scrollLeft + element.clientWidth) element.scrollLeft = right - element.clientWidth;
  };

  // When the add-in selects cells (a conflict's rows), bring them into view.
  const selectionKey = selection.map((rect) => `${rect.row},${rect.column},${rect.rowCount},${rect.columnCount}`).join(';');
  // The add-in's selection shows until the user moves the cursor, as a new selection would replace it in Excel.
  const [selectionShown, setSelectionShown] = React.useState(true);
  React.useEffect(() => {
    const first = selection[0];
    if (first === undefined) return;
    const position = { row: first.row, column: first.column };
    setSelectionShown(true);
    setActive(position);
    scrollIntoView(position);
    // The key stands for the rectangles, which are a new array on every render.
  }, [selectionKey]);

  const moveTo = (position: Position) => {
    const clamped = { row: Math.min(Math.max(position.row, 0), rowCount - 1), column: Math.min(Math.max(position.column, 0), columnCount - 1) };
    setSelectionShown(false);
    setActive(clamped);
    scrollIntoView(clamped);
  };

  const startEditing = (at: Position, text?: string) => {
    const initial = editText(valueAt(at), formatAt(at));
    setActive(at);
    updateEditing({ at, initial, text: text ?? initial });
  };

  const finishEditing = (commit: boolean, next?: Position) => {
    const current = editingRef.current;
    if (current === null) return;
    updateEditing(null);
    if (commit && current.text !== current.initial) onEdit(addressOf(current.at), typedInput(current.text, formatAt(current.at)));
    if (next !== undefined) moveTo(next);
    scroller.current?.focus();
  };

  const onGridKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (editing !== null) return;
    const page = Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, Position> = {
      ArrowUp: { row: active.row - 1, column: active.column },
      ArrowDown: { row: active.row + 1, column: active.column },
      ArrowLeft: { row: active.row, column: active.column - 1 },
      ArrowRight: { row: active.row, column: active.column + 1 },
      PageUp: { row: active.row - page, column: active.column },
      PageDown: { row: active.row + page, column: active.column },
      Home: event.ctrlKey ? { row: 0, column: 0 } : { row: active.row, column: 0 },
    };
    if (moves[event.key] !== undefined) moveTo(moves[event.key]);
    else if (event.key === 'Enter' || event.key === 'F2') startEditing(active);
    else if (event.key === 'Delete') onEdit(addressOf(active), '');
    else if (event.key === 'Backspace') startEditing(active, '');
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) startEditing(active, event.key);
    else return;
    event.preventDefault();
  };

  const onEditorKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (editing === null) return;
    const { row, column } = editing.at;
    if (event.key === 'Enter') finishEditing(true, { row: row + 1, column });
    else if (event.key === 'Tab') finishEditing(true, { row, column: column + 1 });
    else if (event.key === 'Escape') finishEditing(false);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  const firstRow = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const lastRow = Math.min(rowCount - 1, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN);
  const columns = Array.from({ length: columnCount }, (_, column) => column);
  const activeVisible = active.row >= firstRow && active.row <= lastRow;

  const renderCell = (row: number, column: number) => {
    const position = { row, column };
    const address = addressOf(position);
    const value = valueAt(position);
    const fill = sim.fillAt(sheet, address);
    const isActive = active.row === row && active.column === column;
    const selected = selectionShown && selection.some((rect) => inRect(rect, row, column));
    const className = ['cell', typeof value === 'number' ? 'number' : '', isActive ? 'active' : '', selected ? 'selected' : ''].filter(Boolean).join(' ');
    return (
      <div
        key={column}
        role="gridcell"
        id={cellId(position)}
        data-address={address}
        aria-selected={isActive || selected}
        className={className}
        style={{ backgroundColor: fill ?? undefined, color: textColorOn(fill) }}
        onMouseDown={() => {
          if (editing !== null && editing.at.row === row && editing.at.column === column) return;
          setSelectionShown(false);
          setActive(position);
        }}
        onDoubleClick={() => startEditing(position)}
      >
        {editing !== null && editing.at.row === row && editing.at.column === column ? (
          <input
            className="cell-editor"
            aria-label={`Edit ${address}`}
            autoFocus
            value={editing.text}
            onChange={(event) => updateEditing({ ...editing, text: event.target.value })}
            onKeyDown={onEditorKeyDown}
            onBlur={() => finishEditing(true)}
          />
        ) : (
          displayText(value, formatAt(position))
        )}
      </div>
    );
  };

  return (
    <div
      ref={scroller}
      className="grid"
      role="grid"
      aria-label={`Sheet ${sheet}`}
      aria-rowcount={rowCount + 1}
      aria-colcount={columnCount + 1}
      aria-activedescendant={activeVisible && editing === null ? cellId(active) : undefined}
      tabIndex={0}
      onKeyDown={onGridKeyDown}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
    >
      <div role="rowgroup" className="grid-head" style={{ width }}>
        <div role="row" aria-rowindex={1} className="grid-row" style={{ gridTemplateColumns: gridColumns }}>
          <div role="columnheader" className="corner">
            <span className="visually-hidden">Row</span>
          </div>
          {columns.map((column) => (
            <div key={column} role="columnheader" className={`column-header${column === active.column ? ' current' : ''}`}>
              {columnLetters(column)}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="grid-body" style={{ height: rowCount * ROW_HEIGHT, width }}>
        {Array.from({ length: lastRow - firstRow + 1 }, (_, index) => firstRow + index).map((row) => (
          <div key={row} role="row" aria-rowindex={row + 2} className="grid-row" style={{ top: row * ROW_HEIGHT, gridTemplateColumns: gridColumns }}>
            <div role="rowheader" className={`row-header${row === active.row ? ' current' : ''}`}>
              {row + 1}
            </div>
            {columns.map((column) => renderCell(row, column))}
          </div>
        ))}
      </div>
    </div>
  );
}
