/** docs/DOMAIN.md is the contract the project cites: these tests keep it equal to what the engine does. */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIELD_SYNONYMS, ISSUE_SEVERITY, normalizeHeader } from '../../src/core';

const ROOT = path.join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

/** Text files under a folder of the project, relative to its root. */
function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|md|js|html|css)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
}

/** The rows of the first Markdown table after `heading`, as arrays of cell texts. */
function tableAfter(markdown: string, heading: string): string[][] {
  const start = markdown.indexOf(heading);
  if (start < 0) throw new Error(`No "${heading}" in the document`);
  const lines = markdown.slice(start).split('\n');
  const first = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split('|').map((cell) => cell.trim()));
  }
  return rows;
}

/** `code` → severity from a table whose first cell lists codes in backticks, separated by slashes. */
function severities(rows: string[][]): Record<string, string> {
  return Object.fromEntries(rows.flatMap(([codes, severity]) => [...codes.matchAll(/`([a-z-]+)`/g)].map((match) => [match[1], severity])));
}

describe('docs/DOMAIN.md', () => {
  const domain = read('docs/DOMAIN.md');

  it('lists every validation code the engine reports, with its severity', () => {
    const rows = tableAfter(domain, '## Validation codes').filter((row) => !row[2].includes('Not reported yet'));
    expect(severities(rows)).toEqual(ISSUE_SEVERITY);
  });

  it('names, for every column, the headers the engine recognises', () => {
    const rows = tableAfter(domain, '### The allocation table');
    const documented = Object.fromEntries(rows.map(([field, , names]) => [
      normalizeHeader(field),
      [field, ...names.replace(/\(values:[^)]*\)/, '').split(',')].map((name) => normalizeHeader(name)).filter((name) => name !== ''),
    ]));
    for (const [field, synonyms] of Object.entries(FIELD_SYNONYMS)) {
      expect({ field, headers: new Set(documented[normalizeHeader(field)]) }).toEqual({ field, headers: new Set(synonyms.map(normalizeHeader)) });
    }
  });

  it('is the domain reference every citation in the project points at', () => {
    const files = ['README.md', 'CHANGELOG.md', ...['src', 'test', 'bench', 'scripts', 'docs'].flatMap((dir) => filesUnder(dir))];
    const citations = files.flatMap((file) => [...read(file).matchAll(/([\w./]*)DOMAIN\.md/g)].map((match) => `${file}: ${match[0]}`));
    expect(citations.length).toBeGreaterThan(5);
    expect(citations.filter((citation) => !citation.endsWith(' docs/DOMAIN.md'))).toEqual([]);
  });
});

describe('README.md', () => {
  it('lists the same validation codes and severities as docs/DOMAIN.md', () => {
    expect(severities(tableAfter(read('README.md'), '### Validation codes'))).toEqual(ISSUE_SEVERITY);
  });
});
