import { BugIndicatingError, CellAddress, sheetCellAddress } from '../core';
import { CellTag, RowTag, scanSheetData } from './scanSheetData';
import { relsPathOf, WorkbookParts } from './findWorkbookParts';
import { ElementMatch, escapeXmlAttribute, findElements, parseAttributes } from './xmlText';
import { UnreadableArchive, ZipArchive } from './zipArchive';

export const CONFLICT_ARGB = 'FFFFFF00';

/**
 * The workbook with `cells` of one sheet filled with `argb` and everything else as it was: only the
 * styles part and those cells' `s` attributes change (cells missing from the XML are added, empty).
 * Each painted cell gets a copy of its own cell format with the new fill, so cells that shared a format
 * with it keep theirs, and its font, border, number format and alignment stay. The changed parts are
 * written into `archive`, which then holds the painted workbook too.
 */
export function paintXlsx(archive: ZipArchive, parts: WorkbookParts, sheetName: string, cells: readonly CellAddress[], argb = CONFLICT_ARGB): Buffer {
  const sheet = parts.sheets.find((candidate) => candidate.name === sheetName);
  if (sheet === undefined) throw new BugIndicatingError(`sheet ${sheetName} is not in the workbook`);
  if (cells.length === 0) return archive.toBuffer();

  // The sheet XML's rows and columns count from 1.
  const targets = new Map<number, Set<number>>();
  for (const { row, column } of cells) {
    const columns = targets.get(row + 1) ?? new Set<number>();
    columns.add(column + 1);
    targets.set(row + 1, columns);
  }
  const sheetXml = archive.readText(sheet.path) ?? '';
  const styles = new StylesEditor(archive, parts, argb);
  archive.write(sheet.path, patchSheet(sheetXml, targets, (style) => styles.paintedStyle(style)));
  styles.save();
  return archive.toBuffer();
}

interface RowEdit {
  readonly tag: RowTag;
  readonly cells: CellTag[];
  end: number;
}

const STYLE_ATTRIBUTE = /(^|\s)s\s*=\s*(?:"([^"]*)"|'([^']*)')/;
const SPANS_ATTRIBUTE = /(^|\s)spans\s*=\s*(?:"([^"]*)"|'([^']*)')/;

function patchSheet(xml: string, targets: ReadonlyMap<number, ReadonlySet<number>>, paintedStyle: (style: number) => number): string {
  const rows = new Map<number, RowEdit>();
  let current: RowEdit | undefined;
  const { prefix } = scanSheetData(xml, {
    row: (tag) => {
      current = targets.has(tag.row) && !tag.selfClosing ? { tag, cells: [], end: -1 } : undefined;
      if (current !== undefined) rows.set(tag.row, current);
    },
    rowEnd: (row, position) => {
      if (current !== undefined && current.tag.row === row) current.end = position;
      current = undefined;
    },
    cell: (cell) => {
      if (current !== undefined && cell.row === current.tag.row) current.cells.push(cell);
    },
  });

  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const [rowNumber, columns] of targets) {
    const edit = rows.get(rowNumber);
    if (edit === undefined || edit.end < 0) throw new BugIndicatingError(`row ${rowNumber} to paint has no cells in the sheet`);
    const present = new Set(edit.cells.map((cell) => cell.column));
    const missing = [...columns].filter((column) => !present.has(column)).sort((a, b) => a - b);
    const spans = SPANS_ATTRIBUTE.exec(edit.tag.attributes);
    if (spans !== null && missing.length > 0) {
      const [low, high] = (spans[2] ?? spans[3]).split(':').map(Number);
      const widened = `${Math.min(low, missing[0])}:${Math.max(high, missing[missing.length - 1])}`;
      const attributes = edit.tag.attributes.replace(SPANS_ATTRIBUTE, `$1spans="${widened}"`);
      edits.push({ start: edit.tag.start, end: edit.tag.tagEnd, text: `<${prefix}row${attributes}>` });
    }
    let next = 0;
    for (const cell of edit.cells) {
      for (; next < missing.length && missing[next] < cell.column; next++) edits.push({ start: cell.start, end: cell.start, text: emptyCell(prefix, rowNumber, missing[next], paintedStyle(0)) });
      const painted = columns.has(cell.column);
      // Cells placed by order get their address once a cell is added before them.
      if (!painted && (cell.hasRef || missing.length === 0)) continue;
      let attributes = cell.attributes;
      if (!cell.hasRef) attributes = ` r="${sheetCellAddress(rowNumber, cell.column - 1)}"${attributes}`;
      if (painted) {
        const style = STYLE_ATTRIBUTE.exec(attributes);
        const painting = paintedStyle(style === null ? 0 : Number(style[2] ?? style[3]) || 0);
        attributes = style === null ? `${attributes} s="${painting}"` : attributes.replace(STYLE_ATTRIBUTE, `$1s="${painting}"`);
      }
      edits.push({ start: cell.start, end: cell.tagEnd, text: `<${prefix}c${attributes}${cell.inner === null ? '/' : ''}>` });
    }
    for (; next < missing.length; next++) edits.push({ start: edit.end, end: edit.end, text: emptyCell(prefix, rowNumber, missing[next], paintedStyle(0)) });
  }

  edits.sort((a, b) => a.start - b.start);
  const pieces: string[] = [];
  let position = 0;
  for (const edit of edits) {
    pieces.push(xml.slice(position, edit.start), edit.text);
    position = edit.end;
  }
  pieces.push(xml.slice(position));
  return pieces.join('');
}

