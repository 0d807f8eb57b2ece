// What is left of XML text handling once saxes resolves entities and line ends: OOXML's own escapes.

const ESCAPED_CHARACTER = /_x([0-9A-Fa-f]{4})_/g;

/** Cell text as Excel shows it: OOXML escapes characters XML cannot hold as `_xHHHH_` (`_x000D_` is a CR, `_x005F_` a `_`). */
export function decodeCellText(text: string): string {
  return text.includes('_x') ? text.replace(ESCAPED_CHARACTER, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** Text safe inside a double-quoted attribute value. */
export function escapeXmlAttribute(text: string): string {
  return text.replace(/[<>&"]/g, (char) => (char === '<' ? '&lt;' : char === '>' ? '&gt;' : char === '&' ? '&amp;' : '&quot;'));
}
