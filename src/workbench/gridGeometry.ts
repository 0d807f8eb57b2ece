import * as React from 'react';

/** Fixed row height, so the rows in view follow from the scroll position alone. */
export const ROW_HEIGHT = 24;
/** Pixels of a column the file gives no width for. */
export const DEFAULT_COLUMN_WIDTH = 96;
export const ROW_HEADER_WIDTH = 52;
/** Rows rendered above and below the viewport, so fast scrolling shows no blank band. */
const OVERSCAN = 6;

export interface GridPosition {
  readonly row: number;
  readonly column: number;
}

/** Where each column sits and which rows are in view, for a grid rendering only what is visible. */
export interface GridGeometry {
  readonly widths: readonly number[];
  /** CSS grid-template-columns: the row header, then each column. */
  readonly gridColumns: string;
  readonly width: number;
  readonly firstRow: number;
  readonly lastRow: number;
  /** Rows a Page Up or Page Down moves. */
  readonly page: number;
  readonly onScroll: (event: React.UIEvent<HTMLDivElement>) => void;
  /** Scrolls so that the cell is in view, clear of the sticky headers. */
  scrollIntoView(position: GridPosition): void;
}

export function useGridGeometry(scroller: React.RefObject<HTMLDivElement | null>, rowCount: number, columnCount: number, columnWidths?: ReadonlyArray<number | undefined>): GridGeometry {
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewportHeight, setViewportHeight] = React.useState(600);
  React.useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const measure = () => setViewportHeight(element.clientHeight);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [scroller]);

  const widths = Array.from({ length: columnCount }, (_, column) => Math.max(16, columnWidths?.[column] ?? DEFAULT_COLUMN_WIDTH));
  const lefts = widths.reduce<number[]>((starts, _, column) => [...starts, column === 0 ? 0 : starts[column - 1] + widths[column - 1]], []);
  const scrollIntoView = (position: GridPosition) => {
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
  return {
    widths,
    gridColumns: `${ROW_HEADER_WIDTH}px ${widths.map((columnWidth) => `${columnWidth}px`).join(' ')}`,
    width: ROW_HEADER_WIDTH + widths.reduce((sum, columnWidth) => sum + columnWidth, 0),
    firstRow: Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN),
    lastRow: Math.min(rowCount - 1, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN),
    page: Math.max(1, Math.floor(viewportHeight / ROW_HEIGHT) - 1),
    onScroll: (event) => setScrollTop(event.currentTarget.scrollTop),
    scrollIntoView,
  };
}

/** Where a key moves the cursor from `active`, as in Excel; undefined for keys that do not move it. */
export function keyMove(key: string, ctrlKey: boolean, active: GridPosition, page: number): GridPosition | undefined {
  const { row, column } = active;
  switch (key) {
    case 'ArrowUp': return { row: row - 1, column };
    case 'ArrowDown': return { row: row + 1, column };
    case 'ArrowLeft': return { row, column: column - 1 };
    case 'ArrowRight': return { row, column: column + 1 };
    case 'PageUp': return { row: row - page, column };
    case 'PageDown': return { row: row + page, column };
    case 'Home': return ctrlKey ? { row: 0, column: 0 } : { row, column: 0 };
    default: return undefined;
  }
}
