import { SaxesParser, SaxesTagPlain } from 'saxes';
import { READER_LIMITS, ReaderLimits } from './readerLimits';
import { ReaderLimitExceeded, UnreadableArchive, ZipArchive } from './zipArchive';

/** The encodings XML parts are read in: UTF-8, or UTF-16 told by its byte order mark or its first bytes. */
export type XmlEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Events of one XML part, in document order; comments, CDATA markers, PIs and the declaration are not elements. */
export interface XmlHandler {
  /** A start tag (or empty-element tag); `start` is the index of its `<` and `end` just after its `>` in the part's text (-1 without `positions`). */
  open?(tag: SaxesTagPlain, start: number, end: number): void;
  /** An end tag (also called right after `open` for an empty-element tag); `end` is just after its `>`. */
  close?(name: string, end: number): void;
  /** Character data with entities resolved and line ends normalised, CDATA sections included. */
  text?(text: string): void;
}

export interface ParseOptions {
  /** Report tag positions (the painter needs them; the reader does not). */
  readonly positions?: boolean;
  /** Fill this with the part's text as it is decoded, for the painter to patch. */
  readonly text?: PartText;
  readonly limits?: ReaderLimits;
}

export interface ParsedPart {
  readonly encoding: XmlEncoding;
}

/** A part's text as the chunks it was decoded in, so a sheet larger than a JavaScript string can still be patched. */
export class PartText {
  private readonly chunks: string[] = [];
  private readonly starts: number[] = [];
  length = 0;

  push(chunk: string): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.starts.push(this.length);
    this.length += chunk.length;
  }

  /** The text from `from` to `to`, across chunks. */
  slice(from: number, to: number): string {
    let text = '';
    for (let i = this.chunkAt(from); i < this.chunks.length && this.starts[i] < to; i++) {
      text += this.chunks[i].slice(Math.max(0, from - this.starts[i]), to - this.starts[i]);
    }
    return text;
  }

  /** Index of the last `char` before `before`, or -1. */
  lastIndexOf(char: string, before: number): number {
    for (let i = this.chunkAt(before - 1); i >= 0; i--) {
      const found = this.chunks[i].lastIndexOf(char, before - 1 - this.starts[i]);
      if (found >= 0) return this.starts[i] + found;
    }
    return -1;
  }

  private chunkAt(position: number): number {
    let low = 0;
    let high = this.chunks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle] <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/**
 * saxes's `on` stores each handler under a computed name; past about a dozen such stores V8 turns the
 * parser into a dictionary object and parsing gets six times slower, so the handler slots are made here,
 * by name, before any is set.
 */
class HandlerSlotsParser extends SaxesParser {
  constructor() {
    super();
    const slots = this as unknown as Record<string, undefined>;
    slots.xmldeclHandler = undefined;
    slots.textHandler = undefined;
    slots.piHandler = undefined;
    slots.doctypeHandler = undefined;
    slots.commentHandler = undefined;
    slots.openTagStartHandler = undefined;
    slots.attributeHandler = undefined;
    slots.openTagHandler = undefined;
    slots.closeTagHandler = undefined;
    slots.cdataHandler = undefined;
    slots.errorHandler = undefined;
    slots.endHandler = undefined;
    slots.readyHandler = undefined;
  }
}

/** The local part of an element or attribute name: `c` for `x:c`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name, whatever its prefix (`r:id`, `id`); the unprefixed one wins. */
export function attributeByLocalName(attributes: Readonly<Record<string, string>>, name: string): string | undefined {
  if (attributes[name] !== undefined) return attributes[name];
  for (const key in attributes) if (key.endsWith(`:${name}`)) return attributes[key];
  return undefined;
}

/**
 * Streams one part of the archive through saxes, a conformant XML parser, as it inflates: no part is
 * ever held as one string (unless `text` asks for its chunks). Refuses, with the part's name and the line and column,
 * XML that is not well-formed or is cut short, any DOCTYPE (so no entity of a DTD is ever declared, let
 * alone expanded or fetched), encodings other than UTF-8 and UTF-16, and markup past `maxTokenChars`.
 * Returns undefined when the archive has no such part. One function on purpose: the inflater and the
 * parser feed each other chunk by chunk and share the limits' counts.
 */
