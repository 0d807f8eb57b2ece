// The zip format's pieces both the archive reader and the writer use.

/** A file that is not a zip archive, or one that cannot be opened; `message` is one sentence for the user. */
export class UnreadableArchive extends Error {}

/** A file refused because it passes one of the reader's limits (`READER_LIMITS`): too large, too many parts, a zip bomb. */
export class ReaderLimitExceeded extends UnreadableArchive {}

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  readonly time: number;
  readonly date: number;
}

export const END_OF_DIRECTORY = 0x06054b50;
export const ZIP64_END_OF_DIRECTORY = 0x06064b50;
export const ZIP64_LOCATOR = 0x07064b50;
export const DIRECTORY_HEADER = 0x02014b50;
export const LOCAL_HEADER = 0x04034b50;
export const STORED = 0;
export const DEFLATED = 8;
/** Bit 11 of the flags: the name is UTF-8. Names are read as UTF-8 either way: .xlsx part names are ASCII, which CP437 shares. */
export const UTF8_NAME = 0x800;
