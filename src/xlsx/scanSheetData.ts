import { MAX_COLUMNS, MAX_ROWS, parseCellAddress } from '../core';
import { READER_LIMITS } from './readerLimits';
import { attributeByLocalName, localName, parseXmlPart, ParsedPart, PartText } from './parseXmlPart';
import { ReaderLimitExceeded, UnreadableArchive, ZipArchive } from './zipArchive';

/** A `<row>` start tag of a worksheet's `<sheetData>`. */
export interface RowTag {
  /** 1-based sheet row, from `r` or counted from the previous row. */
  readonly row: number;
  /** Index of its `<` in the part's text (with `positions`). */
  readonly start: number;
  /** Just after the start tag's `>`. */
  readonly tagEnd: number;
  readonly selfClosing: boolean;
}

/** A `<c>` element, reported at its end. The same object is reused from cell to cell: copy what you keep. */
export interface CellTag {
  row: number;
  /** 1-based column, from `r` or counted from the previous cell of the row. */
  column: number;
  /** The `t` attribute (`s`, `str`, `inlineStr`, `b`, `e`, `d`, `n`), or undefined. */
  type: string | undefined;
  /** The `<v>` text, or null when the cell has none. */
  value: string | null;
  /** The `<is>` text (its `<t>` runs joined, phonetic guides left out), or null. */
  inline: string | null;
  /** The `<f>` text ('' for a cell of a shared formula that is not its first), or null when the cell holds no formula. */
  formula: string | null;
  /** Whether the cell names its address in `r`. */
  hasRef: boolean;
  selfClosing: boolean;
  /** Index of its `<` in the part's text (with `positions`). */
  start: number;
  /** Just after the start tag's `>`. */
  tagEnd: number;
  /** Just after the element. */
  end: number;
}

export interface SheetDataVisitor {
  row?(row: RowTag): void;
  /** Called at `</row>` (or after an empty row tag) with the index of the end tag's `<`. */
  rowEnd?(row: number, position: number): void;
  cell?(cell: CellTag): void;
  /** A `<tablePart>` of the worksheet: the relationship id of one of its tables. */
  tablePart?(relationshipId: string): void;
}

export interface ScannedSheet extends ParsedPart {
  /** The namespace prefix the worksheet's elements use, with its colon (`x:`), or ''. */
  readonly prefix: string;
}

/**
 * Walks the rows and cells of a worksheet's `<sheetData>` in document order, as an XML parser sees them
 * (nothing inside a comment, CDATA section or processing instruction is a cell), with their positions
 * when asked, so the reader takes values and the painter patches tags from one and the same scan.
 * Cells without an `r` attribute are placed after the previous cell, as Excel does. Refuses addresses
 * outside Excel's grid and texts past `maxTokenChars`; returns undefined when there is no such part.
 * One function on purpose: the parser's handlers (`open` above all) share the row and cell being read.
 */
