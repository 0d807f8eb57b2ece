import { strFromU8, strToU8, unzipSync, Unzipped, zipSync } from 'fflate';

/** A file that is not a zip archive, or one that cannot be opened; `message` is one sentence for the user. */
export class UnreadableArchive extends Error {}

/**
 * The parts of a zip archive (an .xlsx file), through fflate: parts are inflated when read, can be
 * replaced, and `toBuffer` writes the archive again with every part in its original order.
 */
export class ZipArchive {
  private readonly replaced = new Map<string, Uint8Array>();
  /** Part names are case-insensitive in an Office package. */
  private readonly byLowerName: Map<string, string>;

  private constructor(
    private readonly bytes: Uint8Array,
    private readonly partNames: readonly string[],
  ) {
    this.byLowerName = new Map(partNames.map((name) => [name.toLowerCase(), name]));
  }

  /** An archive with no parts, to `write` into. */
  static empty(): ZipArchive {
    return new ZipArchive(new Uint8Array(0), []);
  }

  /** Reads the archive's directory; throws `UnreadableArchive` for anything that is not a usable zip. */
  static fromBuffer(bytes: Uint8Array): ZipArchive {
    const names: string[] = [];
    try {
      // A filter that takes nothing lists the parts without inflating any of them.
      unzipSync(bytes, { filter: (file) => (names.push(file.name), false) });
    } catch (error) {
      throw new UnreadableArchive(`it is not a zip archive (${(error as Error).message})`);
    }
    return new ZipArchive(bytes, names.filter((name) => !name.endsWith('/')));
  }

  get names(): string[] {
    return [...this.partNames, ...[...this.replaced.keys()].filter((name) => !this.partNames.includes(name))];
  }

  has(name: string): boolean {
    return this.stored(name) !== undefined || this.replaced.has(name);
  }

  /** A part's content, or undefined when the archive has no such part. */
  read(name: string): Buffer | undefined {
    const stored = this.stored(name);
    const replacement = this.replaced.get(stored ?? name);
    if (replacement !== undefined) return Buffer.from(replacement);
    if (stored === undefined) return undefined;
    let parts: Unzipped;
    try {
      parts = unzipSync(this.bytes, { filter: (file) => file.name === stored });
    } catch (error) {
      throw new UnreadableArchive(`its part ${stored} is damaged (${(error as Error).message})`);
    }
    const content = parts[stored];
    return content === undefined ? undefined : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  }

  readText(name: string): string | undefined {
    const content = this.read(name);
    return content === undefined ? undefined : strFromU8(content);
  }

  /** Sets a part's content (adding the part when it is new); written by `toBuffer`. */
  write(name: string, content: Uint8Array | string): void {
    this.replaced.set(this.stored(name) ?? name, typeof content === 'string' ? strToU8(content) : content);
  }

  /** The archive with its replaced parts, every part in its original order. */
  toBuffer(): Buffer {
    let parts: Unzipped;
    try {
      parts = this.partNames.length === 0 ? {} : unzipSync(this.bytes, { filter: (file) => !this.replaced.has(file.name) && !file.name.endsWith('/') });
    } catch (error) {
      throw new UnreadableArchive(`a part is damaged (${(error as Error).message})`);
    }
    const ordered: Unzipped = {};
    for (const name of this.names) {
      const content = this.replaced.get(name) ?? parts[name];
      if (content !== undefined) ordered[name] = content as Unzipped[string];
    }
    return Buffer.from(zipSync(ordered, { level: 6 }));
  }

  private stored(name: string): string | undefined {
    return this.partNames.includes(name) ? name : this.byLowerName.get(name.toLowerCase());
  }
}
