import * as zlib from 'node:zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** The one general-purpose flag kept on copy (names in UTF-8); data descriptors are dropped, sizes go in the headers. */
const UTF8_NAMES = 0x0800;

/** A file that is not a zip archive, or one this reader cannot open; `message` is one sentence for the user. */
export class UnreadableArchive extends Error {}

interface StoredEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly externalAttributes: number;
  /** The entry's bytes as stored (compressed when `method` is deflate). */
  readonly data: Buffer;
}

/**
 * The entries of a zip archive (an .xlsx file), read from one buffer. Entries can be read as text and
 * replaced; `toBuffer` writes the archive again, copying unchanged entries byte for byte.
 */
export class ZipArchive {
  private readonly entries: StoredEntry[];
  private readonly byName: Map<string, StoredEntry>;
  /** Part names are case-insensitive in an Office package. */
  private readonly byLowerName: Map<string, StoredEntry>;
  private readonly replaced = new Map<string, Buffer>();

  private constructor(entries: StoredEntry[]) {
    this.entries = entries;
    this.byName = new Map(entries.map((entry) => [entry.name, entry]));
    this.byLowerName = new Map(entries.map((entry) => [entry.name.toLowerCase(), entry]));
  }

  private find(name: string): StoredEntry | undefined {
    return this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
  }

  /** An archive with no entries, to `write` into. */
  static empty(): ZipArchive {
    return new ZipArchive([]);
  }

  /** Reads the central directory; throws `UnreadableArchive` for anything that is not a usable zip. */
  static fromBuffer(bytes: Buffer): ZipArchive {
    return new ZipArchive(readEntries(bytes));
  }

  get names(): string[] {
    return [...this.entries.map((entry) => entry.name), ...[...this.replaced.keys()].filter((name) => !this.byName.has(name))];
  }

  has(name: string): boolean {
    return this.find(name) !== undefined || this.replaced.has(name);
  }

  /** An entry's content, or undefined when the archive has no such entry. */
  read(name: string): Buffer | undefined {
    const replacement = this.replaced.get(name);
    if (replacement !== undefined) return replacement;
    const entry = this.find(name);
    if (entry === undefined) return undefined;
    if (entry.method === STORED) return entry.data;
    try {
      return zlib.inflateRawSync(entry.data);
    } catch (error) {
      throw new UnreadableArchive(`its part ${name} is damaged (${(error as Error).message})`);
    }
  }

  readText(name: string): string | undefined {
    return this.read(name)?.toString('utf8');
  }

