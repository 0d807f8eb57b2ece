import * as React from 'react';
import { CHECK_CONFLICTS_FUNCTION } from '../commands/checkConflictsCommand';
import { localPreferences, PREFERENCE_KEYS } from '../taskpane/preferences';
import { TaskPane } from '../taskpane/TaskPane';
import type { OfficeShim } from './officeShim';
import { RibbonIcon } from './RibbonIcon';
import { SheetGrid } from './SheetGrid';
import { sheetTabId, SheetTabs } from './SheetTabs';
import { WorkbenchDocument } from './WorkbenchDocument';

const SAMPLE_WORKBOOK = 'sample-capacity.xlsx';
const SHEET_PANEL_ID = 'sheet-panel';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Notice {
  readonly kind: 'progress' | 'error';
  readonly text: string;
}

/** The workbench keeps the pane's preferences in local storage, where Excel would use roaming settings. */
const preferences = localPreferences();

/**
 * The workbench: a ribbon, the workbook as a grid with its sheet tabs, and the add-in's real task pane.
 * Longer than most functions on purpose: the open document, the selection and the pane's visibility are
 * one piece of state that the ribbon, the grid and the pane all read.
 */
export function Workbench({ office }: { office: OfficeShim }) {
  const [book, setBook] = React.useState<WorkbenchDocument | null>(null);
  // Each opened file gets a fresh pane, as reopening a workbook in Excel does.
  const [openCount, setOpenCount] = React.useState(0);
  const currentBook = React.useRef<WorkbenchDocument | null>(null);
  const [notice, setNotice] = React.useState<Notice | null>({ kind: 'progress', text: `Opening ${SAMPLE_WORKBOOK}…` });
  const [paneOpen, setPaneOpen] = React.useState(true);
  const [ribbonRunning, setRibbonRunning] = React.useState(false);
  const [version, setVersion] = React.useState(0);
  const redraw = React.useCallback(() => setVersion((value) => value + 1), []);

  const open = React.useCallback(
    async (fileName: string, bytes: () => Promise<ArrayBuffer>) => {
      setNotice({ kind: 'progress', text: `Opening ${fileName}…` });
      try {
        const next = await WorkbenchDocument.open(fileName, await bytes(), { who: () => preferences.get(PREFERENCE_KEYS.who) || 'Workbench user', onChange: redraw });
        currentBook.current?.close();
        next.activate(window);
        currentBook.current = next;
        setBook(next);
        setOpenCount((count) => count + 1);
        setNotice(null);
      } catch (error) {
        setNotice({ kind: 'error', text: `Could not open ${fileName}: ${error instanceof Error ? error.message : String(error)}` });
      }
    },
    [redraw],
  );

  React.useEffect(() => office.onTaskpaneVisibility(setPaneOpen), [office]);

  React.useEffect(() => {
    void open(SAMPLE_WORKBOOK, async () => {
      const response = await fetch(SAMPLE_WORKBOOK);
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      return response.arrayBuffer();
    });
  }, [open]);

  const checkFromRibbon = async () => {
    setRibbonRunning(true);
    try {
      await office.executeFunction(CHECK_CONFLICTS_FUNCTION);
    } finally {
      setRibbonRunning(false);
    }
  };

  const download = async () => {
    if (book === null) return;
    const blob = new Blob([await book.toXlsx()], { type: XLSX_TYPE });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = book.fileName;
    link.click();
    // The download has its own reference to the blob by the next task.
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
  };

  const sheets = book?.visibleSheets() ?? [];
  const activeSheet = book?.activeSheet() ?? '';
  const activeIndex = sheets.indexOf(activeSheet);

  return (
    <div className="wb">
      <header className="wb-ribbon" aria-label="Ribbon">
        <div className="wb-titlebar">
          <span className="wb-app">Capacity checker workbench</span>
          {book && <span className="wb-file">{book.fileName}</span>}
          <span className="wb-note">Excel simulated in this page · nothing leaves your browser</span>
        </div>
        <div className="wb-groups">
          <div role="group" aria-labelledby="group-file" className="wb-group">
            <div className="wb-group-buttons">
              <input
                id="open-workbook"
                className="visually-hidden"
                type="file"
                accept={`.xlsx,${XLSX_TYPE}`}
                onChange={(event) => {
                  const file = event.currentTarget.files?.[0];
                  event.currentTarget.value = '';
                  if (file !== undefined) void open(file.name, () => file.arrayBuffer());
                }}
              />
              <label htmlFor="open-workbook" className="wb-ribbon-button">
                <RibbonIcon kind="open" />
                Open workbook
              </label>
              <button type="button" className="wb-ribbon-button" disabled={book === null} onClick={() => void download()}>
                <RibbonIcon kind="download" />
                Download
              </button>
            </div>
            <span id="group-file" className="wb-group-label">File</span>
          </div>
          <div role="group" aria-labelledby="group-capacity" className="wb-group">
            <div className="wb-group-buttons">
              <button type="button" className="wb-ribbon-button" disabled={book === null || ribbonRunning} onClick={() => void checkFromRibbon()}>
                <RibbonIcon kind="check" />
                Check conflicts
              </button>
              <button type="button" className="wb-ribbon-button" disabled={book === null} aria-pressed={paneOpen} onClick={() => setPaneOpen(true)}>
                <RibbonIcon kind="pane" />
                Resolve conflicts
              </button>
            </div>
            <span id="group-capacity" className="wb-group-label">Capacity</span>
          </div>
        </div>
        <div className="wb-notice" role={notice?.kind === 'error' ? 'alert' : 'status'}>
          {notice?.text}
        </div>
      </header>
      <div className="wb-body">
        <main className="wb-sheet" aria-label="Workbook">
          {book && (
            <>
              <div role="tabpanel" id={SHEET_PANEL_ID} className="wb-sheet-panel" aria-labelledby={activeIndex < 0 ? undefined : sheetTabId(SHEET_PANEL_ID, activeIndex)}>
                <SheetGrid
                  sim={book.sim}
                  sheet={activeSheet}
                  version={version}
                  date1904={book.date1904}
                  selection={book.selectionOn(activeSheet)}
                  columnWidths={book.columnWidths(activeSheet)}
                  onEdit={(address, input) => book.edit(activeSheet, address, input)}
                />
              </div>
              <SheetTabs sheets={sheets} active={activeSheet} panelId={SHEET_PANEL_ID} onSelect={(sheet) => void book.showSheet(sheet)} />
            </>
          )}
        </main>
        {book && (
          <aside className="wb-pane" aria-label="Task pane" hidden={!paneOpen}>
            <div className="wb-pane-title">
              <span>Capacity checker</span>
              <button type="button" className="wb-pane-close" aria-label="Close task pane" onClick={() => setPaneOpen(false)}>
                ×
              </button>
            </div>
            <div className="wb-pane-body">
              <TaskPane key={openCount} session={book.session} preferences={preferences} />
            </div>
          </aside>
        )}
      </div>
    </div>
  );
}
