import { CellValue } from '../model/snapshot';
import { FillMemory, memoryKey, reanchorMemory, rowFingerprint } from './fillMemory';

const ID = 0;
const LAB = 1;
const COLUMNS = [ID, LAB];
const LAB_FILL = { color: '#DDEBF7', pattern: 'Solid' };

/** The sheet's rows (`rows[0]` is row 1): a header, then one row per [id, lab]. */
const sheet = (...bookings: Array<[string, string]>): CellValue[][] => [['ID', 'Lab', 'Silicon'], ...bookings.map(([id, lab]) => [id, lab, 'Trainium2'])];

function memoryOf(entries: Array<[address: string, cells: CellValue[]]>): FillMemory {
  return new Map(entries.map(([address, cells]) => [memoryKey('Plan', address), { sheet: 'Plan', address, original: LAB_FILL, fingerprint: rowFingerprint(cells, COLUMNS) }]));
}

const addresses = (memory: FillMemory): string[] => [...memory.values()].map((entry) => entry.address).sort();

describe('reanchorMemory (remembered fills follow their rows)', () => {
  it('leaves the memory as it is when every row still holds its booking', () => {
    const rows = sheet(['B-1', 'Lab A'], ['B-2', 'Lab C']);
    const memory = memoryOf([['C2', rows[1]], ['C3', rows[2]]]);
    expect(reanchorMemory(memory, 'Plan', rows, COLUMNS)).toBe(memory);
  });

  it('moves each entry to the row its booking went to after a row was inserted above', () => {
    const before = sheet(['B-1', 'Lab A'], ['B-2', 'Lab C']);
    const after = sheet(['B-0', 'Lab F'], ['B-1', 'Lab A'], ['B-2', 'Lab C']);
    const moved = reanchorMemory(memoryOf([['C2', before[1]], ['C3', before[2]]]), 'Plan', after, COLUMNS);
    expect(addresses(moved)).toEqual(['C3', 'C4']);
    expect(moved.get(memoryKey('Plan', 'C3'))?.original).toEqual(LAB_FILL);
  });

  it('moves an entry to the nearest of several rows with the same fingerprint', () => {
    // Row 5's booking was painted; rows were deleted above it, and the same fingerprint sits on rows 2 and 4 now.
    const twin: [string, string] = ['', 'Lab A'];
    const before = sheet(['B-9', 'Lab D'], ['B-8', 'Lab E'], ['B-7', 'Lab F'], twin);
    const after = sheet(twin, ['B-7', 'Lab F'], twin);
    const moved = reanchorMemory(memoryOf([['C5', before[4]]]), 'Plan', after, COLUMNS);
    expect(addresses(moved)).toEqual(['C4']);
  });

  it('drops an entry whose booking is gone', () => {
    const before = sheet(['B-1', 'Lab A'], ['B-2', 'Lab C']);
    const after = sheet(['B-2', 'Lab C']);
    const moved = reanchorMemory(memoryOf([['C2', before[1]], ['C3', before[2]]]), 'Plan', after, COLUMNS);
    expect(addresses(moved)).toEqual(['C2']);
    expect(moved.get(memoryKey('Plan', 'C2'))?.fingerprint).toBe(rowFingerprint(after[1], COLUMNS));
  });

  it('leaves entries of other sheets and entries without a fingerprint alone', () => {
    const rows = sheet(['B-2', 'Lab C']);
    const memory: FillMemory = new Map([
      [memoryKey('Other', 'C2'), { sheet: 'Other', address: 'C2', original: null, fingerprint: '["B-1","Lab A"]' }],
      [memoryKey('Plan', 'C9'), { sheet: 'Plan', address: 'C9', original: null, fingerprint: '' }],
    ]);
    expect(reanchorMemory(memory, 'Plan', rows, COLUMNS)).toBe(memory);
  });
});