  /** Sets an entry's content (adding the entry when it is new); written by `toBuffer`. */
  write(name: string, content: Buffer | string): void {
    this.replaced.set(this.find(name)?.name ?? name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  }

  /** The archive with its replaced entries: unchanged entries keep their compressed bytes and timestamps. */
  toBuffer(): Buffer {
    const now = dosDateTime(new Date());
    const written: StoredEntry[] = this.entries.map((entry) => {
      const content = this.replaced.get(entry.name);
      return content === undefined ? entry : compress(entry.name, content, entry.time, entry.date, entry.externalAttributes);
    });
    for (const [name, content] of this.replaced) if (!this.byName.has(name)) written.push(compress(name, content, now.time, now.date, 0));

    const chunks: Buffer[] = [];
    const offsets: number[] = [];
    let offset = 0;
    for (const entry of written) {
      const name = Buffer.from(entry.name, 'utf8');
      const header = Buffer.alloc(30);
      header.writeUInt32LE(LOCAL_HEADER, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(flagsOf(entry), 6);
      header.writeUInt16LE(entry.method, 8);
      header.writeUInt16LE(entry.time, 10);
      header.writeUInt16LE(entry.date, 12);
      header.writeUInt32LE(entry.crc32, 14);
      header.writeUInt32LE(entry.compressedSize, 18);
      header.writeUInt32LE(entry.uncompressedSize, 22);
      header.writeUInt16LE(name.length, 26);
      header.writeUInt16LE(0, 28);
      offsets.push(offset);
      chunks.push(header, name, entry.data);
      offset += header.length + name.length + entry.data.length;
    }
    const directoryStart = offset;
    written.forEach((entry, index) => {
      const name = Buffer.from(entry.name, 'utf8');
      const header = Buffer.alloc(46);
      header.writeUInt32LE(CENTRAL_HEADER, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(flagsOf(entry), 8);
      header.writeUInt16LE(entry.method, 10);
      header.writeUInt16LE(entry.time, 12);
      header.writeUInt16LE(entry.date, 14);
      header.writeUInt32LE(entry.crc32, 16);
      header.writeUInt32LE(entry.compressedSize, 20);
      header.writeUInt32LE(entry.uncompressedSize, 24);
      header.writeUInt16LE(name.length, 28);
      header.writeUInt32LE(entry.externalAttributes, 38);
      header.writeUInt32LE(offsets[index], 42);
      chunks.push(header, name);
      offset += header.length + name.length;
    });
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_DIRECTORY, 0);
    end.writeUInt16LE(written.length, 8);
    end.writeUInt16LE(written.length, 10);
    end.writeUInt32LE(offset - directoryStart, 12);
    end.writeUInt32LE(directoryStart, 16);
    chunks.push(end);
    if (offset > 0xffffffff || written.length > 0xffff) throw new UnreadableArchive('the annotated copy would need ZIP64, which this writer does not support');
    return Buffer.concat(chunks);
  }
}

function flagsOf(entry: StoredEntry): number {
  const nonAscii = /[^\x20-\x7e]/.test(entry.name);
  return (entry.flags & UTF8_NAMES) | (nonAscii ? UTF8_NAMES : 0);
}

function compress(name: string, content: Buffer, time: number, date: number, externalAttributes: number): StoredEntry {
  const data = zlib.deflateRawSync(content);
  return {
    name, method: DEFLATED, flags: 0, time, date, crc32: crc32(content), compressedSize: data.length,
    uncompressedSize: content.length, externalAttributes, data,
  };
}

function readEntries(bytes: Buffer): StoredEntry[] {
  const end = findEndOfDirectory(bytes);
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  let offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff || directorySize === 0xffffffff) {
    throw new UnreadableArchive('it is a ZIP64 archive (over 4 GB or 65,535 parts), which this reader does not support');
  }
  const entries: StoredEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== CENTRAL_HEADER) throw new UnreadableArchive('its zip directory is damaged');
    const flags = bytes.readUInt16LE(offset + 8);
    const method = bytes.readUInt16LE(offset + 10);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localOffset = bytes.readUInt32LE(offset + 42);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const name = bytes.toString(flags & UTF8_NAMES ? 'utf8' : 'latin1', offset + 46, offset + 46 + nameLength);
    if (flags & 1) throw new UnreadableArchive(`its part ${name} is encrypted`);
    if (method !== STORED && method !== DEFLATED) throw new UnreadableArchive(`its part ${name} uses zip compression method ${method}, which this reader does not support`);
    if (localOffset + 30 > bytes.length || bytes.readUInt32LE(localOffset) !== LOCAL_HEADER) throw new UnreadableArchive(`its part ${name} is damaged`);
    const dataStart = localOffset + 30 + bytes.readUInt16LE(localOffset + 26) + bytes.readUInt16LE(localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw new UnreadableArchive(`its part ${name} is cut short (is the file complete?)`);
    entries.push({
      name, method, flags, time: bytes.readUInt16LE(offset + 12), date: bytes.readUInt16LE(offset + 14), crc32: bytes.readUInt32LE(offset + 16),
      compressedSize, uncompressedSize: bytes.readUInt32LE(offset + 24), externalAttributes: bytes.readUInt32LE(offset + 38),
      data: bytes.subarray(dataStart, dataStart + compressedSize),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfDirectory(bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let offset = bytes.length - 22; offset >= earliest; offset--) {
    if (bytes.readUInt32LE(offset) === END_OF_DIRECTORY) return offset;
  }
  throw new UnreadableArchive(bytes.length >= 4 && bytes.readUInt32LE(0) === LOCAL_HEADER ? 'it is cut short (is the file complete?)' : 'it is not a zip archive');
}

function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | Math.floor(date.getSeconds() / 2),
    date: ((Math.max(1980, date.getFullYear()) - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/** CRC-32 of the zip format; zlib.crc32 exists only from Node 20.15. */
export function crc32(data: Buffer): number {
  const native = (zlib as { crc32?: (data: Buffer) => number }).crc32;
  return native === undefined ? tableCrc32(data) : native(data);
}

let crcTable: Int32Array | undefined;

/** CRC-32 computed byte by byte, for Nodes without zlib.crc32. */
export function tableCrc32(data: Buffer): number {
  if (crcTable === undefined) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
