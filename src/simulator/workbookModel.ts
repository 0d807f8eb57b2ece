import { CellRange, MAX_COLUMNS } from '../core';

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

/** What a cell holds: '' is empty, as `Range.values` reports it. */
export type ScalarValue = number | string | boolean;

/** A cell's fill; `null` on a cell means "No Fill", which Excel keeps apart from a white fill. */
export interface CellFill {
  /** '#RRGGBB', upper case: the colour before `tintAndShade` lightens or darkens it. */
  readonly color: string;
  /** Excel.FillPattern: 'Solid', 'Gray50', 'LinearGradient'… */
  readonly pattern: string;
  /** -1 (darkest) to 1 (lightest); theme colours picked from Excel's palette carry one. */
  readonly tintAndShade: number;
}

export interface StoredCell {
  /** The value, or a formula's cached result. */
  readonly value: ScalarValue | '';
  /** An error value such as '#REF!'; `value` is then ''. */
  readonly error?: string;
  /** '=B2+14': the cell's value is its cached result, recalculated when its inputs change. */
  readonly formula?: string;
  readonly fill: CellFill | null;
  /** Absent means 'General'. */
  readonly numberFormat?: string;
}

export interface SheetModel {
  readonly id: string;
  name: string;
  visibility: SheetVisibility;
  /** Protected sheets (Review › Protect Sheet) refuse every write to their cells. */
  protected: boolean;
  /** Sparse: only cells with a value, an error, a fill or a number format are stored. */
  readonly cells: Map<number, StoredCell>;
  /** Keys of the cells holding a formula, so a recalculation visits only those. */
  readonly formulaKeys: Set<number>;
  /** Column widths in pixels where set; the rest are Excel's default 64. */
  readonly columnWidths: Map<number, number>;
}

/** An Excel table (ListObject): its range includes the header row and the totals row when shown. */
export interface TableModel {
  readonly id: string;
  name: string;
  readonly sheetId: string;
  range: CellRange;
  showHeaders: boolean;
  showTotals: boolean;
  readonly columns: string[];
}

export interface Selection {
  readonly sheetId: string;
  readonly rects: readonly CellRange[];
}

export const EMPTY_CELL: StoredCell = { value: '', fill: null };
export const DEFAULT_COLUMN_WIDTH = 64;

const GENERAL = 'General';

export function cellKey(row: number, column: number): number {
  return row * MAX_COLUMNS + column;
}

export function keyCell(key: number): { row: number; column: number } {
  return { row: Math.floor(key / MAX_COLUMNS), column: key % MAX_COLUMNS };
}

function isBlank(cell: StoredCell): boolean {
  return cell.value === '' && cell.error === undefined && cell.formula === undefined && cell.fill === null && cell.numberFormat === undefined;
}

/**
 * The workbook's state. Every mutation goes through a method here so that a request can be undone
 * (a batch whose answer Excel cannot send applies nothing).
 */
export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** Whether date serials count from 1904 (Mac-era workbooks) rather than 1900. */
  date1904 = false;
  activeSheetId = '';
  selection: Selection | undefined;
  private nextSheetNumber = 1;
  private nextTableNumber = 1;
  private undoLog: Array<() => void> | undefined;

  /** Starts recording undo steps; `commit` forgets them, `rollback` replays them. */
  begin(): void {
    this.undoLog = [];
  }

  commit(): void {
    this.undoLog = undefined;
  }
  /** Whether anything changed since `begin`. */
  get changedSinceBegin(): boolean {
    return (this.undoLog?.length ?? 0) > 0;
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
    const sheet: SheetModel = { id, name, visibility, protected: false, cells: new Map(), formulaKeys: new Set(), columnWidths: new Map() };
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
    const tables = this.tables.filter((table) => table.sheetId === sheet.id);
    this.sheets.splice(index, 1);
    for (const table of tables) this.tables.splice(this.tables.indexOf(table), 1);
    if (this.activeSheetId === sheet.id) {
      const next = this.sheets.find((candidate) => candidate.visibility === 'Visible') ?? this.sheets[0];
      this.activeSheetId = next?.id ?? '';
    }
    if (this.selection?.sheetId === sheet.id) this.selection = undefined;
    this.remember(() => {
      this.sheets.splice(index, 0, sheet);
      this.tables.push(...tables);
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

  setProtected(sheet: SheetModel, value: boolean): void {
    const before = sheet.protected;
    sheet.protected = value;
    this.remember(() => (sheet.protected = before));
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
    this.store(sheet, key, isBlank(normalized) ? undefined : normalized);
    this.remember(() => this.store(sheet, key, before));
  }

  private store(sheet: SheetModel, key: number, cell: StoredCell | undefined): void {
    if (cell === undefined) sheet.cells.delete(key);
    else sheet.cells.set(key, cell);
    if (cell?.formula !== undefined) sheet.formulaKeys.add(key);
    else sheet.formulaKeys.delete(key);
  }

  columnWidth(sheet: SheetModel, column: number): number {
    return sheet.columnWidths.get(column) ?? DEFAULT_COLUMN_WIDTH;
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
    for (const [key, cell] of [...sheet.cells]) {
      const { row, column } = keyCell(key);
      if (row >= rect.row && row < rect.row + rect.rowCount && column >= rect.column && column < rect.column + rect.columnCount) visit(cell, row, column);
    }
  }

  /**
   * The smallest rectangle holding every used cell, or undefined for a blank sheet.
   * Used means a value, error or formula, or (unless `valuesOnly`) a fill or number format too.
   */
  usedRect(sheet: SheetModel, valuesOnly: boolean): CellRange | undefined {
    let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
    for (const [key, cell] of sheet.cells) {
      if (valuesOnly && cell.value === '' && cell.error === undefined && cell.formula === undefined) continue;
      const { row, column } = keyCell(key);
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    if (bottom < 0) return undefined;
    return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
  }

  // ---- Tables -----------------------------------------------------------------------------

  tablesOf(sheet: SheetModel): TableModel[] {
    return this.tables.filter((table) => table.sheetId === sheet.id);
  }

  findTable(nameOrId: string): TableModel | undefined {
    const lower = nameOrId.toLowerCase();
    return this.tables.find((table) => table.id === nameOrId) ?? this.tables.find((table) => table.name.toLowerCase() === lower);
  }

  addTable(sheet: SheetModel, definition: Omit<TableModel, 'id' | 'sheetId'>): TableModel {
    const table: TableModel = { ...definition, columns: [...definition.columns], id: String(this.nextTableNumber++), sheetId: sheet.id };
    this.tables.push(table);
    this.remember(() => this.tables.splice(this.tables.indexOf(table), 1));
    return table;
  }

  setTableRange(table: TableModel, range: CellRange): void {
    const before = table.range;
    table.range = range;
    this.remember(() => (table.range = before));
  }
}
