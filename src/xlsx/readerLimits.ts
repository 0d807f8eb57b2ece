/**
 * Every bound the `.xlsx` reader enforces, in one place. Each is far above what Excel itself writes (a
 * sheet of 1,048,576 rows must pass) and low enough that a hostile file is refused in seconds and in
 * bounded memory. Passing one is refused with one sentence naming the part and the limit.
 */
export const READER_LIMITS = {
  /** Zip entries: Excel's largest real packages have a few thousand parts; past this the directory alone is the attack. */
  maxEntries: 100_000,
  /** Worksheets: 20,000 still reads in seconds (linear); no real workbook comes near it (Excel's tab bar stops being usable in the hundreds). */
  maxSheets: 50_000,
  /** Inflated bytes of one part: a 1,048,576-row sheet of 12 columns is about 0.5 GB, so this leaves room for four times as many columns. */
  maxPartBytes: 2 * 1024 ** 3,
  /** Inflated bytes of every part read, together: two full-size sheets. */
  maxTotalBytes: 4 * 1024 ** 3,
  /** Inflated-to-compressed ratio of one part: real sheets deflate 5–30×, zip bombs about 1,000×. */
  maxCompressionRatio: 200,
  /** Bytes a part may inflate to before its ratio is judged: small parts of repetitive XML (styles, empty sheets) deflate far better. */
  ratioGraceBytes: 16 * 1024 ** 2,
  /**
   * Characters of one cell's text. Excel types at most 32,767, but other writers store longer notes and the
   * checker keeps them whole (a test workbook holds 100,000); 32 times Excel's limit still refuses a text bomb.
   */
  maxStringLength: 32 * 32_768,
  /** Shared strings: a full sheet of 16 columns, every cell a different text. */
  maxSharedStrings: 16_777_216,
  /** Cell slots of the snapshot (a row holds as many as its last column): four full sheets of 16 columns, about 512 MiB of cells. */
  maxCellSlots: 64 * 1024 ** 2,
  /** Characters of one piece of markup or text between two parser events: room for the longest cell text written with escapes. */
  maxTokenChars: 16 * 1024 ** 2,
} as const;

export type ReaderLimits = { readonly [K in keyof typeof READER_LIMITS]: number };
