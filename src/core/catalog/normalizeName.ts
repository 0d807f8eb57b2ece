const IGNORED_IN_NAMES = /[\s\-_]+/g;

/** Matching key for provider, region, silicon and block names: case, spaces, hyphens and underscores ignored. */
export function normalizeName(text: string): string {
  return text.replace(IGNORED_IN_NAMES, '').toLowerCase();
}

const IGNORED_IN_HEADERS = /[^\p{L}\p{N}]+/gu;

/** Matching key for header cells: case, spaces and all punctuation ignored ("TFLOP/s" → "tflops"). */
export function normalizeHeader(text: string): string {
  return text.replace(IGNORED_IN_HEADERS, '').toLowerCase();
}
