/** A start tag's text split in three: `<name`, its attributes as written (with their leading spaces), and `>` or `/>`. */
export interface StartTagText {
  readonly name: string;
  readonly attributes: string;
  readonly selfClosing: boolean;
}

/** Splits a well-formed start tag (the XML parser has already checked it) as written. */
export function splitStartTag(tag: string): StartTagText {
  let nameEnd = 1;
  while (nameEnd < tag.length && !/[\s/>]/.test(tag[nameEnd])) nameEnd++;
  const selfClosing = tag.endsWith('/>');
  return { name: tag.slice(1, nameEnd), attributes: tag.slice(nameEnd, tag.length - (selfClosing ? 2 : 1)), selfClosing };
}

/** The start tag again, from its parts. */
export function joinStartTag({ name, attributes, selfClosing }: StartTagText): string {
  return `<${name}${attributes}${selfClosing ? '/>' : '>'}`;
}

interface AttributeSpan {
  readonly name: string;
  readonly nameStart: number;
  /** The value as written, between its quotes (entities not resolved). */
  readonly value: string;
  readonly valueStart: number;
  readonly valueEnd: number;
}

/** The attributes of well-formed attribute text, with where each value lies: a `>` or an `s="1"` inside a value is part of that value. */
export function attributeSpans(attributes: string): AttributeSpan[] {
  const spans: AttributeSpan[] = [];
  let i = 0;
  while (i < attributes.length) {
    while (i < attributes.length && /\s/.test(attributes[i])) i++;
    const nameStart = i;
    while (i < attributes.length && attributes[i] !== '=' && !/\s/.test(attributes[i])) i++;
    const name = attributes.slice(nameStart, i);
    while (i < attributes.length && attributes[i] !== '"' && attributes[i] !== "'") i++;
    const quote = attributes[i];
    const valueStart = i + 1;
    const valueEnd = attributes.indexOf(quote, valueStart);
    if (name === '' || valueEnd < 0) break;
    spans.push({ name, nameStart, value: attributes.slice(valueStart, valueEnd), valueStart, valueEnd });
    i = valueEnd + 1;
  }
  return spans;
}

/** The raw value of attribute `name` as written, or undefined. */
export function rawAttribute(attributes: string, name: string): string | undefined {
  return attributeSpans(attributes).find((span) => span.name === name)?.value;
}

/** The attribute text with `name` set to `value` (already escaped): replaced in place, or added at the end. */
export function withAttribute(attributes: string, name: string, value: string): string {
  const span = attributeSpans(attributes).find((candidate) => candidate.name === name);
  if (span === undefined) return `${attributes.replace(/\s+$/, '')} ${name}="${value}"${attributes.match(/\s+$/)?.[0] ?? ''}`;
  return `${attributes.slice(0, span.valueStart)}${value}${attributes.slice(span.valueEnd)}`;
}

/** The attribute text without `name`, and the spaces before it. */
export function withoutAttribute(attributes: string, name: string): string {
  const span = attributeSpans(attributes).find((candidate) => candidate.name === name);
  if (span === undefined) return attributes;
  let from = span.nameStart;
  while (from > 0 && /\s/.test(attributes[from - 1])) from--;
  return `${attributes.slice(0, from)}${attributes.slice(span.valueEnd + 1)}`;
}
