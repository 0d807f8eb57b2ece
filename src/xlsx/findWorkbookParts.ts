import { READER_LIMITS } from './readerLimits';
import { attributeByLocalName, localName, parseXmlPart } from './parseXmlPart';
import { ReaderLimitExceeded, UnreadableArchive, ZipArchive } from './zipArchive';

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
  /** The styles part the workbook refers to (which may be missing: the painter says so). */
  readonly stylesPath?: string;
  readonly date1904: boolean;
}

const DEFAULT_WORKBOOK = 'xl/workbook.xml';

/**
 * Finds the workbook, its worksheets, shared strings and styles; throws `UnreadableArchive` when it has
 * no workbook, or when a worksheet or the shared strings it refers to are missing.
 */
export function findWorkbookParts(archive: ZipArchive): WorkbookParts {
  const packageRels = relationships(archive, '_rels/.rels', '');
  const workbookPath = packageRels.find((rel) => rel.type.endsWith('/officeDocument'))?.target ?? DEFAULT_WORKBOOK;
  if (!archive.has(workbookPath)) {
    throw new UnreadableArchive(archive.has('word/document.xml') ? 'it is a Word document' : archive.has('ppt/presentation.xml') ? 'it is a PowerPoint file' : 'it has no workbook part');
  }
  const rels = relationships(archive, relsPathOf(workbookPath), directoryOf(workbookPath));
  const relById = new Map(rels.map((rel) => [rel.id, rel]));
  const sheets: SheetPart[] = [];
  let date1904 = false;
  let inSheets = false;
  parseXmlPart(archive, workbookPath, {
    open(tag) {
      const name = localName(tag.name);
      if (name === 'sheets') inSheets = !tag.isSelfClosing;
      else if (name === 'workbookPr') date1904 = isTrue(tag.attributes.date1904);
      else if (name === 'sheet' && inSheets) {
        const sheetName = tag.attributes.name ?? '';
        const id = attributeByLocalName(tag.attributes, 'id') ?? '';
        const rel = relById.get(id);
        if (rel === undefined) throw new UnreadableArchive(`its sheet ${sheetName} refers to relationship ${id || '(none)'}, which ${relsPathOf(workbookPath)} does not have`);
        // Chart sheets, dialog sheets and macro sheets hold no cells.
        if (!rel.type.endsWith('/worksheet')) return;
        requirePart(archive, rel.target);
        if (sheets.length >= READER_LIMITS.maxSheets) throw new ReaderLimitExceeded(`it has more than ${READER_LIMITS.maxSheets} worksheets, more than the reader accepts`);
        const state: string | undefined = tag.attributes.state;
        sheets.push({ name: sheetName, visibility: state === 'hidden' || state === 'veryHidden' ? state : 'visible', path: rel.target });
      }
    },
    close(name) {
      if (localName(name) === 'sheets') inSheets = false;
    },
  });
  const partOfType = (suffix: string) => rels.find((rel) => rel.type.endsWith(suffix))?.target;
  const sharedStringsPath = partOfType('/sharedStrings');
  if (sharedStringsPath !== undefined) requirePart(archive, sharedStringsPath);
  return { workbookPath, sheets, sharedStringsPath, stylesPath: partOfType('/styles'), date1904 };
}

/** Throws, naming the part, when a relationship points at a part the archive does not have. */
export function requirePart(archive: ZipArchive, path: string): void {
  if (!archive.has(path)) throw new UnreadableArchive(`${path} is referenced but missing`);
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** Absolute path inside the archive, without a leading slash. */
  readonly target: string;
}

/** The internal relationships of a part (external links left out); none when the part has no relationships part. */
export function relationships(archive: ZipArchive, relsPath: string, baseDirectory: string): Relationship[] {
  const found: Relationship[] = [];
  parseXmlPart(archive, relsPath, {
    open(tag) {
      if (localName(tag.name) !== 'Relationship') return;
      const { Target: target, TargetMode: mode, Id: id = '', Type: type = '' } = tag.attributes;
      if (target === undefined || mode === 'External') return;
      found.push({ id, type, target: resolvePartPath(baseDirectory, target) });
    },
  });
  return found;
}

/** `xl/_rels/workbook.xml.rels` for `xl/workbook.xml`. */
export function relsPathOf(partPath: string): string {
  const directory = directoryOf(partPath);
  return `${directory}_rels/${partPath.slice(directory.length)}.rels`;
}

/** `xl/worksheets/` for `xl/worksheets/sheet1.xml`. */
export function directoryOf(partPath: string): string {
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
