import { crc32 } from 'node:zlib';
import { Inflate } from 'fflate';
import { READER_LIMITS, ReaderLimits } from './readerLimits';
import {
  DEFLATED, DIRECTORY_HEADER, END_OF_DIRECTORY, LOCAL_HEADER, ReaderLimitExceeded, STORED, UnreadableArchive, ZIP64_END_OF_DIRECTORY, ZIP64_LOCATOR, ZipEntry,
} from './zipFormat';
import { ZipWriter } from './zipWriter';

export { ReaderLimitExceeded, UnreadableArchive } from './zipFormat';

/** Compressed bytes handed to the inflater at a time: fewer, larger steps inflate faster, and a bomb's output per step stays near 64 MiB. */
const INFLATE_SLICE = 64 * 1024;
const NAME_DECODER = new TextDecoder();

/** Slices in which a part written into the archive is read again. */
const REPLACED_SLICE_BYTES = 1 << 20;

/**
 * The parts of a zip archive (an .xlsx file), read from its central directory: parts are inflated when
 * read, as a stream, within `READER_LIMITS` and with their CRC-32 checked; they can be replaced, and
 * `toBuffer` writes the archive again with every entry in its original order and every unchanged entry
 * copied byte for byte.
 */

export class ZipArchive {
  private readonly replaced = new Map<string, Uint8Array>();
  private readonly byName = new Map<string, ZipEntry>();
  /** Part names are case-insensitive in an Office package. */
  private readonly byLowerName = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly entries: readonly ZipEntry[],
    private readonly limits: ReaderLimits,
  ) {
    for (const entry of entries) {
      this.byName.set(entry.name, entry);
      if (!this.byLowerName.has(entry.name.toLowerCase())) this.byLowerName.set(entry.name.toLowerCase(), entry);
    }
  }

  /** An archive with no parts, to `write` into. */
  static empty(): ZipArchive {
    return new ZipArchive(new Uint8Array(0), [], READER_LIMITS);
  }

  /** Reads the archive's directory; throws `UnreadableArchive` for anything that is not a usable zip. */
  static fromBuffer(bytes: Uint8Array, limits: ReaderLimits = READER_LIMITS): ZipArchive {
    return new ZipArchive(bytes, readDirectory(bytes, limits), limits);
  }

  /** Every part's name (folders left out), in the archive's order, then the parts added by `write`. */
  get names(): string[] {
    const stored = this.entries.filter((entry) => !entry.name.endsWith('/')).map((entry) => entry.name);
    return [...stored, ...[...this.replaced.keys()].filter((name) => !this.byName.has(name))];
  }

  has(name: string): boolean {
    return this.stored(name) !== undefined || this.replaced.has(name);
  }

  /**
   * Hands a part's content to `onChunk` piece by piece as it inflates, then checks its size and CRC-32;
   * false when the archive has no such part. Throws `ReaderLimitExceeded` past a limit, `UnreadableArchive` when damaged.
   */
  readChunks(name: string, onChunk: (chunk: Uint8Array) => void): boolean {
    const entry = this.stored(name);
    const replacement = this.replaced.get(entry?.name ?? name);
    if (replacement !== undefined) {
      // In slices, as inflated parts come, so a reader's per-chunk checks see a part written here as they see one read.
      for (let at = 0; at < replacement.length || at === 0; at += REPLACED_SLICE_BYTES) onChunk(replacement.subarray(at, at + REPLACED_SLICE_BYTES));
      return true;
    }
    if (entry === undefined) return false;
    if (entry.flags & 1) throw new UnreadableArchive(`its part ${entry.name} is encrypted`);
    if (entry.size > this.limits.maxPartBytes) throw tooLarge(entry.name, this.limits);
    const start = dataStart(this.bytes, entry);
    const end = start + entry.compressedSize;
    let inflated = 0;
    let consumed = 0;
    let crc = 0;
    const take = (chunk: Uint8Array) => {
      inflated += chunk.length;
      this.inflatedTotal += chunk.length;
      if (inflated > this.limits.maxPartBytes || inflated > entry.size) {
        throw inflated > this.limits.maxPartBytes ? tooLarge(entry.name, this.limits) : damaged(entry.name, 'it inflates to more bytes than the archive says');
      }
      if (inflated > this.limits.ratioGraceBytes && inflated / Math.max(consumed, 1) > this.limits.maxCompressionRatio) {
        throw new ReaderLimitExceeded(`its part ${entry.name} is compressed more than ${this.limits.maxCompressionRatio} to 1, as zip bombs are`);
      }
      if (this.inflatedTotal > this.limits.maxTotalBytes) throw new ReaderLimitExceeded(`its parts inflate to more than ${formatBytes(this.limits.maxTotalBytes)} together`);
      crc = crc32(chunk, crc);
      if (chunk.length > 0) onChunk(chunk);
    };
    if (entry.method === STORED) {
      for (let at = start; at < end; at += INFLATE_SLICE) {
        consumed = Math.min(at + INFLATE_SLICE, end) - start;
        take(this.bytes.subarray(at, start + consumed));
      }
    } else if (entry.method === DEFLATED) {
      const inflate = new Inflate((chunk) => take(chunk));
      try {
        for (let at = start; at < end || at === start; at += INFLATE_SLICE) {
          consumed = Math.min(at + INFLATE_SLICE, end) - start;
          inflate.push(this.bytes.subarray(at, start + consumed), start + consumed >= end);
        }
      } catch (error) {
        // fflate's own errors carry a numeric code; anything else (a limit, the consumer's refusal, a bug) goes on as it is.
        if (typeof (error as { code?: unknown }).code === 'number') throw damaged(entry.name, (error as Error).message);
        throw error;
      }
    } else {
      throw new UnreadableArchive(`its part ${entry.name} uses compression method ${entry.method}, which .xlsx files do not use`);
    }
    if (inflated !== entry.size) throw damaged(entry.name, `it inflates to ${inflated} bytes, the archive says ${entry.size}`);
    if (crc >>> 0 !== entry.crc) throw damaged(entry.name, 'its CRC-32 does not match');
    return true;
  }

  /** A part's content, or undefined when the archive has no such part. */
  read(name: string): Buffer | undefined {
    const chunks: Uint8Array[] = [];
    return this.readChunks(name, (chunk) => chunks.push(chunk)) ? Buffer.concat(chunks) : undefined;
  }

  /** A part's content as UTF-8 text (for small parts and tests; the reader streams parts through `parseXmlPart`). */
  readText(name: string): string | undefined {
    return this.read(name)?.toString('utf8');
  }

  /** Sets a part's content (adding the part when it is new); written by `toBuffer`. */
  write(name: string, content: Uint8Array | string): void {
    this.replaced.set(this.stored(name)?.name ?? name, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
  }

  /** The archive with its replaced parts, every entry in its original order; unchanged entries are copied as they are. */
  toBuffer(): Buffer {
    const writer = new ZipWriter();
    for (const entry of this.entries) {
      const replacement = this.replaced.get(entry.name);
      if (replacement !== undefined) writer.addContent(entry.name, replacement, entry);
      else writer.addRaw(entry, this.bytes.subarray(dataStart(this.bytes, entry), dataStart(this.bytes, entry) + entry.compressedSize));
    }
    for (const [name, content] of this.replaced) if (!this.byName.has(name)) writer.addContent(name, content);
    return writer.finish();
  }

  private stored(name: string): ZipEntry | undefined {
    const entry = this.byName.get(name) ?? this.byLowerName.get(name.toLowerCase());
    return entry === undefined || entry.name.endsWith('/') ? undefined : entry;
  }
}

