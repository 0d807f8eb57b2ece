import { CellRange, MAX_COLUMNS } from '../core';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** What a cell holds: '' is empty, as `Range.values` reports it. */
export type ScalarValue = number | string | boolean;

/** A cell's fill; `null` on a cell means "No Fill", which Excel keeps apart from a white fill. */
export interface CellFill {
  /** '#RRGGBB', upper case. */
  readonly color: string;
  readonly pattern: 'Solid';
}

export interface StoredCell {
  readonly value: ScalarValue | '';
  /** An error value such as '#REF!'; `value` is then ''. */
  readonly error?: string;
  /** Formula text when the cell was written with one; the simulator never evaluates it. */
  readonly formula?: string;
  readonly fill: CellFill | null;
  /** Absent means 'General'. */
  readonly numberFormat?: string;
}

export interface SheetModel {
  readonly id: string;
  name: string;
  visibility: SheetVisibility;
  /** Sparse: only cells with a value, an error, a fill or a number format are stored. */
  readonly cells: Map<number, StoredCell>;
}

export interface Selection {
  readonly sheetId: string;
  readonly rects: readonly CellRange[];
}

export const EMPTY_CELL: StoredCell = { value: '', fill: null };

const GENERAL = 'General';

function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

function isBlank(cell: StoredCell): boolean {
  return cell.value === '' && cell.error === undefined && cell.fill === null && cell.numberFormat === undefined;
}

