/** Leading characters that make a spreadsheet treat typed text as a formula or command (OWASP CSV injection). */
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

/**
 * Text as it must be written into a cell so that it stays text: a leading apostrophe, which Excel
 * keeps as a quote prefix and does not show, before anything a formula could start with.
 * @example escapeCellText('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 */
export function escapeCellText(text: string): string {
  return FORMULA_TRIGGERS.test(text) ? `'${text}` : text;
}
