import { chunkAddresses, MAX_ADDRESS_LENGTH, MAX_AREAS_PER_CALL } from './rangeAddresses';

describe('chunkAddresses (the address lists of getRanges calls)', () => {
  it('puts short lists in one call', () => {
    expect(chunkAddresses(['C2', 'E2:F3', 'C5'])).toEqual(['C2,E2:F3,C5']);
  });

  it(`never puts more than ${MAX_AREAS_PER_CALL} areas in one call, even when the text would fit`, () => {
    const addresses = Array.from({ length: 1000 }, (_, index) => `A${index + 1}`);
    expect(addresses.join(',').length).toBeLessThan(MAX_ADDRESS_LENGTH);
    const chunks = chunkAddresses(addresses);
    expect(chunks.map((chunk) => chunk.split(',').length)).toEqual([400, 400, 200]);
    expect(chunks.join(',')).toBe(addresses.join(','));
  });

  it(`keeps every call within ${MAX_ADDRESS_LENGTH.toLocaleString('en-US')} characters`, () => {
    const addresses = Array.from({ length: 390 }, (_, index) => `AAA${1_000_000 + index}:XFD${1_000_000 + index}`);
    const chunks = chunkAddresses(addresses);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(MAX_ADDRESS_LENGTH);
    expect(chunks.join(',')).toBe(addresses.join(','));
  });

  it('gives no call for no addresses', () => {
    expect(chunkAddresses([])).toEqual([]);
  });
});
