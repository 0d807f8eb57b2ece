import { BugIndicatingError, CellAddress, sheetCellAddress } from '../core';
import { relsPathOf, WorkbookParts } from './findWorkbookParts';
import { appendToRoot, applyTextEdits, PositionedElement, positionedElements, TextEdit } from './applyTextEdits';
import { PartText, XmlEncoding } from './parseXmlPart';
import { patchSheetCells, targetsOf } from './patchSheetCells';
import { joinStartTag, rawAttribute, splitStartTag, withAttribute } from './startTag';
import { escapeXmlAttribute } from './xmlText';
import { UnreadableArchive, ZipArchive } from './zipArchive';

export const CONFLICT_ARGB = 'FFFFFF00';

/**
 * The workbook with `cells` of one sheet filled with `argb` and everything else as it was: only the
 * styles part and those cells' `s` attributes change (cells missing from the XML are added, empty), and
 * every other byte of the sheet stays as written. Positions come from the same XML parse the reader
 * uses, so nothing inside a comment, CDATA section or processing instruction is ever painted. Each
 * painted cell gets a copy of its own cell format with the new fill, so cells that shared a format with
 * it keep theirs, and its font, border, number format and alignment stay. The changed parts are written
 * into `archive`, which then holds the painted workbook too.
 */
export function paintXlsx(archive: ZipArchive, parts: WorkbookParts, sheetName: string, cells: readonly CellAddress[], argb = CONFLICT_ARGB): Buffer {
  const sheet = parts.sheets.find((candidate) => candidate.name === sheetName);
  if (sheet === undefined) throw new BugIndicatingError(`sheet ${sheetName} is not in the workbook`);
  if (cells.length === 0) return archive.toBuffer();

  const styles = new StylesEditor(archive, parts, argb);
  const painted = (attributes: string) => withAttribute(attributes, 's', String(styles.paintedStyle(Number(rawAttribute(attributes, 's') ?? 0) || 0)));
  archive.write(sheet.path, patchSheetCells(archive, sheet.path, targetsOf(cells), {
    existing: (tag) => ({ whole: false, text: joinStartTag({ ...tag, attributes: painted(tag.attributes) }) }),
    missing: (prefix, row, column) => `<${prefix}c r="${sheetCellAddress(row, column - 1)}" s="${styles.paintedStyle(0)}"/>`,
  }));
  styles.save();
  return archive.toBuffer();
}

const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const STYLES_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';
const STYLES_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
/** The two fills Excel reserves at indexes 0 and 1, whatever a styles part says there. */
const RESERVED_FILLS = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
const DEFAULT_FORMAT = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
/** What Excel assumes when a workbook has no styles part: one font, the two reserved fills, one border, one format. */
const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NAMESPACE}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2">${RESERVED_FILLS.join('')}</fills>` +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="1">${DEFAULT_FORMAT}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
/** Children of `<styleSheet>` in the schema's order: a missing `<fills>` or `<cellXfs>` goes before the first that follows it. */
const STYLE_SHEET_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** Adds one fill and, per cell format painted, a copy of that format using it; adds `<fills>` or `<cellXfs>` when the part has none. */
class StylesEditor {
  private readonly path: string;
  private readonly created: boolean;
  private readonly text: PartText;
  private readonly encoding: XmlEncoding;
  private readonly root: PositionedElement;
  private readonly prefix: string;
  private readonly fills: PositionedElement | undefined;
  private readonly cellXfs: PositionedElement | undefined;
  /** Fills in the part, and those it lacks of the two Excel reserves. */
  private readonly fillCount: number;
  private readonly elements: PositionedElement[];
  /** Each cell format's element as written, and the length of its start tag. */
  private readonly formats: Array<{ readonly xml: string; readonly tagLength: number }>;
  private readonly painted = new Map<number, number>();
  private readonly added: string[] = [];

  constructor(private readonly archive: ZipArchive, parts: WorkbookParts, private readonly argb: string) {
    this.created = parts.stylesPath === undefined;
    this.path = parts.stylesPath ?? `${parts.workbookPath.slice(0, parts.workbookPath.lastIndexOf('/') + 1)}styles.xml`;
    const source = this.created ? ZipArchive.empty() : archive;
    if (this.created) source.write(this.path, MINIMAL_STYLES);
    const parsed = positionedElements(source, this.path);
    if (parsed === undefined) throw new UnreadableArchive(`${this.path} is referenced but missing`);
    const { elements, text, encoding } = parsed;
    this.text = text;
    this.encoding = encoding;
    this.elements = elements;
    this.root = elements[0];
    if (this.root?.local !== 'styleSheet') throw new UnreadableArchive(`its part ${this.path} is not a styles part`);
    this.prefix = this.root.name.slice(0, this.root.name.length - this.root.local.length);
    const child = (local: string) => elements.find((element) => element.depth === 1 && element.local === local);
    this.fills = child('fills');
    this.cellXfs = child('cellXfs');
    const childrenOf = (parent: PositionedElement | undefined, local: string) =>
      parent === undefined ? [] : elements.filter((element) => element.depth === 2 && element.local === local && element.start > parent.start && element.end <= parent.end);
    this.fillCount = childrenOf(this.fills, 'fill').length;
    this.formats = childrenOf(this.cellXfs, 'xf').map((xf) => ({ xml: text.slice(xf.start, xf.end), tagLength: xf.tagEnd - xf.start }));
    if (this.formats.length === 0) this.formats.push({ xml: this.prefixed(DEFAULT_FORMAT), tagLength: this.prefixed(DEFAULT_FORMAT).length });
  }

