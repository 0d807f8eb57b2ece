import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { buildSignalsWorkbook, buildSynonymsWorkbook, HOSTILE_LAB, HOSTILE_TEAM, makeTempDir, removeTempDir } from '../fixtures/buildWorkbooks';
import { checkJson, runInProcess } from './cliHarness';

/** A text table's cells: columns are two or more spaces apart. */
const cellsOf = (line: string) => line.trim().split(/ {2,}/);

interface JsonPoolWeek { week: string; utilisation: number | null; overbookedDays: number; overbooked: boolean; capacityChipDays: number | null; demandChipDays: number }
interface JsonSignalsReport {
  asOf: string;
  labs: Array<{ lab: string; chipDays: number; velocity: number | null; locked: Record<string, number>; exposureChipHours: number; exposureCost: number | null }>;
  poolWeeks: { weeks: string[]; pools: Array<{ label: string; provider: string; weeks: JsonPoolWeek[] }> };
  conflicts: Array<{ id: string; rows: number[]; stake: { excessChipDays: number; chipHours: number; cost: number | null; givesWay: { row: number; lab: string } | null } }>;
}

async function signalsJson(args: readonly string[]): Promise<JsonSignalsReport> {
  return (await checkJson(args)).report as unknown as JsonSignalsReport;
}

