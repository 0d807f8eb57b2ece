import { strToU8, zipSync } from 'fflate';
import { UnreadableArchive, ZipArchive } from './zipArchive';
import { parseXmlPart } from './parseXmlPart';

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

  it('reads stored (uncompressed) parts written by other zip tools, and keeps them when writing', () => {
    const zip = Buffer.from(zipSync({ 'a.txt': strToU8('stored text') }, { level: 0 }));
    expect(ZipArchive.fromBuffer(zip).readText('a.txt')).toBe('stored text');
    expect(ZipArchive.fromBuffer(ZipArchive.fromBuffer(zip).toBuffer()).readText('a.txt')).toBe('stored text');
  });

  it('writes unchanged entries back byte for byte, compressed data and all', () => {
    const first = ZipArchive.empty();
    first.write('keep.xml', 'kept '.repeat(1000));
    first.write('change.xml', 'old');
    const original = first.toBuffer();
    const copy = ZipArchive.fromBuffer(original);
    copy.write('change.xml', 'new');
    const written = copy.toBuffer();
    const kept = original.subarray(0, original.indexOf('change.xml') - 30);
    expect(written.subarray(0, kept.length).equals(kept)).toBe(true);
    expect(ZipArchive.fromBuffer(written).readText('change.xml')).toBe('new');
  });

  describe('when the bytes are not a usable zip', () => {
    it('refuses text', () => {
      expect(() => ZipArchive.fromBuffer(Buffer.from('hello'))).toThrow(UnreadableArchive);
      expect(() => ZipArchive.fromBuffer(Buffer.from('hello'))).toThrow(/^it is not a zip archive/);
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

    it('refuses an entry whose CRC-32 is not the one the directory gives', () => {
      const archive = ZipArchive.empty();
      archive.write('a.xml', 'some text');
      const bytes = Buffer.from(archive.toBuffer());
      const central = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      bytes.writeUInt32LE(bytes.readUInt32LE(central + 16) ^ 1, central + 16);
      expect(() => ZipArchive.fromBuffer(bytes).read('a.xml')).toThrow('its part a.xml is damaged (its CRC-32 does not match)');
    });
  });
});

describe('ZipArchive.readChunks of a part written into the archive', () => {
  it('gives it in slices, as inflated parts come, so a sheet written larger than the XML token limit parses again', () => {
    const archive = ZipArchive.empty();
    const rows = '<row r="1"><c r="A1"><v>1</v></c></row>'.repeat(450_000);
    archive.write('s.xml', `<worksheet><sheetData>${rows}</sheetData></worksheet>`);
    const sizes: number[] = [];
    archive.readChunks('s.xml', (chunk) => sizes.push(chunk.length));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1 << 20);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(archive.read('s.xml')?.length);
    let cells = 0;
    parseXmlPart(archive, 's.xml', { open: (tag) => void (tag.name === 'c' && cells++) });
    expect(cells).toBe(450_000);
  });
});