  /** Index of the painted copy of cell format `style`. */
  paintedStyle(style: number): number {
    let painted = this.painted.get(style);
    if (painted === undefined) {
      const { xml, tagLength } = this.formats[style] ?? this.formats[0];
      const tag = splitStartTag(xml.slice(0, tagLength));
      const attributes = withAttribute(withAttribute(tag.attributes, 'fillId', String(this.fillId())), 'applyFill', '1');
      painted = this.formats.length + this.added.length;
      this.added.push(joinStartTag({ ...tag, attributes }) + xml.slice(tagLength));
      this.painted.set(style, painted);
    }
    return painted;
  }

  save(): void {
    if (this.added.length === 0) return;
    const p = this.prefix;
    const reserved = RESERVED_FILLS.slice(this.fillCount).map((fill) => this.prefixed(fill)).join('');
    const fill =
      `${reserved}<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${escapeXmlAttribute(this.argb)}"/>` +
      `<${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
    const formats = (this.cellXfs === undefined ? this.formats.map((format) => format.xml).join('') : '') + this.added.join('');
    const edits = [
      this.grow('fills', this.fills, fill, this.fillId() + 1),
      this.grow('cellXfs', this.cellXfs, formats, this.formats.length + this.added.length),
    ].flat();
    this.archive.write(this.path, applyTextEdits(this.text, edits, this.encoding));
    if (this.created) this.register();
  }

  /** Where the painted fill goes: after the part's fills and the reserved ones it lacks. */
  private fillId(): number {
    return Math.max(this.fillCount, RESERVED_FILLS.length);
  }

  /** Edits that append `children` to the element (or add the element where the schema puts it) and set its count. */
  private grow(local: string, element: PositionedElement | undefined, children: string, count: number): TextEdit[] {
    const name = `${this.prefix}${local}`;
    if (element === undefined) {
      const at = this.insertionPoint(local);
      return [{ start: at, end: at, text: `<${name} count="${count}">${children}</${name}>` }];
    }
    const tag = splitStartTag(this.text.slice(element.start, element.tagEnd));
    const startTag = joinStartTag({ ...tag, attributes: withAttribute(tag.attributes, 'count', String(count)), selfClosing: false });
    if (element.selfClosing) return [{ start: element.start, end: element.tagEnd, text: `${startTag}${children}</${tag.name}>` }];
    return [
      { start: element.start, end: element.tagEnd, text: startTag },
      { start: element.closeStart, end: element.closeStart, text: children },
    ];
  }

  /** Before the first child of `<styleSheet>` that the schema puts after `local`, else before `</styleSheet>`. */
  private insertionPoint(local: string): number {
    const later = new Set(STYLE_SHEET_ORDER.slice(STYLE_SHEET_ORDER.indexOf(local) + 1));
    const next = this.elements.find((element) => element.depth === 1 && later.has(element.local));
    return next?.start ?? this.root.closeStart;
  }

  private prefixed(xml: string): string {
    return this.prefix === '' ? xml : xml.replace(/<(\/?)/g, `<$1${this.prefix}`);
  }

  /** A new styles part needs a relationship from the workbook and a content type. */
  private register(): void {
    const workbookDirectory = this.path.slice(0, this.path.lastIndexOf('/') + 1);
    const relsPath = relsPathOf(`${workbookDirectory}workbook.xml`);
    if (!this.archive.has(relsPath)) {
      this.archive.write(relsPath, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
    }
    appendToRoot(this.archive, relsPath, (elements, text) => {
      const ids = new Set(elements.map((element) => rawAttribute(splitStartTag(text.slice(element.start, element.tagEnd)).attributes, 'Id')));
      let n = ids.size + 1;
      while (ids.has(`rId${n}`)) n++;
      return `<Relationship Id="rId${n}" Type="${STYLES_TYPE}" Target="styles.xml"/>`;
    });
    if (this.archive.has('[Content_Types].xml')) {
      appendToRoot(this.archive, '[Content_Types].xml', (elements, text) =>
        elements.some((element) => rawAttribute(splitStartTag(text.slice(element.start, element.tagEnd)).attributes, 'PartName') === `/${this.path}`)
          ? ''
          : `<Override PartName="/${this.path}" ContentType="${STYLES_CONTENT_TYPE}"/>`,
      );
    }
  }
}

