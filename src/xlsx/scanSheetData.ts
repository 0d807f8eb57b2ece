import { parseCellAddress } from '../core';

/** A `<row>` start tag in a worksheet's XML. */
export interface RowTag {
  /** 1-based sheet row, from `r` or counted from the previous row. */
  readonly row: number;
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly tagEnd: number;
  readonly attributes: string;
  readonly selfClosing: boolean;
}

/** A `<c>` element in a worksheet's XML. */
export interface CellTag {
  readonly row: number;
  /** 1-based column, from `r` or counted from the previous cell of the row. */
  readonly column: number;
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly tagEnd: number;
  /** Just after the element (its `</c>`, or the start tag when self-closing). */
  readonly end: number;
  readonly attributes: string;
  /** The element's content (`<f>`, `<v>`, `<is>`), or null when self-closing. */
  readonly inner: string | null;
  /** Whether the cell names its address in `r`. */
  readonly hasRef: boolean;
}

export interface SheetDataVisitor {
  row?(row: RowTag): void;
  /** Called at `</row>` with the position of its `<`. */
  rowEnd?(row: number, position: number): void;
  cell?(cell: CellTag): void;
}

export interface SheetDataBounds {
  /** The namespace prefix the worksheet's elements use, with its colon (`x:`), or ''. */
  readonly prefix: string;
}

const TAG = /<(\/?)((?:[\w.-]+:)?)(row|c)(?=[\s/>])([^>]*)>/g;
const REF = /(?:^|\s)r\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const SHEET_DATA = /<((?:[\w.-]+:)?)sheetData(?=[\s/>])[^>]*?(\/?)>/;

/**
 * Walks the rows and cells of a worksheet's `<sheetData>` in document order, with their positions in
 * `xml`, so a reader can take values and a writer can patch tags in place. Cells without an `r`
 * attribute are placed after the previous cell, as Excel does.
 */
export function scanSheetData(xml: string, visitor: SheetDataVisitor): SheetDataBounds {
  const open = SHEET_DATA.exec(xml);
  if (open === null) return { prefix: '' };
  const prefix = open[1];
  if (open[2] === '/') return { prefix };
  const from = open.index + open[0].length;
  const to = xml.indexOf(`</${prefix}sheetData>`, from);
  const limit = to < 0 ? xml.length : to;
  let currentRow = 0;
  let currentColumn = 0;
  TAG.lastIndex = from;
  for (let match = TAG.exec(xml); match !== null && match.index < limit; match = TAG.exec(xml)) {
    const closing = match[1] === '/';
    const name = match[3];
    let attributes = match[4];
    const selfClosing = attributes.endsWith('/');
    if (selfClosing) attributes = attributes.slice(0, -1);
    const tagEnd = TAG.lastIndex;
    if (name === 'row') {
      if (closing) {
        visitor.rowEnd?.(currentRow, match.index);
        continue;
      }
      const ref = REF.exec(attributes);
      currentRow = ref === null ? currentRow + 1 : Number(ref[1] ?? ref[2]);
      currentColumn = 0;
      visitor.row?.({ row: currentRow, start: match.index, tagEnd, attributes, selfClosing });
      if (selfClosing) visitor.rowEnd?.(currentRow, match.index);
      continue;
    }
    if (closing) continue;
    let end = tagEnd;
    let inner: string | null = null;
    if (!selfClosing) {
      const close = `</${match[2]}c>`;
      const closeAt = xml.indexOf(close, tagEnd);
      if (closeAt < 0) break;
      inner = xml.slice(tagEnd, closeAt);
      end = closeAt + close.length;
      TAG.lastIndex = end;
    }
    const ref = REF.exec(attributes);
    let row = currentRow;
    if (ref !== null) {
      const address = parseCellAddress(ref[1] ?? ref[2]);
      // The XML counts rows and columns from 1.
      if (address !== undefined) {
        currentColumn = address.column + 1;
        row = address.row + 1;
      } else currentColumn++;
    } else currentColumn++;
    visitor.cell?.({ row, column: currentColumn, start: match.index, tagEnd, end, attributes, inner, hasRef: ref !== null });
  }
  return { prefix };
}
