import { encodeText, localName, parseXmlPart, PartText, XmlEncoding } from './parseXmlPart';
import { ZipArchive } from './zipArchive';

// Changing a part of the package in place: every byte between the edits stays as it was written.

/** Replace the part's text from `start` to `end` with `text` (an insertion when they are equal). */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The text with each edit's range replaced, encoded as the part was; every byte between edits stays as it was. */
export function applyTextEdits(text: PartText, edits: TextEdit[], encoding: XmlEncoding): Buffer {
  edits.sort((a, b) => a.start - b.start);
  const pieces: Buffer[] = [];
  let position = 0;
  for (const edit of edits) {
    pieces.push(encodeText(text.slice(position, edit.start), encoding), encodeText(edit.text, encoding));
    position = edit.end;
  }
  // The rest in slices, so a sheet larger than a JavaScript string is written back too.
  const SLICE = 1 << 24;
  for (; position < text.length; position += SLICE) pieces.push(encodeText(text.slice(position, Math.min(position + SLICE, text.length)), encoding));
  return Buffer.concat(pieces);
}

/** An element of a small part, with where its start tag and the element end in the part's text. */
export interface PositionedElement {
  readonly name: string;
  readonly local: string;
  readonly depth: number;
  readonly start: number;
  readonly tagEnd: number;
  readonly selfClosing: boolean;
  /** Just after the element; `closeStart` is where its end tag begins (`tagEnd` when self-closing). */
  end: number;
  closeStart: number;
}

/** Every element of a small part (styles, relationships, content types) with its positions, and the part's text. */
export function positionedElements(archive: ZipArchive, path: string): { elements: PositionedElement[]; text: PartText; encoding: XmlEncoding } | undefined {
  const text = new PartText();
  const elements: PositionedElement[] = [];
  const open: PositionedElement[] = [];
  const parsed = parseXmlPart(archive, path, {
    open(tag, start, end) {
      const element = { name: tag.name, local: localName(tag.name), depth: open.length, start, tagEnd: end, selfClosing: tag.isSelfClosing, end, closeStart: end };
      elements.push(element);
      open.push(element);
    },
    close(_, end) {
      const element = open.pop() as PositionedElement;
      element.end = end;
      element.closeStart = element.selfClosing ? element.tagEnd : text.lastIndexOf('<', end);
    },
  }, { positions: true, text });
  return parsed === undefined ? undefined : { elements, text, encoding: parsed.encoding };
}

/** Writes the part again with `child` (made from the part's elements) added at the end of its root element. */
export function appendToRoot(archive: ZipArchive, path: string, child: (elements: PositionedElement[], text: PartText) => string): void {
  const parsed = positionedElements(archive, path);
  if (parsed === undefined || parsed.elements.length === 0) return;
  const root = parsed.elements[0];
  const addition = child(parsed.elements, parsed.text);
  if (addition === '') return;
  const edits = root.selfClosing
    ? [{ start: root.tagEnd - 2, end: root.tagEnd, text: `>${addition}</${root.name}>` }]
    : [{ start: root.closeStart, end: root.closeStart, text: addition }];
  archive.write(path, applyTextEdits(parsed.text, edits, parsed.encoding));
}
