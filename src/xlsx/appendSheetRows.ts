import { sheetCellAddress } from '../core';
import { directoryOf, relsPathOf, WorkbookParts } from './findWorkbookParts';
import { appendToRoot, applyTextEdits, PositionedElement, positionedElements, TextEdit } from './applyTextEdits';
import { valueCellXml } from './patchXlsxValues';
import { rawAttribute, splitStartTag } from './startTag';
import { escapeXmlAttribute } from './xmlText';
import { UnreadableArchive, ZipArchive } from './zipArchive';

export interface SheetRows {
  /** The first row of a sheet this adds; not written into a sheet that exists. */
  readonly header: readonly string[];
  readonly rows: ReadonlyArray<ReadonlyArray<string | number>>;
  /** The number format of the rows' numbers (date-times), e.g. `yyyy-mm-dd hh:mm`. */
  readonly numberFormat: string;
  /** Width of the first column of a sheet this adds, in characters. */
  readonly firstColumnWidth: number;
}

const MAIN_NAMESPACE = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS_NAMESPACE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_TYPE = `${RELATIONSHIPS_NAMESPACE}/worksheet`;
const WORKSHEET_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

/**
 * Appends rows, in `archive`, under the last row of the worksheet `sheetName`, or adds that worksheet
 * (last tab, header first) to the workbook, its relationships and content types. Text goes in as inline
 * strings, numbers as numbers in the given format. Every other part stays byte for byte. Refuses, with a
 * sentence, a sheet holding an Excel table, which rows under it would not join.
 */
export function appendSheetRows(archive: ZipArchive, parts: WorkbookParts, sheetName: string, content: SheetRows): { ok: true } | { ok: false; problem: string } {
  const style = numberFormatStyle(archive, parts.stylesPath, content.numberFormat);
  const existing = parts.sheets.find((sheet) => sheet.name === sheetName);
  if (existing !== undefined) return appendToSheet(archive, existing.path, sheetName, content.rows, style);
  addSheet(archive, parts, sheetName, content, style);
  return { ok: true };
}

function rowXml(prefix: string, row: number, values: ReadonlyArray<string | number>, style: number | undefined): string {
  const cells = values.map((value, column) => valueCellXml(prefix, sheetCellAddress(row, column), value, typeof value === 'number' ? style : undefined));
  return `<${prefix}row r="${row}">${cells.join('')}</${prefix}row>`;
}

function appendToSheet(archive: ZipArchive, path: string, sheetName: string, rows: SheetRows['rows'], style: number | undefined): { ok: true } | { ok: false; problem: string } {
  const parsed = positionedElements(archive, path);
  if (parsed === undefined) throw new UnreadableArchive(`${path} is referenced but missing`);
  const { elements, text, encoding } = parsed;
  const tag = (element: PositionedElement) => splitStartTag(text.slice(element.start, element.tagEnd)).attributes;
  if (elements.some((element) => element.depth === 2 && element.local === 'tablePart')) {
    return { ok: false, problem: `its "${sheetName}" sheet holds an Excel table, which rows written under it would not join; add the entries in Excel, or rename that sheet` };
  }
  const sheetData = elements.find((element) => element.depth === 1 && element.local === 'sheetData');
  if (sheetData === undefined) throw new UnreadableArchive(`its part ${path} has no sheetData`);
  let last = 0;
  for (const element of elements) {
    if (element.depth === 2 && element.local === 'row' && element.start > sheetData.start && element.end <= sheetData.end) last = Number(rawAttribute(tag(element), 'r') ?? last + 1);
  }
  const prefix = sheetData.name.slice(0, sheetData.name.length - sheetData.local.length);
  const added = rows.map((values, index) => rowXml(prefix, last + 1 + index, values, style)).join('');
  const edit: TextEdit = sheetData.selfClosing
    ? { start: sheetData.start, end: sheetData.tagEnd, text: `<${sheetData.name}>${added}</${sheetData.name}>` }
    : { start: sheetData.closeStart, end: sheetData.closeStart, text: added };
  archive.write(path, applyTextEdits(text, [edit], encoding));
  return { ok: true };
}

function addSheet(archive: ZipArchive, parts: WorkbookParts, sheetName: string, content: SheetRows, style: number | undefined): void {
  const directory = directoryOf(parts.workbookPath);
  let n = parts.sheets.length + 1;
  while (archive.has(`${directory}worksheets/sheet${n}.xml`)) n++;
  const path = `${directory}worksheets/sheet${n}.xml`;
  const rows = [content.header, ...content.rows].map((values, index) => rowXml('', index + 1, values, style)).join('');
  archive.write(path,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NAMESPACE}">` +
    `<cols><col min="1" max="1" width="${content.firstColumnWidth}" customWidth="1"/></cols><sheetData>${rows}</sheetData></worksheet>`);

  const relsPath = relsPathOf(parts.workbookPath);
  let id = '';
  appendToRoot(archive, relsPath, (elements, text) => {
    const ids = new Set(elements.map((element) => rawAttribute(splitStartTag(text.slice(element.start, element.tagEnd)).attributes, 'Id')));
    let k = ids.size;
    do id = `rId${++k}`; while (ids.has(id));
    return `<Relationship Id="${id}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/>`;
  });
  addSheetEntry(archive, parts.workbookPath, sheetName, id);
  appendToRoot(archive, '[Content_Types].xml', () => `<Override PartName="/${path}" ContentType="${WORKSHEET_CONTENT_TYPE}"/>`);
}

