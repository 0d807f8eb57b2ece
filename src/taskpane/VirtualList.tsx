import * as React from 'react';

export interface VirtualListProps {
  /** One key per item, stable across renders (a conflict's id). */
  readonly keys: readonly string[];
  /** The height an item is guessed to have until it has been rendered and measured. */
  readonly estimate: (index: number) => number;
  readonly renderItem: (index: number) => React.ReactNode;
  readonly label: string;
  /** Scrolls the item with this key into view when it changes. */
  readonly scrollTo?: string;
}

/** Pixels rendered beyond the viewport, so scrolling shows no blank band. */
const OVERSCAN_PX = 600;

/**
 * A list that renders only the items in view, whatever their heights: each rendered item is measured and
 * remembered, the others are placed at their guessed heights. Its own scroll container fills its parent.
 */
export function VirtualList({ keys, estimate, renderItem, label, scrollTo }: VirtualListProps) {
  const scroller = React.useRef<HTMLDivElement>(null);
  const heights = React.useRef(new Map<string, number>());
  const [, remeasured] = React.useReducer((count: number) => count + 1, 0);
  const [scrollTop, setScrollTop] = React.useState(0);
  const [viewport, setViewport] = React.useState(800);
  const observer = React.useMemo(() => typeof ResizeObserver === 'undefined' ? null : new ResizeObserver((entries) => {
    let changed = false;
    for (const entry of entries) {
      const key = (entry.target as HTMLElement).dataset.key as string;
      const height = Math.ceil(entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height);
      if (heights.current.get(key) !== height) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) remeasured();
  }), []);
  React.useEffect(() => () => observer?.disconnect(), [observer]);
  React.useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const measure = () => setViewport(element.clientHeight);
    measure();
    const resize = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    resize?.observe(element);
    return () => resize?.disconnect();
  }, []);

  const tops: number[] = [];
  let total = 0;
  keys.forEach((key, index) => {
    tops.push(total);
    total += heights.current.get(key) ?? estimate(index);
  });
  React.useEffect(() => {
    const index = scrollTo === undefined ? -1 : keys.indexOf(scrollTo);
    if (index >= 0 && scroller.current !== null) scroller.current.scrollTop = tops[index];
    // Only a new target scrolls; the offsets change with every measurement.
  }, [scrollTo]);

  const first = Math.max(0, upperBound(tops, scrollTop - OVERSCAN_PX) - 1);
  const last = Math.min(keys.length - 1, upperBound(tops, scrollTop + viewport + OVERSCAN_PX));
  const measure = (element: HTMLElement | null) => {
    if (element !== null) observer?.observe(element);
  };
  return (
    <div ref={scroller} className="virtual-list" onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}>
      <ul className="virtual-items" aria-label={label} style={{ height: total }}>
        {keys.slice(first, last + 1).map((key, offset) => (
          <li key={key} data-key={key} ref={measure} className="virtual-item" style={{ top: tops[first + offset] }} aria-setsize={keys.length} aria-posinset={first + offset + 1}>
            {renderItem(first + offset)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The index of the first offset above `value` (offsets ascending). */
function upperBound(offsets: readonly number[], value: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
