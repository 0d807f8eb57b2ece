import * as React from 'react';

export interface SheetTabsProps {
  readonly sheets: readonly string[];
  readonly active: string;
  /** Id of the panel the tabs control (the grid's container). */
  readonly panelId: string;
  readonly onSelect: (sheet: string) => void;
}

/** Id of a sheet's tab; by index, since sheet names may hold spaces, which id references cannot. */
export const sheetTabId = (panelId: string, index: number): string => `${panelId}-tab-${index}`;

/** The sheet tabs under the grid, one per visible sheet; arrow keys move between them, as WAI-ARIA tabs do. */
export function SheetTabs({ sheets, active, panelId, onSelect }: SheetTabsProps) {
  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0 || sheets.length === 0) return;
    event.preventDefault();
    const next = (sheets.indexOf(active) + step + sheets.length) % sheets.length;
    onSelect(sheets[next]);
    document.getElementById(sheetTabId(panelId, next))?.focus();
  };
  return (
    <div role="tablist" aria-label="Sheets" className="wb-tabs" onKeyDown={onKeyDown}>
      {sheets.map((sheet, index) => (
        <button
          key={sheet}
          type="button"
          role="tab"
          id={sheetTabId(panelId, index)}
          aria-selected={sheet === active}
          aria-controls={panelId}
          tabIndex={sheet === active ? 0 : -1}
          className="wb-tab"
          onClick={() => onSelect(sheet)}
        >
          {sheet}
        </button>
      ))}
    </div>
  );
}
