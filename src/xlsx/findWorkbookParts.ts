import { UnreadableArchive, ZipArchive } from './zipArchive';
import { attributeByLocalName, findElements, parseAttributes } from './xmlText';

export interface SheetPart {
  readonly name: string;
  readonly visibility: 'visible' | 'hidden' | 'veryHidden';
  /** Path of the worksheet's XML inside the archive, e.g. `xl/worksheets/sheet1.xml`. */
  readonly path: string;
}

/** Where the parts of an .xlsx package are, read from its relationships as Excel does (not guessed from file names). */
export interface WorkbookParts {
  readonly workbookPath: string;
  /** Worksheets in the order of the workbook's tabs; chart sheets and macro sheets are left out. */
  readonly sheets: readonly SheetPart[];
  readonly sharedStringsPath?: string;
  readonly stylesPath?: string;
  readonly date1904: boolean;
}

const DEFAULT_WORKBOOK = 'xl/workbook.xml';

/** Finds the workbook, its worksheets, shared strings and styles; throws `UnreadableArchive` when it has no workbook. */
export function findWorkbookParts(archive: ZipArchive): WorkbookParts {
  const packageRels = relationships(archive, '_rels/.rels', '');
  const workbookPath = packageRels.find((rel) => rel.type.endsWith('/officeDocument'))?.target ?? DEFAULT_WORKBOOK;
  const workbookXml = archive.readText(workbookPath);
  if (workbookXml === undefined) {
    throw new UnreadableArchive(archive.has('word/document.xml') ? 'it is a Word document' : archive.has('ppt/presentation.xml') ? 'it is a PowerPoint file' : 'it has no workbook part');
  }
  const rels = relationships(archive, relsPathOf(workbookPath), directoryOf(workbookPath));
  const relById = new Map(rels.map((rel) => [rel.id, rel]));
  const sheets: SheetPart[] = [];
  for (const sheet of findElements(workbookXml, 'sheet')) {
    const attributes = parseAttributes(sheet.attributes);
    const rel = relById.get(attributeByLocalName(attributes, 'id') ?? '');
    if (rel === undefined || !rel.type.endsWith('/worksheet') || !archive.has(rel.target)) continue;
    const state = attributes.get('state');
    sheets.push({ name: attributes.get('name') ?? '', visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible', path: rel.target });
  }
  const properties = findElements(workbookXml, 'workbookPr')[0];
  const date1904 = properties === undefined ? false : isTrue(parseAttributes(properties.attributes).get('date1904'));
  const partOfType = (suffix: string) => rels.find((rel) => rel.type.endsWith(suffix) && archive.has(rel.target))?.target;
  return { workbookPath, sheets, sharedStringsPath: partOfType('/sharedStrings'), stylesPath: partOfType('/styles'), date1904 };
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Absolute path inside the archive, without a leading slash. */
  readonly target: string;
}

export function relationships(archive: ZipArchive, relsPath: string, baseDirectory: string): Relationship[] {
  const xml = archive.readText(relsPath);
  if (xml === undefined) return [];
  return findElements(xml, 'Relationship').flatMap((element) => {
    const attributes = parseAttributes(element.attributes);
    const target = attributes.get('Target');
    if (target === undefined || attributes.get('TargetMode') === 'External') return [];
    return [{ id: attributes.get('Id') ?? '', type: attributes.get('Type') ?? '', target: resolvePartPath(baseDirectory, target) }];
  });
}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPathOf(partPath: string): string {
  const directory = directoryOf(partPath);
  return `${directory}_rels/${partPath.slice(directory.length)}.rels`;
}

function directoryOf(partPath: string): string {
  return partPath.slice(0, partPath.lastIndexOf('/') + 1);
}

function resolvePartPath(baseDirectory: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // A lone % is a character of the name, not an escape.
  }
  const segments = (decoded.startsWith('/') ? decoded.slice(1) : baseDirectory + decoded).split('/');
  const resolved: string[] = [];
  for (const segment of segments) {
    if (segment === '..') resolved.pop();
    else if (segment !== '.' && segment !== '') resolved.push(segment);
  }
  return resolved.join('/');
}

function isTrue(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