/** The workbook's `<sheet>` for the new part, last in `<sheets>`, with the next free sheetId. */
function addSheetEntry(archive: ZipArchive, workbookPath: string, sheetName: string, relationshipId: string): void {
  const parsed = positionedElements(archive, workbookPath);
  if (parsed === undefined) throw new UnreadableArchive(`${workbookPath} is referenced but missing`);
  const { elements, text, encoding } = parsed;
  const attributes = (element: PositionedElement) => splitStartTag(text.slice(element.start, element.tagEnd)).attributes;
  const sheets = elements.find((element) => element.depth === 1 && element.local === 'sheets');
  if (sheets === undefined) throw new UnreadableArchive(`its part ${workbookPath} has no sheets`);
  const sheetIds = elements.filter((element) => element.local === 'sheet' && element.depth === 2).map((element) => Number(rawAttribute(attributes(element), 'sheetId')) || 0);
  // The relationships namespace under the prefix the workbook declares for it, else declared on the element.
  const declared = /xmlns:([\w.-]+)="([^"]*)"/g;
  const rootAttributes = attributes(elements[0]);
  const prefix = [...rootAttributes.matchAll(declared)].find((match) => match[2] === RELATIONSHIPS_NAMESPACE)?.[1];
  const idAttribute = prefix === undefined ? `xmlns:r="${RELATIONSHIPS_NAMESPACE}" r:id` : `${prefix}:id`;
  const name = sheets.name.slice(0, sheets.name.length - sheets.local.length);
  const entry = `<${name}sheet name="${escapeXmlAttribute(sheetName)}" sheetId="${Math.max(0, ...sheetIds) + 1}" ${idAttribute}="${relationshipId}"/>`;
  const edit: TextEdit = sheets.selfClosing
    ? { start: sheets.start, end: sheets.tagEnd, text: `<${sheets.name}>${entry}</${sheets.name}>` }
    : { start: sheets.closeStart, end: sheets.closeStart, text: entry };
  archive.write(workbookPath, applyTextEdits(text, [edit], encoding));
}

/**
 * The index of a new cell format showing numbers in `formatCode`, added to the styles part with its
 * number format; undefined (numbers keep the General format) when the workbook has no styles part.
 */
function numberFormatStyle(archive: ZipArchive, stylesPath: string | undefined, formatCode: string): number | undefined {
  const parsed = stylesPath === undefined ? undefined : positionedElements(archive, stylesPath);
  if (stylesPath === undefined || parsed === undefined) return undefined;
  const { elements, text, encoding } = parsed;
  const root = elements[0];
  const child = (local: string) => elements.find((element) => element.depth === 1 && element.local === local);
  const childrenOf = (parent: PositionedElement, local: string) => elements.filter((element) => element.depth === 2 && element.local === local && element.start > parent.start && element.end <= parent.end);
  const [numFmts, cellXfs] = [child('numFmts'), child('cellXfs')];
  if (root?.local !== 'styleSheet' || cellXfs === undefined || cellXfs.selfClosing) return undefined;
  const p = root.name.slice(0, root.name.length - root.local.length);
  const defined = (numFmts === undefined ? [] : childrenOf(numFmts, 'numFmt')).map((element) => {
    const attributes = splitStartTag(text.slice(element.start, element.tagEnd)).attributes;
    return { id: Number(rawAttribute(attributes, 'numFmtId')) || 0, code: rawAttribute(attributes, 'formatCode') };
  });
  const ids = defined.map((format) => format.id);
  const reused = defined.find((format) => format.code === escapeXmlAttribute(formatCode));
  // Ids below 164 are Excel's built-in formats.
  const id = reused?.id ?? Math.max(163, ...ids) + 1;
  const format = `<${p}numFmt numFmtId="${id}" formatCode="${escapeXmlAttribute(formatCode)}"/>`;
  const formats = childrenOf(cellXfs, 'xf').length;
  const counted = (element: PositionedElement, count: number) => {
    const tag = splitStartTag(text.slice(element.start, element.tagEnd));
    const attributes = rawAttribute(tag.attributes, 'count') === undefined ? tag.attributes : tag.attributes.replace(/count="\d*"/, `count="${count}"`);
    return `<${tag.name}${attributes}>`;
  };
  const edits: TextEdit[] = [
    { start: cellXfs.start, end: cellXfs.tagEnd, text: counted(cellXfs, formats + 1) },
    { start: cellXfs.closeStart, end: cellXfs.closeStart, text: `<${p}xf numFmtId="${id}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>` },
  ];
  if (reused !== undefined) {
    // The workbook already defines the format.
  } else if (numFmts === undefined) {
    // numFmts comes first among the styleSheet's children.
    const first = elements.find((element) => element.depth === 1);
    const at = first?.start ?? root.closeStart;
    edits.push({ start: at, end: at, text: `<${p}numFmts count="1">${format}</${p}numFmts>` });
  } else if (numFmts.selfClosing) {
    edits.push({ start: numFmts.start, end: numFmts.tagEnd, text: `${counted(numFmts, 1)}${format}</${numFmts.name}>` });
  } else {
    edits.push({ start: numFmts.start, end: numFmts.tagEnd, text: counted(numFmts, ids.length + 1) }, { start: numFmts.closeStart, end: numFmts.closeStart, text: format });
  }
  archive.write(stylesPath, applyTextEdits(text, edits, encoding));
  return formats;
}
