// Just enough XML for the parts of an .xlsx the CLI reads and patches: Excel writes them without DTDs,
// so tags, attributes, the five entities and character references are all there is to handle.

const NAMED_ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text or attribute content with its entities and character references resolved. */
export function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, name: string) => {
    if (name[0] !== '#') return NAMED_ENTITIES[name] ?? whole;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Cell text as Excel shows it: OOXML escapes characters XML cannot hold as `_xHHHH_` (`_x000D_` is a CR). */
export function decodeCellText(text: string): string {
  const decoded = decodeXml(text);
  return decoded.includes('_x') ? decoded.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : decoded;
}

export function escapeXmlAttribute(text: string): string {
  return text.replace(/[<>&"]/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : '&quot;'));
}

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of a start tag's inside (`r="A1" s="3"`), decoded, keyed by their name as written. */
export function parseAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(source); match !== null; match = ATTRIBUTE.exec(source)) {
    attributes.set(match[1], decodeXml(match[2] ?? match[3]));
  }
  return attributes;
}

/** An attribute by local name, whatever its prefix (`r:id`, `id`); the unprefixed one wins. */
export function attributeByLocalName(attributes: ReadonlyMap<string, string>, localName: string): string | undefined {
  if (attributes.has(localName)) return attributes.get(localName);
  for (const [name, value] of attributes) if (name.endsWith(`:${localName}`)) return value;
  return undefined;
}

/** One element found by `findElements`: its attributes' source text and inner content (null when self-closing). */
export interface ElementMatch {
  /** The element's name as written, with its prefix (`x:sheet`). */
  readonly tag: string;
  readonly start: number;
  readonly end: number;
  readonly attributes: string;
  readonly inner: string | null;
}

/**
 * Every `<name>` element (with any namespace prefix) in `xml`, outermost first, not nested in another of
 * the same name. Fine for the flat lists of .xlsx parts (sheets, relationships, shared strings, styles).
 */
export function findElements(xml: string, name: string, from = 0, to = xml.length): ElementMatch[] {
  const open = new RegExp(`<((?:[\\w.-]+:)?${name})(?=[\\s/>])([^>]*?)(/?)>`, 'g');
  open.lastIndex = from;
  const found: ElementMatch[] = [];
  for (let match = open.exec(xml); match !== null && match.index < to; match = open.exec(xml)) {
    if (match[3] === '/') {
      found.push({ tag: match[1], start: match.index, end: open.lastIndex, attributes: match[2], inner: null });
      continue;
    }
    const close = `</${match[1]}>`;
    const closeAt = xml.indexOf(close, open.lastIndex);
    if (closeAt < 0) break;
    found.push({ tag: match[1], start: match.index, end: closeAt + close.length, attributes: match[2], inner: xml.slice(open.lastIndex, closeAt) });
    open.lastIndex = closeAt + close.length;
  }
  return found;
}

/** The concatenated `<t>` text of a shared or inline string, leaving out phonetic guides (`<rPh>`). */
export function stringItemText(inner: string | null): string {
  if (inner === null) return '';
  const visible = inner.includes('rPh') ? inner.replace(/<((?:[\w.-]+:)?rPh)[\s>][\s\S]*?<\/\1>/g, '') : inner;
  let text = '';
  for (const t of findElements(visible, 't')) text += t.inner ?? '';
  return decodeCellText(text);
}