export function parseXmlPart(archive: ZipArchive, partName: string, handler: XmlHandler, options: ParseOptions = {}): ParsedPart | undefined {
  const limits = options.limits ?? READER_LIMITS;
  const text = options.text;
  const parser = new HandlerSlotsParser();
  let lastEvent = 0;
  const at = () => `line ${parser.line}, column ${parser.column + 1}`;
  parser.on('error', (error) => {
    const message = error.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    throw new UnreadableArchive(`its part ${partName} is not well-formed XML (${at()}: ${message})`);
  });
  parser.on('doctype', () => {
    throw new UnreadableArchive(`its part ${partName} has a DOCTYPE (${at()}), which workbook parts never have; its entities are not read`);
  });
  const mark = () => {
    lastEvent = parser.position;
  };
  parser.on('comment', mark);
  parser.on('processinginstruction', mark);
  let tagStart = 0;
  if (options.positions) {
    // The name has been read and the character after it consumed: `<` is two before the name's end.
    parser.on('opentagstart', (tag) => {
      tagStart = parser.position - tag.name.length - 2;
    });
  }
  const { open, close, text: onContent } = handler;
  // Every start tag is followed by an end tag or text, which mark the position: a tag alone need not.
  if (open !== undefined) parser.on('opentag', options.positions ? (tag) => open(tag, tagStart, parser.position) : (tag) => open(tag, -1, -1));
  parser.on('closetag', (tag) => {
    lastEvent = parser.position;
    close?.(tag.name, lastEvent);
  });
  const onText = (content: string) => {
    lastEvent = parser.position;
    onContent?.(content);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);

  let decoder: TextDecoder | undefined;
  let encoding: XmlEncoding = 'utf-8';
  let head: Uint8Array = new Uint8Array(0);
  const feed = (chunk: string) => {
    text?.push(chunk);
    parser.write(chunk);
    if (parser.position - lastEvent > limits.maxTokenChars) {
      throw new ReaderLimitExceeded(`its part ${partName} has a piece of markup or text longer than ${limits.maxTokenChars} characters (${at()})`);
    }
  };
  const decode = (bytes: Uint8Array, stream: boolean) => {
    try {
      return (decoder as TextDecoder).decode(bytes, { stream });
    } catch {
      throw new UnreadableArchive(`its part ${partName} is not valid ${encoding === 'utf-8' ? 'UTF-8' : 'UTF-16'}`);
    }
  };
  const found = archive.readChunks(partName, (chunk) => {
    if (decoder === undefined) {
      // The encoding is told by the first four bytes; a first chunk shorter than that waits for the next.
      head = concatBytes(head, chunk);
      if (head.length < 4) return;
      encoding = detectEncoding(head, partName);
      decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
      chunk = head;
    }
    feed(decode(chunk, true));
  });
  if (!found) return undefined;
  if (decoder === undefined) {
    encoding = detectEncoding(head, partName);
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
    feed(decode(head, true));
  }
  feed(decode(new Uint8Array(0), false));
  parser.close();
  return { encoding };
}

const DECLARED_ENCODING = /^\uFEFF?<\?xml\s[^>]*?encoding\s*=\s*["']([^"']*)["']/;

/** The part's encoding from its byte order mark or first bytes (XML 1.0 appendix F), checked against its declaration. */
export function detectEncoding(head: Uint8Array, partName: string): XmlEncoding {
  let encoding: XmlEncoding = 'utf-8';
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0x3c && head[1] === 0 && head[2] === 0x3f && head[3] === 0)) encoding = 'utf-16le';
  else if ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0 && head[1] === 0x3c && head[2] === 0 && head[3] === 0x3f)) encoding = 'utf-16be';
  const start = new TextDecoder(encoding).decode(head.subarray(0, 400));
  const declared = DECLARED_ENCODING.exec(start)?.[1].toLowerCase();
  if (declared === undefined || declared === 'us-ascii' || declared === 'ascii') return encoding;
  const family = declared.replace(/[-_]/g, '');
  if (family === 'utf8' && encoding === 'utf-8') return encoding;
  if ((family === 'utf16' || family === `utf16${encoding.slice(-2)}`) && encoding !== 'utf-8') return encoding;
  throw new UnreadableArchive(`its part ${partName} is declared as ${declared}${declared.startsWith('utf') ? ` but written as ${encoding.toUpperCase()}` : ''}; the reader reads UTF-8 and UTF-16 only`);
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a);
  joined.set(b, a.length);
  return joined;
}

/** Text encoded as the part it came from was: the painter writes a patched part back in its own encoding. */
export function encodeText(text: string, encoding: XmlEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  const bytes = Buffer.from(text, 'utf16le');
  return encoding === 'utf-16le' ? bytes : bytes.swap16();
}
