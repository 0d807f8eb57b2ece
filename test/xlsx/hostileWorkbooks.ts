/**
 * Small byte builders for hostile and odd .xlsx files: every part written as given, so a test can put a
 * comment, a DOCTYPE or UTF-16 exactly where it wants, and zip-level damage (a wrong CRC, a size that
 * lies) can be patched into the archive's own headers.
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { ZipArchive } from '../../src/xlsx/zipArchive';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface HostileSheet {
  readonly name: string;
  /** The whole worksheet part, or, when it starts with no `<?xml` or `<worksheet`, the `<sheetData>` content. */
  readonly xml: string | Uint8Array;
  /** Extra parts of this sheet: its relationships and the parts they point at. */
  readonly rels?: string;
}

export interface HostileWorkbook {
  readonly sheets: readonly HostileSheet[];
  /** The shared strings part; with `sharedStringsMissing` only its relationship is written. */
  readonly sharedStrings?: string | Uint8Array;
  readonly sharedStringsMissing?: boolean;
  /** Further parts, by name. */
  readonly parts?: Readonly<Record<string, string | Uint8Array>>;
}

/** A worksheet part around `sheetData` content (and what follows it, such as `<tableParts>`). */
export function worksheet(sheetData: string, after = ''): string {
  return `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`;
}

/** The parts of a workbook, in the order Excel writes them. */
export function workbookPackage(workbook: HostileWorkbook): Array<[string, string | Uint8Array]> {
  const parts: Array<[string, string | Uint8Array]> = [];
  parts.push(['[Content_Types].xml', `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`]);
  parts.push(['_rels/.rels', `${DECLARATION}<Relationships xmlns="${PACKAGE_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`]);
  const sheets = workbook.sheets.map((sheet, index) => `<sheet name="${sheet.name}" sheetId="${index + 1}" r:id="rId${index + 1}"/>`).join('');
  parts.push(['xl/workbook.xml', `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheets}</sheets></workbook>`]);
  const rels = workbook.sheets.map((_, index) => `<Relationship Id="rId${index + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${index + 1}.xml"/>`);
  if (workbook.sharedStrings !== undefined || workbook.sharedStringsMissing) rels.push(`<Relationship Id="rIdStrings" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  parts.push(['xl/_rels/workbook.xml.rels', `${DECLARATION}<Relationships xmlns="${PACKAGE_REL}">${rels.join('')}</Relationships>`]);
  workbook.sheets.forEach((sheet, index) => {
    const whole = typeof sheet.xml !== 'string' || sheet.xml.startsWith('<?xml') || sheet.xml.startsWith('<worksheet');
    parts.push([`xl/worksheets/sheet${index + 1}.xml`, whole ? sheet.xml : worksheet(sheet.xml)]);
    if (sheet.rels !== undefined) parts.push([`xl/worksheets/_rels/sheet${index + 1}.xml.rels`, sheet.rels]);
  });
  if (workbook.sharedStrings !== undefined && !workbook.sharedStringsMissing) parts.push(['xl/sharedStrings.xml', workbook.sharedStrings]);
  for (const [name, content] of Object.entries(workbook.parts ?? {})) parts.push([name, content]);
  return parts;
}

/** The bytes of an .xlsx package made of exactly these parts. */
export function hostileBytes(workbook: HostileWorkbook): Buffer {
  const archive = ZipArchive.empty();
  for (const [name, content] of workbookPackage(workbook)) archive.write(name, content);
  return archive.toBuffer();
}

/** A shared strings part of plain texts. */
export function sharedStrings(texts: readonly string[]): string {
  return `${DECLARATION}<sst xmlns="${MAIN}" count="${texts.length}" uniqueCount="${texts.length}">${texts.map((text) => `<si><t>${text}</t></si>`).join('')}</sst>`;
}

/** Text as UTF-16 little-endian with a byte order mark, as some tools write XML parts. */
export function utf16le(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
}

/** Sets fields of an entry in both its local header and the central directory, leaving its data as it is. */
export function patchEntry(zip: Buffer, name: string, fields: { readonly crc?: number; readonly size?: number }): Buffer {
  const patched = Buffer.from(zip);
  const nameBytes = Buffer.from(name);
  for (let at = 0; at + 46 < patched.length; at++) {
    const signature = patched.readUInt32LE(at);
    const local = signature === 0x04034b50;
    if (!local && signature !== 0x02014b50) continue;
    const nameStart = at + (local ? 30 : 46);
    const nameLength = patched.readUInt16LE(at + (local ? 26 : 28));
    if (nameLength !== nameBytes.length || !patched.subarray(nameStart, nameStart + nameLength).equals(nameBytes)) continue;
    const base = at + (local ? 14 : 16);
    if (fields.crc !== undefined) patched.writeUInt32LE(fields.crc >>> 0, base);
    if (fields.size !== undefined) patched.writeUInt32LE(fields.size, base + 8);
  }
  return patched;
}

/** A zip of one deflated entry with the given content, built with zlib so a zip bomb takes a moment, not minutes. */
export function deflatedEntryZip(entries: ReadonlyArray<readonly [string, Buffer]>): Buffer {
  const empty = deflateRawSync(Buffer.alloc(0));
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const data = content.length === 0 ? empty : deflateRawSync(content, { level: 9 });
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(8, 8);
    header.writeUInt32LE(crc32(content) >>> 0, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(content.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    header.copy(central, 8, 6, 30);
    central.writeUInt32LE(offset, 42);
    chunks.push(header, nameBytes, data);
    directory.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = directory.reduce((sum, part) => sum + part.length, 0);
  // Past 65,535 entries the count lives in a zip64 end record, which a locator before the end record points at.
  const zip64 = entries.length > 0xffff;
  const records: Buffer[] = [];
  if (zip64) {
    const record = Buffer.alloc(56);
    record.writeUInt32LE(0x06064b50, 0);
    record.writeBigUInt64LE(44n, 4);
    record.writeUInt16LE(45, 12);
    record.writeUInt16LE(45, 14);
    record.writeBigUInt64LE(BigInt(entries.length), 24);
    record.writeBigUInt64LE(BigInt(entries.length), 32);
    record.writeBigUInt64LE(BigInt(size), 40);
    record.writeBigUInt64LE(BigInt(offset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset + size), 8);
    locator.writeUInt32LE(1, 16);
    records.push(record, locator);
  }
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 8);
  end.writeUInt16LE(zip64 ? 0xffff : entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, ...records, end]);
}

/** Inline-string cell. */
export function text(address: string, value: string): string {
  return `<c r="${address}" t="inlineStr"><is><t>${value}</t></is></c>`;
}

/** Number cell. */
export function number(address: string, value: number): string {
  return `<c r="${address}"><v>${value}</v></c>`;
}

export const BOOKING_HEADER = ['ID', 'Lab', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End'];

/** One booking row of `BOOKING_HEADER`: AWS us-east-1 Trainium2 (or `silicon`), dates as 1900-system serials. */
export function bookingRow(row: number, id: string, start: number, end: number, silicon = 'Trainium2'): string {
  const values = [id, 'Lab A', 'AWS', 'us-east-1', silicon];
  const cells = values.map((value, index) => text(`${String.fromCharCode(65 + index)}${row}`, value));
  return `<row r="${row}">${cells.join('')}${number(`F${row}`, 512)}${number(`G${row}`, start)}${number(`H${row}`, end)}</row>`;
}

export function headerRow(): string {
  return `<row r="1">${BOOKING_HEADER.map((name, index) => text(`${String.fromCharCode(65 + index)}1`, name)).join('')}</row>`;
}
