import { BugIndicatingError, sheetCellAddress } from '../core';
import { applyTextEdits, TextEdit } from './applyTextEdits';
import { PartText } from './parseXmlPart';
import { CellTag, RowTag, scanSheetData } from './scanSheetData';
import { joinStartTag, rawAttribute, splitStartTag, StartTagText, withAttribute } from './startTag';
import { UnreadableArchive, ZipArchive } from './zipArchive';

/** How the cells a patch targets are written; rows and columns count from 1, as in the sheet's XML. */
export interface CellRewriter {
  /**
   * The new text of a target cell the sheet has, from its start tag (which names its address) and the
   * cell as scanned: its start tag alone, or its whole element.
   */
  existing(tag: StartTagText, cell: CellTag, prefix: string): { readonly whole: boolean; readonly text: string };
  /** The element of a target cell the sheet lacks. */
  missing(prefix: string, row: number, column: number): string;
}

interface RowEdit {
  readonly tag: RowTag;
  readonly cells: CellTag[];
  end: number;
}

/**
 * The worksheet part with its `targets` (sheet row → columns) rewritten and every other byte as written.
 * Positions come from the scan the reader uses. Missing cells are added in column order; cells placed by
 * order get their address once a cell is added before them, and the row's `spans` widen to hold them.
 */
export function patchSheetCells(archive: ZipArchive, path: string, targets: ReadonlyMap<number, ReadonlySet<number>>, rewriter: CellRewriter): Buffer {
  const rows = new Map<number, RowEdit>();
  let current: RowEdit | undefined;
  const text = new PartText();
  const scanned = scanSheetData(archive, path, {
    row: (tag) => {
      current = targets.has(tag.row) && !tag.selfClosing ? { tag, cells: [], end: -1 } : undefined;
      if (current !== undefined) rows.set(tag.row, current);
    },
    rowEnd: (row, position) => {
      if (current !== undefined && current.tag.row === row) current.end = position;
      current = undefined;
    },
    cell: (cell) => {
      if (current !== undefined && cell.row === current.tag.row) current.cells.push({ ...cell });
    },
  }, { positions: true, text });
  if (scanned === undefined) throw new UnreadableArchive(`${path} is referenced but missing`);
  const { prefix, encoding } = scanned;

  const edits: TextEdit[] = [];
  for (const [rowNumber, columns] of targets) {
    const edit = rows.get(rowNumber);
    if (edit === undefined || edit.end < 0) throw new BugIndicatingError(`row ${rowNumber} to patch has no cells in the sheet`);
    const present = new Set(edit.cells.map((cell) => cell.column));
    const missing = [...columns].filter((column) => !present.has(column)).sort((a, b) => a - b);
    const rowTag = splitStartTag(text.slice(edit.tag.start, edit.tag.tagEnd));
    const spans = rawAttribute(rowTag.attributes, 'spans');
    if (spans !== undefined && missing.length > 0) {
      const [low, high] = spans.split(':').map(Number);
      const widened = `${Math.min(low, missing[0])}:${Math.max(high, missing[missing.length - 1])}`;
      edits.push({ start: edit.tag.start, end: edit.tag.tagEnd, text: joinStartTag({ ...rowTag, attributes: withAttribute(rowTag.attributes, 'spans', widened) }) });
    }
    let next = 0;
    for (const cell of edit.cells) {
      for (; next < missing.length && missing[next] < cell.column; next++) edits.push({ start: cell.start, end: cell.start, text: rewriter.missing(prefix, rowNumber, missing[next]) });
      const target = columns.has(cell.column);
      // Cells placed by order get their address once a cell is added before them.
      if (!target && (cell.hasRef || missing.length === 0)) continue;
      const tag = splitStartTag(text.slice(cell.start, cell.tagEnd));
      const addressed = cell.hasRef ? tag : { ...tag, attributes: ` r="${sheetCellAddress(rowNumber, cell.column - 1)}"${tag.attributes}` };
      if (!target) {
        edits.push({ start: cell.start, end: cell.tagEnd, text: joinStartTag(addressed) });
        continue;
      }
      const rewritten = rewriter.existing(addressed, cell, prefix);
      edits.push({ start: cell.start, end: rewritten.whole ? cell.end : cell.tagEnd, text: rewritten.text });
    }
    for (; next < missing.length; next++) edits.push({ start: edit.end, end: edit.end, text: rewriter.missing(prefix, rowNumber, missing[next]) });
  }
  return applyTextEdits(text, edits, encoding);
}

/** Sheet row → columns (both counting from 1) of 0-based cell addresses. */
export function targetsOf(cells: Iterable<{ readonly row: number; readonly column: number }>): Map<number, Set<number>> {
  const targets = new Map<number, Set<number>>();
  for (const { row, column } of cells) {
    const columns = targets.get(row + 1) ?? new Set<number>();
    columns.add(column + 1);
    targets.set(row + 1, columns);
  }
  return targets;
}