function emptyCell(prefix: string, row: number, column: number, style: number): string {
  return `<${prefix}c r="${sheetCellAddress(row, column - 1)}" s="${style}"/>`;
}

const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** What Excel assumes when a workbook has no styles part: one font, the two reserved fills, one border, one format. */
const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NAMESPACE}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** Adds one fill and, per cell format painted, a copy of that format using it. */
class StylesEditor {
  private readonly xml: string;
  private readonly path: string;
  private readonly created: boolean;
  private readonly fills: ElementMatch;
  private readonly cellXfs: ElementMatch;
  private readonly formats: string[];
  /** Index the added fill gets: after the fills already there. */
  private readonly fillId: number;
  private readonly painted = new Map<number, number>();
  private readonly added: string[] = [];

  constructor(private readonly archive: ZipArchive, parts: WorkbookParts, private readonly argb: string) {
    this.created = parts.stylesPath === undefined;
    this.path = parts.stylesPath ?? `${parts.workbookPath.slice(0, parts.workbookPath.lastIndexOf('/') + 1)}styles.xml`;
    this.xml = this.created ? MINIMAL_STYLES : (archive.readText(this.path) as string);
    const fills = findElements(this.xml, 'fills')[0];
    const cellXfs = findElements(this.xml, 'cellXfs')[0];
    if (fills?.inner == null || cellXfs?.inner == null) throw new UnreadableArchive('its styles part has no fills or cell formats to add a fill to');
    this.fills = fills;
    this.cellXfs = cellXfs;
    this.fillId = findElements(fills.inner, 'fill').length;
    const formats = cellXfs.inner;
    this.formats = findElements(formats, 'xf').map((xf) => formats.slice(xf.start, xf.end));
  }

  /** Index of the painted copy of cell format `style`. */
  paintedStyle(style: number): number {
    let painted = this.painted.get(style);
    if (painted === undefined) {
      const source = this.formats[style] ?? this.formats[0] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
      painted = this.formats.length + this.added.length;
      this.added.push(withAttribute(withAttribute(source, 'fillId', String(this.fillId)), 'applyFill', '1'));
      this.painted.set(style, painted);
    }
    return painted;
  }

  save(): void {
    if (this.added.length === 0) return;
    const prefix = this.fills.tag.slice(0, -'fills'.length);
    const fill =
      `<${prefix}fill><${prefix}patternFill patternType="solid"><${prefix}fgColor rgb="${escapeXmlAttribute(this.argb)}"/>` +
      `<${prefix}bgColor indexed="64"/></${prefix}patternFill></${prefix}fill>`;
    const grown = [
      { element: this.fills, children: fill, count: this.fillId + 1 },
      { element: this.cellXfs, children: this.added.join(''), count: this.formats.length + this.added.length },
    ].sort((a, b) => b.element.start - a.element.start);
    let xml = this.xml;
    for (const { element, children, count } of grown) {
      const startTag = withAttribute(`<${element.tag}${element.attributes}>`, 'count', String(count));
      xml = `${xml.slice(0, element.start)}${startTag}${element.inner}${children}</${element.tag}>${xml.slice(element.end)}`;
    }
    this.archive.write(this.path, xml);
    if (this.created) this.register();
  }

  /** A new styles part needs a relationship from the workbook and a content type. */
  private register(): void {
    const workbookDirectory = this.path.slice(0, this.path.lastIndexOf('/') + 1);
    const relsPath = relsPathOf(`${workbookDirectory}workbook.xml`);
    const rels = this.archive.readText(relsPath) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(findElements(rels, 'Relationship').map((rel) => parseAttributes(rel.attributes).get('Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const relationship = `<Relationship Id="rId${n}" Type="${STYLES_TYPE}" Target="styles.xml"/>`;
    this.archive.write(relsPath, rels.replace(/<\/((?:[\w.-]+:)?)Relationships>\s*$/, (close) => relationship + close));
    const types = this.archive.readText('[Content_Types].xml');
    if (types !== undefined && !types.includes(`PartName="/${this.path}"`)) {
      const override = `<Override PartName="/${this.path}" ContentType="${STYLES_CONTENT_TYPE}"/>`;
      this.archive.write('[Content_Types].xml', types.replace(/<\/((?:[\w.-]+:)?)Types>\s*$/, (close) => override + close));
    }
  }
}

/** An element (its text starting with the start tag) with one attribute of its start tag set, the rest as written. */
function withAttribute(element: string, name: string, value: string): string {
  const close = element.indexOf('>');
  const tagEnd = element[close - 1] === '/' ? close - 1 : close;
  const startTag = element.slice(0, tagEnd);
  const pattern = new RegExp(`(\\s)${name}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  const updated = pattern.test(startTag) ? startTag.replace(pattern, `$1${name}="${value}"`) : `${startTag} ${name}="${value}"`;
  return updated + element.slice(tagEnd);
}
