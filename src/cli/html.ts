// HTML as strings for the --report file: every text from a workbook goes through `escapeHtml`, once, here.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or an attribute value: `<`, `>`, `&` and both quotes escaped, so no cell text can open a tag or end an attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

/** A table with a caption: headings and cells are text, escaped here. */
export function htmlTable(caption: string, headings: readonly string[], rows: ReadonlyArray<readonly string[]>, className = ''): string {
  const head = `<tr>${headings.map((heading, column) => `<th scope="col"${column === 0 ? '' : ' class="n"'}>${escapeHtml(heading)}</th>`).join('')}</tr>`;
  const body = rows.map((row) => `<tr>${row.map((cell, column) => (column === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td>${escapeHtml(cell)}</td>`)).join('')}</tr>`);
  return [`<table${className ? ` class="${className}"` : ''}>`, `<caption>${escapeHtml(caption)}</caption>`, `<thead>${head}</thead>`, `<tbody>`, ...body, `</tbody>`, `</table>`].join('\n');
}
