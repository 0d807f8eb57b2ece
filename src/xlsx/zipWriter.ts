import { crc32 } from 'node:zlib';
import { deflateSync } from 'fflate';
import { DEFLATED, DIRECTORY_HEADER, END_OF_DIRECTORY, LOCAL_HEADER, ReaderLimitExceeded, UTF8_NAME, ZipEntry } from './zipFormat';

/** 1980-01-01 00:00 in MS-DOS form, for entries that have no date of their own. */
const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1;

/** Writes a zip (without zip64: refused past 4 GiB) from copied raw entries and new content. */
export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly directory: Uint8Array[] = [];
  private offset = 0;
  private count = 0;

  addRaw(entry: ZipEntry, data: Uint8Array): void {
    this.add(entry.name, entry.method, entry.crc, data, entry.size, entry.flags & ~0x8, entry.time, entry.date);
  }

  addContent(name: string, content: Uint8Array, like?: ZipEntry): void {
    const data = deflateSync(content, { level: 6 });
    this.add(name, DEFLATED, crc32(content) >>> 0, data, content.length, 0, like?.time ?? 0, like?.date ?? DOS_EPOCH_DATE);
  }

  finish(): Buffer {
    const directorySize = this.directory.reduce((sum, header) => sum + header.length, 0);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_DIRECTORY, 0);
    end.writeUInt16LE(this.count, 8);
    end.writeUInt16LE(this.count, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, ...this.directory, end]);
  }

  private add(name: string, method: number, crc: number, data: Uint8Array, size: number, flags: number, time: number, date: number): void {
    const nameBytes = Buffer.from(name, 'utf8');
    if (this.offset + data.length > 0xfffffff0 || size > 0xfffffff0 || this.count >= 0xffff) {
      throw new ReaderLimitExceeded('the annotated copy would need zip64 (over 4 GiB or 65,535 entries), which it is not written with');
    }
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    const nameFlags = (flags & ~UTF8_NAME) | (/^[\x20-\x7e]*$/.test(name) ? 0 : UTF8_NAME);
    local.writeUInt16LE(nameFlags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(DIRECTORY_HEADER, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 30);
    central.writeUInt32LE(this.offset, 42);
    this.chunks.push(local, nameBytes, data);
    this.directory.push(central, nameBytes);
    this.offset += 30 + nameBytes.length + data.length;
    this.count++;
  }
}