describe('capacity-check signals', () => {
  let dir: string;
  let workbook: string;
  beforeAll(async () => {
    dir = await makeTempDir();
    workbook = await buildSignalsWorkbook(dir);
  });
  afterAll(() => removeTempDir(dir));

  describe('the readable report', () => {
    it('starts with the lab table: chip-days from the as-of date, velocity, locked chip-days by reason, exposure and cost', async () => {
      const run = await runInProcess([workbook, '--as-of', '2026-04-06']);
      expect(run.code).toBe(1);
      const lines = run.stdout.split('\n');
      expect(lines[0]).toBe('Labs from 6 Apr 2026');
      const headings = cellsOf(lines[2]);
      expect(headings).toEqual(['Lab', 'Booked chip-days', 'Velocity', 'single-provider silicon', 'no free capacity', 'needs a port', 'Exposure chip-hours', 'Cost at stake']);
      const rows = Object.fromEntries(lines.slice(3, 6).map((line) => [cellsOf(line)[0], cellsOf(line).slice(1)]));
      // Lab A: 64 chips × 14 days and 16 × 7, both movable (CoreWeave's H100s are free, AWS's in May).
      expect(rows['Lab A']).toEqual(['1,008', '100%', '0', '0', '0', '0', '–']);
      // Only Google offers TPUs: 16 chips × 25 days from 6 Apr, locked.
      expect(rows['Lab B']).toEqual(['400', '0%', '400', '0', '0', '0', '–']);
      // The tentative booking gives way: 32 excess chips × 7 days × 24 hours, at 4 per chip-hour.
      expect(rows[HOSTILE_LAB]).toEqual(['448', '100%', '0', '0', '0', '5,376', '21,504']);
    });

    it('then sums up the pools over-booked in the quarter, then reports as before, each conflict with its stake', async () => {
      const lines = (await runInProcess([workbook, '--as-of', '2026-04-06'])).stdout.split('\n');
      const pools = lines.indexOf('Pools, 6 Apr 2026 – 5 Jul 2026 (13 weeks)');
      expect(pools).toBeGreaterThan(5);
      expect(lines.slice(pools + 1, pools + 3)).toEqual([
        '  3 pools booked or reserved; 1 pool over-booked in some week',
        '  AWS us-east-1 H100 SXM: 7 over-booked days in 1 week (from the week of 13 Apr), peak week 150% of capacity',
      ]);
      expect(lines.indexOf(`${workbook}: "Plan", 4 bookings checked against capacity in "Capacity"`)).toBeGreaterThan(pools);
      expect(lines).toContain(`    5,376 chip-hours at stake (224 excess chip-days), cost 21,504; row 3 (${HOSTILE_LAB}) gives way`);
    });

    it('counts from the as-of date: days before it are left out', async () => {
      const lines = (await runInProcess([workbook, '--as-of', '2026-04-13'])).stdout.split('\n');
      const labA = lines.find((line) => line.startsWith('  Lab A '));
      // 64 chips × 7 days from 13 Apr, and the 16 × 7 in May.
      expect(cellsOf(labA ?? '')[1]).toBe('560');
    });

    it.each(['2026-13-01', '2026-02-30', '14/04/2026', 'today'])('refuses --as-of %s in one line with exit 2', async (text) => {
      const run = await runInProcess([workbook, '--as-of', text]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`capacity-check: --as-of ${text} is not a day; give it as YYYY-MM-DD (see --help)\n`);
    });
  });

  describe('--json', () => {
    it('gives each conflict its stake: excess chip-days, chip-hours, cost and who gives way', async () => {
      const report = await signalsJson([workbook, '--as-of', '2026-04-06']);
      expect(report.conflicts.map((conflict) => conflict.stake)).toEqual([{ excessChipDays: 32 * 7, chipHours: 24 * 32 * 7, cost: 24 * 32 * 7 * 4, givesWay: { row: 3, lab: HOSTILE_LAB } }]);
    });

    it('says null, not 0, for the cost of a conflict the catalog has no price for', async () => {
      const report = await signalsJson([await buildSynonymsWorkbook(dir), '--as-of', '2026-04-01']);
      expect(report.conflicts.map((conflict) => conflict.stake.cost)).toEqual([null, null]);
      expect(report.conflicts[0].stake).toMatchObject({ excessChipDays: 512 * 14, givesWay: { row: 5, lab: 'Lab C' } });
    });

    it('adds the as-of date, each lab, and each pool by week', async () => {
      const report = await signalsJson([workbook, '--as-of', '2026-04-08']);
      expect(report.asOf).toBe('2026-04-08');
      expect(report.labs.find((lab) => lab.lab === 'Lab B')).toMatchObject({ chipDays: 16 * 23, velocity: 0, locked: { 'single-provider silicon': 16 * 23 } });
      expect(report.poolWeeks.weeks).toHaveLength(13);
      expect(report.poolWeeks.weeks[0]).toBe('2026-04-06');
      const aws = report.poolWeeks.pools.find((pool) => pool.provider === 'AWS');
      // Week of 13 Apr: 64 reserved a day; 64 chips on 13–19 Apr and 32 more all week.
      expect(aws?.weeks[1]).toMatchObject({ week: '2026-04-13', capacityChipDays: 64 * 7, demandChipDays: 96 * 7, utilisation: 1.5, overbookedDays: 7, overbooked: true });
    });
  });

  describe('--report', () => {
    let html: string;
    let json: JsonSignalsReport;
    let document: ReturnType<DOMParser['parseFromString']>;
    beforeAll(async () => {
      const file = path.join(dir, 'report.html');
      const run = await runInProcess([workbook, '--as-of', '2026-04-06', '--report', file]);
      expect(run.stdout).toContain(`Report: ${file}`);
      html = await fs.readFile(file, 'utf8');
      json = await signalsJson([workbook, '--as-of', '2026-04-06']);
      document = new DOMParser({ onError: (level, message) => { if (level !== 'warning') throw new Error(message); } }).parseFromString(html, 'text/html');
    });
    const tableWithCaption = (start: string) => Array.from(document.getElementsByTagName('table')).find((table) => table.getElementsByTagName('caption')[0]?.textContent?.startsWith(start));
    const rowsOf = (table: ReturnType<typeof tableWithCaption>) =>
      Array.from(table?.getElementsByTagName('tbody')[0]?.getElementsByTagName('tr') ?? []).map((row) => Array.from(row.childNodes).filter((node) => node.nodeType === 1).map((cell) => cell.textContent ?? ''));

    it('holds no script, loads nothing, and says so in a Content-Security-Policy', () => {
      expect(html).not.toMatch(/<script/i);
      // No element has an event handler or loads anything.
      const attributes = Array.from(document.getElementsByTagName('*')).flatMap((element) => Array.from(element.attributes).map((attribute) => attribute.name.toLowerCase()));
      expect(attributes.filter((name) => name.startsWith('on') || ['src', 'href', 'xlink:href', 'action'].includes(name))).toEqual([]);
      const policy = Array.from(document.getElementsByTagName('meta')).find((meta) => meta.getAttribute('http-equiv') === 'Content-Security-Policy')?.getAttribute('content');
      expect(policy).toMatch(/default-src 'none'/);
      expect(policy).toMatch(/script-src 'none'/);
      expect(policy).not.toMatch(/unsafe/);
    });

    it('shows hostile cell text as text, escaped, never as markup', () => {
      expect(html).not.toContain(HOSTILE_LAB);
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(html.match(/<\/style>/g)).toHaveLength(1);
      expect(document.getElementsByTagName('img')).toHaveLength(0);
      const conflicts = rowsOf(tableWithCaption('1 conflict'));
      expect(conflicts[0][3]).toBe(`row 2: Lab A / Pretrain; row 3: ${HOSTILE_LAB} / ${HOSTILE_TEAM}`);
    });

    it('draws the heatmap as an accessible image whose text alternative gives the JSON poolWeeks in words', () => {
      const svg = document.getElementsByTagName('svg')[0];
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getElementsByTagName('title')[0].textContent).toBe('Utilisation of each pool by week');
      const table = tableWithCaption('Utilisation of each pool by week');
      expect(rowsOf(table).map((row) => row[0])).toEqual(json.poolWeeks.pools.map((pool) => pool.label));
      rowsOf(table).forEach((row, p) => {
        json.poolWeeks.pools[p].weeks.forEach((week, w) => {
          const cell = row[w + 1];
          expect(cell).toEqual(week.utilisation === null ? '–' : expect.stringMatching(new RegExp(`^${Math.round(week.utilisation * 100)}%`)));
          if (week.overbooked) expect(cell).toContain(`over-booked ${week.overbookedDays} day`);
          else expect(cell).not.toContain('over-booked');
        });
      });
    });

    it('marks an over-booked week by more than colour', () => {
      const marked = Array.from(document.getElementsByTagName('rect')).filter((rect) => rect.getAttribute('class') === 'overbooked');
      const overbookedWeeks = json.poolWeeks.pools.flatMap((pool) => pool.weeks).filter((week) => week.overbooked);
      expect(marked).toHaveLength(overbookedWeeks.length);
      for (const rect of marked) expect(rect.getAttribute('fill')).toBe('url(#overbooked)');
    });

    it('has the lab table with the figures of --json, and each conflict with its stake', () => {
      const labs = rowsOf(tableWithCaption('Labs from 6 Apr 2026'));
      expect(labs.map((row) => row[0])).toEqual(json.labs.map((lab) => lab.lab));
      expect(labs.find((row) => row[0] === HOSTILE_LAB)?.slice(1)).toEqual(['448', '100%', '0', '0', '0', '5,376', '21,504']);
      const [conflict] = rowsOf(tableWithCaption('1 conflict'));
      expect([conflict[0], ...conflict.slice(4)]).toEqual([json.conflicts[0].id, '224', '5,376', '21,504', `row 3 (${HOSTILE_LAB})`, 'open']);
    });
  });
});
