/** Excel on the web rejects `getRanges` addresses longer than this. */
export const MAX_ADDRESS_LENGTH = 8192;
/** Areas per `getRanges` call; calls with many more areas were reported to fail (office-js #5198). */
export const MAX_AREAS_PER_CALL = 400;

/** Address lists for `getRanges`, each within the length and area limits. */
export function chunkAddresses(addresses: readonly string[]): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  for (const address of addresses) {
    const added = address.length + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && (length + added > MAX_ADDRESS_LENGTH || current.length >= MAX_AREAS_PER_CALL)) {
      chunks.push(current.join(','));
      current = [];
      length = 0;
    }
    current.push(address);
    length += address.length + (current.length > 1 ? 1 : 0);
  }
  if (current.length > 0) chunks.push(current.join(','));
  return chunks;
}