/**
 * The central directory's entries, checked against the limits as they are read. One walk on purpose: the
 * end record, the zip64 records and the entries are read in the order the format chains them.
 */
function readDirectory(bytes: Uint8Array, limits: ReaderLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = (why: string) => new UnreadableArchive(`it is not a zip archive (${why})`);
  // The end record is the last 22 bytes, unless a comment of up to 65,535 bytes follows it.
  let end = -1;
  for (let at = bytes.length - 22; at >= 0 && at >= bytes.length - 22 - 0xffff; at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) throw notZip(bytes.length === 0 ? 'the file is empty' : 'no end of central directory: not a zip, or cut short');
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff || directorySize === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw notZip('a zip64 directory without its locator');
    const zip64End = safeNumber(view.getBigUint64(locator + 8, true));
    if (zip64End + 56 > bytes.length || view.getUint32(zip64End, true) !== ZIP64_END_OF_DIRECTORY) throw notZip('a damaged zip64 directory');
    count = safeNumber(view.getBigUint64(zip64End + 32, true));
    directorySize = safeNumber(view.getBigUint64(zip64End + 40, true));
    offset = safeNumber(view.getBigUint64(zip64End + 48, true));
  }
  if (count > limits.maxEntries) throw new ReaderLimitExceeded(`it has ${count} zip entries, more than the ${limits.maxEntries} the reader accepts`);
  if (offset + directorySize > bytes.length) throw notZip('its central directory lies past the end of the file: cut short');
  const entries: ZipEntry[] = [];
  const names = new Set<string>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== DIRECTORY_HEADER) throw notZip('a damaged central directory');
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    if (at + 46 + nameLength + extraLength > bytes.length) throw notZip('a damaged central directory');
    const name = NAME_DECODER.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let localOffset = view.getUint32(at + 42, true);
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // The zip64 extra field holds, in this order, each of the three that overflowed.
      for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
        const id = view.getUint16(extra, true);
        const length = view.getUint16(extra + 2, true);
        if (id === 1) {
          let field = extra + 4;
          const next = () => {
            const value = safeNumber(view.getBigUint64(field, true));
            field += 8;
            return value;
          };
          if (size === 0xffffffff) size = next();
          if (compressedSize === 0xffffffff) compressedSize = next();
          if (localOffset === 0xffffffff) localOffset = next();
        }
        extra += 4 + length;
      }
    }
    if (names.has(name)) throw new UnreadableArchive(`it has two entries named ${name}`);
    names.add(name);
    entries.push({
      name, flags, method: view.getUint16(at + 10, true), crc: view.getUint32(at + 16, true), compressedSize, size, localOffset,
      time: view.getUint16(at + 12, true), date: view.getUint16(at + 14, true),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where an entry's data begins: after its local header, whose name and extra field may differ in length from the directory's. */
function dataStart(bytes: Uint8Array, entry: ZipEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_HEADER) throw damaged(entry.name, 'its local header is missing');
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damaged(entry.name, 'it is cut short');
  return start;
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new UnreadableArchive('it is not a zip archive (a zip64 size past any file)');
  return Number(value);
}

function damaged(name: string, why: string): UnreadableArchive {
  return new UnreadableArchive(`its part ${name} is damaged (${why})`);
}

function tooLarge(name: string, limits: ReaderLimits): ReaderLimitExceeded {
  return new ReaderLimitExceeded(`its part ${name} inflates to more than ${formatBytes(limits.maxPartBytes)}, more than the reader accepts for one part`);
}

/** "2 GiB", "16 MiB": the limits are round powers of two. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 ** 3 ? `${+(bytes / 1024 ** 3).toFixed(1)} GiB` : `${+(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