export function scanSheetData(archive: ZipArchive, partName: string, visitor: SheetDataVisitor, options: { positions?: boolean; text?: PartText } = {}): ScannedSheet | undefined {
  let prefix = '';
  let names = sheetDataNames('');
  let inSheetData = false;
  let row: { row: number; start: number; tagEnd: number; selfClosing: boolean } | undefined;
  let currentRow = 0;
  let currentColumn = 0;
  let cell: CellTag | undefined;
  const reused: CellTag = { row: 0, column: 0, type: undefined, value: null, inline: null, formula: null, hasRef: false, selfClosing: false, start: -1, tagEnd: -1, end: -1 };
  // Where text goes: into the value, into an inline string's run, into the formula, or nowhere.
  let collecting: 'v' | 't' | 'f' | null = null;
  let phoneticDepth = 0;
  let collected = '';
  const refuse = (what: string) => new UnreadableArchive(`its part ${partName} ${what}`);

  const parsed = parseXmlPart(archive, partName, {
    open(tag, start, end) {
      const name = tag.name;
      if (!inSheetData) {
        const local = localName(name);
        if (local === 'sheetData') {
          inSheetData = !tag.isSelfClosing;
          prefix = name.slice(0, name.length - local.length);
          names = sheetDataNames(prefix);
        } else if (local === 'tablePart') {
          const id = attributeByLocalName(tag.attributes, 'id');
          if (id !== undefined) visitor.tablePart?.(id);
        }
        return;
      }
      if (cell !== undefined) {
        if (phoneticDepth > 0 || name === names.rPh) phoneticDepth++;
        else if (name === names.v) {
          collecting = 'v';
          collected = '';
        } else if (name === names.t) collecting = 't';
        else if (name === names.is) cell.inline = '';
        else if (name === names.f) {
          cell.formula = '';
          collecting = 'f';
        }
        if (collecting === 't' && cell.inline === null) collecting = null;
        return;
      }
      if (name === names.row) {
        const r = tag.attributes.r;
        const number = r === undefined ? currentRow + 1 : Number(r);
        if (!Number.isInteger(number) || number < 1 || number > MAX_ROWS) throw refuse(`has a row numbered ${r ?? number}, outside Excel's rows 1 to ${MAX_ROWS}`);
        currentRow = number;
        currentColumn = 0;
        row = { row: number, start, tagEnd: end, selfClosing: tag.isSelfClosing };
        visitor.row?.(row);
        return;
      }
      if (name === names.c && row !== undefined) {
        cell = reused;
        const r = tag.attributes.r;
        cell.row = currentRow;
        if (r !== undefined) {
          const address = parseCellAddress(r);
          if (address === undefined) throw refuse(`has a cell at ${r.slice(0, 40)}, which is not a cell of Excel's grid A1:XFD${MAX_ROWS}`);
          // The XML counts rows and columns from 1.
          cell.row = address.row + 1;
          currentColumn = address.column + 1;
        } else if (++currentColumn > MAX_COLUMNS) {
          throw refuse(`has a cell past column XFD in row ${currentRow}`);
        }
        cell.column = currentColumn;
        cell.type = tag.attributes.t;
        cell.value = null;
        cell.inline = null;
        cell.formula = null;
        cell.hasRef = r !== undefined;
        cell.selfClosing = tag.isSelfClosing;
        cell.start = start;
        cell.tagEnd = end;
        collecting = null;
        phoneticDepth = 0;
      }
    },
    close(name, end) {
      if (!inSheetData) return;
      if (cell !== undefined) {
        if (phoneticDepth > 0) phoneticDepth--;
        else if (name === names.v && collecting === 'v') {
          cell.value = collected;
          collecting = null;
        } else if ((name === names.t && collecting === 't') || (name === names.f && collecting === 'f')) collecting = null;
        else if (name === names.c) {
          cell.end = end;
          visitor.cell?.(cell);
          cell = undefined;
        }
        return;
      }
      if (name === names.row && row !== undefined) {
        // An end tag may hold spaces before its `>`; without the text, Excel's own `</row>` is assumed.
        visitor.rowEnd?.(row.row, row.selfClosing ? row.start : (options.text?.lastIndexOf('<', end) ?? end - name.length - 3));
        row = undefined;
      } else if (name === names.sheetData) inSheetData = false;
    },
    text(content) {
      if (collecting === null || phoneticDepth > 0 || cell === undefined) return;
      if (collecting === 'v') collected += content;
      else if (collecting === 'f') cell.formula += content;
      else cell.inline = (cell.inline ?? '') + content;
      if ((collecting === 'v' ? collected : collecting === 'f' ? (cell.formula ?? '') : (cell.inline ?? '')).length > READER_LIMITS.maxTokenChars) {
        throw new ReaderLimitExceeded(`its part ${partName} has a cell whose text is longer than ${READER_LIMITS.maxTokenChars} characters`);
      }
    },
  }, options);
  return parsed === undefined ? undefined : { ...parsed, prefix };
}

/**
 * The names of `<sheetData>`'s elements with its prefix, compared whole: a worksheet writes every element
 * of its namespace with one prefix, and no local name needs cutting out for each of millions of tags.
 */
function sheetDataNames(prefix: string) {
  return { sheetData: `${prefix}sheetData`, row: `${prefix}row`, c: `${prefix}c`, v: `${prefix}v`, is: `${prefix}is`, t: `${prefix}t`, f: `${prefix}f`, rPh: `${prefix}rPh` };
}