/**
 * The workbook's state. Every mutation goes through a method here so that a sync can be undone
 * (a batch rejected for its response size applies nothing).
 */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  /** Whether date serials count from 1904 (Mac-era workbooks) rather than 1900. */
  date1904 = false;
  activeSheetId = '';
  selection: Selection | undefined;
  private nextSheetNumber = 1;
  private undoLog: Array<() => void> | undefined;

  /** Starts recording undo steps; `commit` forgets them, `rollback` replays them. */
  begin(): void {
    this.undoLog = [];
  }

  commit(): void {
    this.undoLog = undefined;
  }

  rollback(): void {
    const log = this.undoLog ?? [];
    this.undoLog = undefined;
    for (let i = log.length - 1; i >= 0; i--) log[i]();
  }

  private remember(undo: () => void): void {
    this.undoLog?.push(undo);
  }

  /** Finds a sheet by id, or by name ignoring case as Excel does. */
  findSheet(nameOrId: string): SheetModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.sheets.find((sheet) => sheet.id === nameOrId) ?? this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  /** A name Excel would give the next unnamed sheet: Sheet1, Sheet2, … skipping taken names. */
  nextDefaultSheetName(): string {
    for (let n = 1; ; n++) if (this.findSheet(`Sheet${n}`) === undefined) return `Sheet${n}`;
  }

  addSheet(name: string, visibility: SheetVisibility = 'Visible'): SheetModel {
    const number = this.nextSheetNumber++;
    // Shaped like desktop Excel's worksheet ids; stable across renames and moves.
    const id = `{00000000-0001-0000-${number.toString(16).toUpperCase().padStart(4, '0')}-000000000000}`;
    const sheet: SheetModel = { id, name, visibility, cells: new Map() };
    this.sheets.push(sheet);
    if (this.activeSheetId === '') this.activeSheetId = id;
    this.remember(() => {
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      this.nextSheetNumber = number;
    });
    return sheet;
  }

  removeSheet(sheet: SheetModel): void {
    const index = this.sheets.indexOf(sheet);
    const [active, selection] = [this.activeSheetId, this.selection];
    this.sheets.splice(index, 1);
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.find((candidate) => candidate.visibility === 'Visible') ?? this.sheets[0];
      this.activeSheetId = next?.id ?? '';
    }
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
    this.remember(() => {
      this.sheets.splice(index, 0, sheet);
      this.activeSheetId = active;
      this.selection = selection;
    });
  }

  renameSheet(sheet: SheetModel, name: string): void {
    const before = sheet.name;
    sheet.name = name;
    this.remember(() => (sheet.name = before));
  }

  setVisibility(sheet: SheetModel, visibility: SheetVisibility): void {
    const before = sheet.visibility;
    sheet.visibility = visibility;
    this.remember(() => (sheet.visibility = before));
  }

  moveSheet(sheet: SheetModel, position: number): void {
    const before = this.sheets.indexOf(sheet);
    this.sheets.splice(before, 1);
    this.sheets.splice(position, 0, sheet);
    this.remember(() => {
      this.sheets.splice(this.sheets.indexOf(sheet), 1);
      this.sheets.splice(before, 0, sheet);
    });
  }

  activate(sheet: SheetModel): void {
    const [active, selection] = [this.activeSheetId, this.selection];
    this.activeSheetId = sheet.id;
    if (this.selection?.sheetId !== sheet.id) this.selection = undefined;
    this.remember(() => {
      this.activeSheetId = active;
      this.selection = selection;
    });
  }

  select(sheet: SheetModel, rects: readonly CellRange[]): void {
    const [active, selection] = [this.activeSheetId, this.selection];
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rects };
    this.remember(() => {
      this.activeSheetId = active;
      this.selection = selection;
    });
  }

  /** The selection, defaulting to A1 of the active sheet as a fresh workbook has it. */
  currentSelection(): Selection {
    if (this.selection !== undefined && this.selection.sheetId === this.activeSheetId) return this.selection;
    return { sheetId: this.activeSheetId, rects: [{ row: 0, column: 0, rowCount: 1, columnCount: 1 }] };
  }

  cellAt(sheet: SheetModel, row: number, column: number): StoredCell {
    return sheet.cells.get(cellKey(row, column)) ?? EMPTY_CELL;
  }

  /** Replaces one cell; blank cells are dropped so the store stays sparse. */
  putCell(sheet: SheetModel, row: number, column: number, cell: StoredCell): void {
    const key = cellKey(row, column);
    const before = sheet.cells.get(key);
    const normalized: StoredCell = cell.numberFormat === GENERAL ? { ...cell, numberFormat: undefined } : cell;
    if (isBlank(normalized)) sheet.cells.delete(key);
    else sheet.cells.set(key, normalized);
    this.remember(() => {
      if (before === undefined) sheet.cells.delete(key);
      else sheet.cells.set(key, before);
    });
  }

  /** Calls `visit` for each stored (non-blank) cell inside `rect`, scanning whichever is smaller. */
  forEachStoredCell(sheet: SheetModel, rect: CellRange, visit: (cell: StoredCell, row: number, column: number) => void): void {
    const area = rect.rowCount * rect.columnCount;
    if (area <= sheet.cells.size) {
      for (let r = rect.row; r < rect.row + rect.rowCount; r++) {
        for (let c = rect.column; c < rect.column + rect.columnCount; c++) {
          const cell = sheet.cells.get(cellKey(r, c));
          if (cell !== undefined) visit(cell, r, c);
        }
      }
      return;
    }
    for (const [key, cell] of sheet.cells) {
      const r = Math.floor(key / MAX_COLUMNS);
      const c = key % MAX_COLUMNS;
      if (r >= rect.row && r < rect.row + rect.rowCount && c >= rect.column && c < rect.column + rect.columnCount) visit(cell, r, c);
    }
  }

  /**
   * The smallest rectangle holding every used cell, or undefined for a blank sheet.
   * Used means a value or error, or (unless `valuesOnly`) a fill or number format too.
   */
  usedRect(sheet: SheetModel, valuesOnly: boolean): CellRange | undefined {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly && cell.value === '' && cell.error === undefined) continue;
      const r = Math.floor(key / MAX_COLUMNS);
      const c = key % MAX_COLUMNS;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    if (bottom < 0) return undefined;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }
}
