import * as zlib from 'node:zlib';
import { crc32, tableCrc32, UnreadableArchive, ZipArchive } from './zipArchive';

describe('ZipArchive', () => {
  it('writes entries that read back the same, with UTF-8 names', () => {
    const archive = ZipArchive.empty();
    archive.write('xl/worksheets/sheet1.xml', '<worksheet/>');
    archive.write('notes/équipe 東京.txt', Buffer.from('Zoë'));
    archive.write('empty.bin', Buffer.alloc(0));
    const copy = ZipArchive.fromBuffer(archive.toBuffer());
    expect(copy.names).toEqual(['xl/worksheets/sheet1.xml', 'notes/équipe 東京.txt', 'empty.bin']);
    expect(copy.readText('xl/worksheets/sheet1.xml')).toBe('<worksheet/>');
    expect(copy.readText('notes/équipe 東京.txt')).toBe('Zoë');
    expect(copy.read('empty.bin')?.length).toBe(0);
  });

  it('finds parts whatever the case of their names, as Office packages allow', () => {
    const archive = ZipArchive.empty();
    archive.write('xl/Workbook.xml', '<workbook/>');
    const copy = ZipArchive.fromBuffer(archive.toBuffer());
    expect(copy.readText('xl/workbook.xml')).toBe('<workbook/>');
    expect(copy.has('XL/WORKBOOK.XML')).toBe(true);
  });

  it('replaces an entry in place and keeps the others', () => {
    const first = ZipArchive.empty();
    first.write('a.xml', 'one');
    first.write('b.xml', 'two');
    const second = ZipArchive.fromBuffer(first.toBuffer());
    second.write('a.xml', 'uno');
    const third = ZipArchive.fromBuffer(second.toBuffer());
    expect(third.names).toEqual(['a.xml', 'b.xml']);
    expect([third.readText('a.xml'), third.readText('b.xml')]).toEqual(['uno', 'two']);
  });

  it('reads stored (uncompressed) entries written by other zip tools', () => {
    const name = Buffer.from('a.txt');
    const data = Buffer.from('stored text');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(46 + name.length, 12);
    end.writeUInt32LE(30 + name.length + data.length, 16);
    const zip = Buffer.concat([local, name, data, central, name, end]);
    expect(ZipArchive.fromBuffer(zip).readText('a.txt')).toBe('stored text');
    // An unchanged stored entry is copied as it is.
    expect(ZipArchive.fromBuffer(ZipArchive.fromBuffer(zip).toBuffer()).readText('a.txt')).toBe('stored text');
  });

  describe('when the bytes are not a usable zip', () => {
    it('refuses text', () => {
      expect(() => ZipArchive.fromBuffer(Buffer.from('hello'))).toThrow(new UnreadableArchive('it is not a zip archive'));
    });

    it('refuses a zip cut short', () => {
      const archive = ZipArchive.empty();
      archive.write('big.xml', Buffer.from('x'.repeat(10_000) + Math.random()));
      const whole = archive.toBuffer();
      expect(() => ZipArchive.fromBuffer(whole.subarray(0, whole.length - 30))).toThrow(UnreadableArchive);
    });

    it('reports a damaged entry when it is read', () => {
      const archive = ZipArchive.empty();
      archive.write('a.xml', 'some text that deflates');
      const bytes = archive.toBuffer();
      const damaged = Buffer.from(bytes);
      const dataStart = 30 + 'a.xml'.length;
      damaged.fill(0xff, dataStart, dataStart + 4);
      expect(() => ZipArchive.fromBuffer(damaged).read('a.xml')).toThrow(/its part a\.xml is damaged/);
    });
  });
});

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('agrees with the table-driven fallback used before Node 20.15', () => {
    const data = Buffer.from('capacity workbook '.repeat(100));
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(tableCrc32(data)).toBe(crc32(data));
    expect(tableCrc32(data)).toBe(zlib.crc32?.(data) ?? tableCrc32(data));
  });
});
