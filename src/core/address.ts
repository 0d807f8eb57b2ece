/** Column letters for a 0-based column index: 0 → "A", 26 → "AA". */
export function columnLetters(columnIndex: number): string {
  let letters = '';
  let n = columnIndex + 1;
  while (n > 0) {
    const remainder = (n - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** 0-based column index for column letters: "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** A1-style address from a 1-based sheet row and a 0-based column index. */
export function cellAddress(sheetRow: number, columnIndexZeroBased: number): string {
  return `${columnLetters(columnIndexZeroBased)}${sheetRow}`;
}
