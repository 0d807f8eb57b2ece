import { promises as fs } from 'node:fs';
/**
 * The workbench in a headless Chromium (Debian's, or the npm one: chooseChromium.ts): the add-in's real task pane, ribbon function and adapter against the
 * in-browser Excel simulator, driven as a lead would drive them. The tests in each describe run in order
 * on one page, each picking up the workbook where the previous one left it.
 */
import ExcelJS from 'exceljs';
import { Browser, Page } from 'playwright-core';
import { buildWorkbench, BUILD_TIMEOUT_MS, CHROMIUM, DemoServer, launchChromium, PageProblems, saveScreenshot, startDemoServer, watchPage } from './browserHarness';
import {
  addressesOf, buildCapacityWorkbook, buildLargeWorkbook, H100_ROWS, PAINTED_COLUMNS, rowFill, tableAddresses,
  TPU_ROWS, TRAINIUM_ROWS, TYPO_CELL, XSS_PAYLOAD,
} from './capacityWorkbook';
import { cssColor, WorkbenchPage, YELLOW } from './workbenchPage';

jest.setTimeout(60_000);

const VIEWPORT = { width: 1440, height: 900 };
/** The name the lead gives when the pane first asks who is making changes. */
const LEAD = 'Dana Okafor';

let server: DemoServer;
let browser: Browser;
let buildProgress: string;

beforeAll(async () => {
  // Fail before the slow build when the browser is missing.
  browser = await launchChromium();
  buildProgress = await buildWorkbench();
  server = await startDemoServer();
}, BUILD_TIMEOUT_MS + 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPage(): Promise<{ page: Page; workbench: WorkbenchPage; problems: PageProblems }> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  const problems = watchPage(page);
  await page.goto(server.url);
  const workbench = new WorkbenchPage(page);
  await workbench.ribbon.getByText('sample-capacity.xlsx', { exact: true }).waitFor();
  return { page, workbench, problems };
}

/** Every table cell's expected background: yellow on the painted columns of `yellowRows`, the row's own fill elsewhere. */
function expectedBackgrounds(yellowRows: readonly number[]): Record<string, string> {
  const yellow = new Set(addressesOf(yellowRows, PAINTED_COLUMNS));
  return Object.fromEntries(tableAddresses().map((address) => [address, yellow.has(address) ? YELLOW : cssColor(rowFill(Number(address.slice(1))))]));
}

describe('npm run demo', () => {
  it('says how far its build is, phase by phase, while it builds', () => {
    const lines = buildProgress.trim().split('\n');
    expect(lines[0]).toMatch(/^Building the workbench: building modules, \d+% \(\d+ s\)$/);
    expect(lines).toEqual(expect.arrayContaining([expect.stringMatching(/^Building the workbench: minifying \(\d+ s\)$/)]));
    expect(lines[lines.length - 1]).toMatch(/^Building the workbench: done \(\d+ s\)$/);
  });
});

describe(`in ${CHROMIUM.label}`, () => {
  describe('the workbench on a generated capacity workbook', () => {
    let page: Page;
    let workbench: WorkbenchPage;
    let problems: PageProblems;

    beforeAll(async () => {
      ({ page, workbench, problems } = await openPage());
    });

    afterAll(async () => {
      await page?.close();
    });

    it('opens the workbook through the file input, one tab per visible sheet, fills as they are', async () => {
      await workbench.openWorkbook('q2-plan.xlsx', await buildCapacityWorkbook());

      expect(await workbench.tabNames()).toEqual(['Allocations']);
      expect(await workbench.cellText('G2')).toBe('Trainium2');
      expect(await workbench.cellText('I2')).toBe('14 Apr 2026');
      expect(await workbench.backgrounds(tableAddresses())).toEqual(expectedBackgrounds([]));
    });

    it('Check conflicts on the ribbon paints exactly the conflict rows’ Silicon, Chips, Start and End yellow', async () => {
      await workbench.checkFromRibbon();
      await workbench.waitForConflictsHeading('Conflicts (2 open)');

      expect(await workbench.waitForBackgrounds(expectedBackgrounds([...TRAINIUM_ROWS, ...H100_ROWS]))).toEqual(expectedBackgrounds([...TRAINIUM_ROWS, ...H100_ROWS]));
      await saveScreenshot('workbench-checked.png', (path) => page.screenshot({ path, animations: 'disabled' }));
      await saveScreenshot('taskpane-checked.png', (path) => workbench.pane.screenshot({ path, animations: 'disabled' }));
    });

    it('shows each conflict’s pool, window and bookings in the pane', async () => {
      const card = workbench.conflictCard('AWS us-east-1 Trainium2');
      expect(await card.textContent()).toContain('14 Apr 2026 – 27 Apr 2026 (14 days)');
      expect(await card.getByRole('list', { name: 'Bookings involved' }).getByRole('listitem').allTextContents()).toEqual([
        'Row 2: Lab A / Pretrain — 14 Apr 2026 – 27 Apr 2026 · ID P-1 · pre-training · confirmed · 2,048 chips · “the big run”',
        'Row 3: Lab B / FT sprint — 14 Apr 2026 – 27 Apr 2026 · ID P-2 · fine-tuning · tentative · 512 chips',
      ]);
      expect(await card.getByText(/gives way/).textContent()).toBe('Row 3 gives way: tentative; booked after row 2.');
    });

    it('has no accessibility violations in the pane (axe-core), options expanded', async () => {
      await workbench.conflictCard('AWS us-east-1 Trainium2').getByRole('button', { name: /more option/ }).click();

      expect(await workbench.accessibilityViolations('.wb-pane')).toEqual([]);
    });

    it('asks for the lead’s name before the first change, and logs the Shift under it', async () => {
      const shift = workbench.conflictCard('AWS us-east-1 Trainium2').getByRole('button', { name: /^Shift/ }).first();
      expect(await shift.textContent()).toBe('Shift Lab B / FT sprint by +14 days (28 Apr – 11 May 2026)');
      await shift.click();
      expect(await workbench.cellText('I3')).toBe('14 Apr 2026');
      await workbench.pane.getByLabel('Your name, for the resolution log').fill(LEAD);
      await workbench.pane.getByRole('button', { name: 'Save and apply' }).click();
      await workbench.waitForConflictsHeading('Conflicts (1 open)');

      expect(await workbench.waitForBackgrounds(expectedBackgrounds(H100_ROWS))).toEqual(expectedBackgrounds(H100_ROWS));
      expect([await workbench.cellText('I3'), await workbench.cellText('J3')]).toEqual(['28 Apr 2026', '11 May 2026']);
      await workbench.showSheet('Resolution log');
      const log = await workbench.rowTexts(1, 3, 'H');
      expect(log[0]).toEqual(['When', 'Who', 'Conflict', 'Action', 'Rows', 'Before', 'After', 'Reason']);
      expect([log[1][1], ...log[1].slice(3, 5)]).toEqual([LEAD, 'shift', '3']);
      expect(log[2].every((text) => text === '')).toBe(true);
    });

    it('Undo brings the conflict and its yellow back, and logs "undo shift"', async () => {
      await workbench.pane.getByRole('button', { name: 'Undo last resolution' }).click();
      await workbench.waitForConflictsHeading('Conflicts (2 open)');

      expect((await workbench.rowTexts(3, 3, 'H'))[0].slice(3, 5)).toEqual(['undo shift', '3']);
      await workbench.showSheet('Allocations');
      expect(await workbench.waitForBackgrounds(expectedBackgrounds([...TRAINIUM_ROWS, ...H100_ROWS]))).toEqual(expectedBackgrounds([...TRAINIUM_ROWS, ...H100_ROWS]));
      expect(await workbench.cellText('I3')).toBe('14 Apr 2026');
    });

    it('accepting the H100 overlap with a reason lists it as accepted and stops painting it', async () => {
      const card = workbench.conflictCard('AWS us-east-2 H100 SXM');
      await card.getByLabel('Reason for accepting the conflict').fill('Shared evaluation window, both leads agree');
      await card.getByRole('button', { name: 'Accept conflict' }).click();
      await workbench.waitForConflictsHeading('Conflicts (1 open, 1 accepted)');

      expect(await workbench.conflictCard('AWS us-east-2 H100 SXM').textContent()).toMatch(new RegExp(`Accepted by ${LEAD} on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}: Shared evaluation window, both leads agree`));
      expect(await workbench.waitForBackgrounds(expectedBackgrounds(TRAINIUM_ROWS))).toEqual(expectedBackgrounds(TRAINIUM_ROWS));
    });

    it('fixes the typo through its "Use Trainium2" suggestion', async () => {
      expect(await workbench.cellText(TYPO_CELL)).toBe('Trainuim2');
      await workbench.pane.getByRole('button', { name: /^Issues \(\d+\)$/ }).click();
      await workbench.pane.getByRole('button', { name: 'Use Trainium2' }).click();
      await workbench.cell(TYPO_CELL).getByText('Trainium2', { exact: true }).waitFor();

      await workbench.pane.getByRole('button', { name: 'Use Trainium2' }).waitFor({ state: 'detached' });
      expect(await workbench.cellText(TYPO_CELL)).toBe('Trainium2');
      await workbench.pane.getByRole('button', { name: /^Conflicts \(\d+\)$/ }).click();
    });

    it('shows workbook text as text in the grid and the pane, and runs none of it', async () => {
      expect(await workbench.cellText('C5')).toBe(XSS_PAYLOAD);
      expect(await workbench.cellText('L5')).toBe(XSS_PAYLOAD);
      expect(await workbench.conflictCard('AWS us-east-2 H100 SXM').textContent()).toContain(`Row 5: Lab C / ${XSS_PAYLOAD}`);

      expect(await page.locator('img[src="x"]').count()).toBe(0);
      expect(problems.dialogs).toEqual([]);
    });

    it('re-checks live: typing a Start date that double-books turns the cells yellow within two seconds', async () => {
      const yellowRows = [...TRAINIUM_ROWS, ...TPU_ROWS];
      const typedAt = Date.now();
      await workbench.typeIntoCell('I9', '2026-05-05');

      expect(await workbench.waitForBackgrounds(expectedBackgrounds(yellowRows), 2_000)).toEqual(expectedBackgrounds(yellowRows));
      expect(Date.now() - typedAt).toBeLessThan(2_500);
      expect(await workbench.cellText('I9')).toBe('5 May 2026');
      await workbench.waitForConflictsHeading('Conflicts (2 open, 1 accepted)');
    });

    it('downloads the workbook as it now is: edits, paint and the resolution log', async () => {
      const [download] = await Promise.all([page.waitForEvent('download'), workbench.ribbonButton('Download').click()]);
      const saved = new ExcelJS.Workbook();
      await saved.xlsx.load(await streamToArrayBuffer(await download.createReadStream()));

      const allocations = saved.getWorksheet('Allocations');
      expect(allocations?.getCell('I9').value).toEqual(new Date('2026-05-05T00:00:00Z'));
      expect(allocations?.getCell('G9').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
      expect(allocations?.getCell('A9').fill).toBeUndefined();
      expect(allocations?.getCell(TYPO_CELL).value).toBe('Trainium2');
      expect(saved.getWorksheet('Resolution log')?.getColumn(4).values.slice(1)).toEqual(['Action', 'shift', 'undo shift', 'accept', 'fix']);
      expect(saved.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual(expect.arrayContaining([['Old plan', 'hidden'], ['Secret', 'veryHidden']]));
    });

    it('raised no script errors and no Content-Security-Policy refusals', () => {
      expect(problems.errors).toEqual([]);
    });
  });

  describe('the workbench on its bundled sample workbook', () => {
    let page: Page;
    let workbench: WorkbenchPage;
    let problems: PageProblems;

    beforeAll(async () => {
      ({ page, workbench, problems } = await openPage());
    });

    afterAll(async () => {
      await page?.close();
    });

    it('opens the sample at start, with a tab for each visible sheet', async () => {
      expect(await workbench.tabNames()).toEqual(['Allocations', 'Capacity', 'Resolution log']);
      await workbench.cell('A3').getByText('ID', { exact: true }).waitFor();
    });

    it('the ribbon’s Check conflicts opens the closed task pane when it finds conflicts', async () => {
      await workbench.pane.getByRole('button', { name: 'Close task pane' }).click();
      await workbench.pane.waitFor({ state: 'hidden' });
      await workbench.checkFromRibbon();

      await workbench.pane.waitFor({ state: 'visible' });
      await workbench.pane.getByRole('heading', { name: /^Conflicts \(\d+ open/ }).waitFor();
      await saveScreenshot('workbench.png', (path) => page.screenshot({ path, animations: 'disabled' }));
      // Tall enough to show the first conflict whole, with its other resolutions listed.
      await page.setViewportSize({ ...VIEWPORT, height: 1200 });
      await workbench.pane.getByRole('button', { name: /more option/ }).first().click();
      await saveScreenshot('taskpane.png', (path) => workbench.pane.screenshot({ path, animations: 'disabled' }));
      await workbench.pane.getByRole('button', { name: 'Fewer options' }).click();
      await page.setViewportSize(VIEWPORT);
    });

    it('selecting a conflict in the pane selects its yellow cells in the grid', async () => {
      const card = workbench.pane.getByRole('list', { name: 'Conflicts' }).locator(':scope > li').first();
      const rows = (await card.getByRole('list', { name: 'Bookings involved' }).getByRole('listitem').allTextContents()).map((text) => Number(/^Row (\d+):/.exec(text)?.[1]));
      await card.getByRole('heading').getByRole('button').click();

      for (const row of rows) await page.locator(`.cell.selected[data-address="G${row}"]`).waitFor();
      const selected = (await page.locator('.cell.selected').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-address') ?? ''))) as string[];
      expect(new Set(selected.map((address) => Number(/\d+/.exec(address)?.[0])))).toEqual(new Set(rows));
      expect(await workbench.backgrounds(selected)).toEqual(Object.fromEntries(selected.map((address) => [address, YELLOW])));
    });

    it('runs the add-in on Microsoft’s Office.js client library, loaded unmodified from the page’s own origin', async () => {
      const library = await page.evaluate(() => {
        const script = [...document.scripts].find((element) => element.src.endsWith('/excel-web-16.00.debug.js'));
        const realm = window as unknown as { OfficeExtension?: { HttpUtility?: { setCustomSendRequestFunc?: unknown } }; Excel?: { run?: unknown } };
        return { sameOrigin: script !== undefined && new URL(script.src).origin === location.origin, http: typeof realm.OfficeExtension?.HttpUtility?.setCustomSendRequestFunc, run: typeof realm.Excel?.run };
      });
      expect(library).toEqual({ sameOrigin: true, http: 'function', run: 'function' });
      const served = await (await fetch(new URL('excel-web-16.00.debug.js', page.url()))).text();
      expect(served).toBe(await fs.readFile(require.resolve('@microsoft/office-js/dist/excel-web-16.00.debug.js'), 'utf8'));
    });

    it('has no accessibility violations on the whole page (axe-core)', async () => {
      expect(await workbench.accessibilityViolations('body')).toEqual([]);
    });

    it('raised no script errors and no Content-Security-Policy refusals', () => {
      expect(problems.errors).toEqual([]);
    });
  });

  describe('a lead triaging the sample’s conflicts', () => {
    const TRAINIUM = 'AWS us-east-2 Trainium2 block trn2-use2-cb-07';
    const COREWEAVE = 'CoreWeave US-EAST-04 H200 block cw-h200-use04';
    let page: Page;
    let workbench: WorkbenchPage;
    let problems: PageProblems;

    beforeAll(async () => {
      ({ page, workbench, problems } = await openPage());
      await page.evaluate((name) => window.localStorage.setItem('capacity-check.who', name), LEAD);
      await workbench.checkFromRibbon();
      await workbench.waitForConflictsHeading('Conflicts (4 open, 1 accepted)');
    });

    afterAll(async () => {
      await page?.close();
    });

    const cardHeadings = () => workbench.pane.locator('article.conflict h3').allTextContents();

    it('narrows the list to her lab’s open conflicts in two choices, and says how many it shows', async () => {
      await workbench.pane.getByLabel('Lab', { exact: true }).selectOption('Lab C');
      await workbench.pane.getByLabel('State', { exact: true }).selectOption('open');

      await workbench.waitForConflictsHeading('Conflicts (2 open)');
      expect(await workbench.pane.getByText(/^Showing \d+ conflicts? of \d+\./).textContent()).toMatch(/^Showing 2 conflicts of 5\./);
      expect(await cardHeadings()).toEqual([TRAINIUM, COREWEAVE]);
      expect(await workbench.pane.getByRole('button', { name: 'Level this group' }).isEnabled()).toBe(true);
    });

    it('remembers her lab when the pane opens again', async () => {
      await page.reload();
      await workbench.ribbon.getByText('sample-capacity.xlsx', { exact: true }).waitFor();
      await workbench.checkFromRibbon();

      await workbench.waitForConflictsHeading('Conflicts (2 open)');
      expect(await workbench.pane.getByLabel('Lab', { exact: true }).inputValue()).toBe('Lab C');
      await workbench.pane.getByRole('button', { name: 'Show all' }).click();
      await workbench.waitForConflictsHeading('Conflicts (4 open, 1 accepted)');
    });

    it('finds conflicts by a search over ID, lab, team, workload and notes', async () => {
      const search = workbench.pane.getByRole('searchbox', { name: 'Search ID, lab, team, workload and notes' });
      await search.fill('speech');
      await workbench.waitForConflictsHeading('Conflicts (1 open)');
      expect(await cardHeadings()).toEqual([COREWEAVE]);
      await search.fill('');
      await workbench.waitForConflictsHeading('Conflicts (4 open, 1 accepted)');
    });

    it('shows what each conflict puts at stake, and orders them by chip-hours at stake', async () => {
      await workbench.pane.getByLabel('Sort by', { exact: true }).selectOption('chip-hours');
      const stakes = await workbench.pane.locator('article.conflict p.stake').allTextContents();
      expect(stakes.length).toBeGreaterThan(1);
      for (const text of stakes) expect(text).toMatch(/^[\d,]+ chip-hours at stake \([\d,]+ excess chip-days?\), unpriced$/);
      const chipHours = stakes.map((text) => Number(text.split(' ')[0].replace(/,/g, '')));
      expect(chipHours).toEqual([...chipHours].sort((a, b) => b - a));
      await workbench.pane.getByLabel('Sort by', { exact: true }).selectOption('first-day');
    });

    it('shows one line per conflict in compact mode, remembered, and opens a line into its card', async () => {
      await workbench.pane.getByRole('switch', { name: 'Compact' }).check();
      expect(await workbench.pane.locator('article.conflict').count()).toBe(0);
      const lines = workbench.pane.locator('button.conflict-row');
      expect(await lines.count()).toBe(5);
      expect(await lines.first().textContent()).toBe('AWS us-east-2 Trainium2 block trn2-use2-cb-0714 Apr 2026 – 27 Apr 2026512 overLab A, Lab C');
      expect(await page.evaluate(() => window.localStorage.getItem('capacity-check.compact'))).toBe('yes');

      await lines.first().click();
      expect(await cardHeadings()).toEqual([TRAINIUM]);
    });

    it('groups by silicon with a count per group, and selects a group’s cells in the sheet', async () => {
      // In compact mode every group's heading is in view.
      await workbench.pane.getByLabel('Group by', { exact: true }).selectOption('silicon');
      const groups = await workbench.pane.locator('.group-head h3').allTextContents();
      expect(groups).toEqual(expect.arrayContaining(['H100 SXM · 2', 'Trainium2 · 1', 'TPU v5p · 1', 'H200 · 1']));

      await workbench.pane.locator('.group-head').filter({ hasText: 'H100 SXM · 2' }).getByRole('button', { name: 'Select in sheet' }).click();
      // Selecting several areas needs ExcelApi 1.18 (RangeAreas.select); below it, the first area: rows 6 to 8.
      for (const row of [6, 7, 8]) await page.locator(`.cell.selected[data-address="G${row}"]`).waitFor();
      const selected = (await page.locator('.cell.selected').evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-address') ?? ''))) as string[];
      expect([...new Set(selected.map((address) => Number(/\d+/.exec(address)?.[0])))].sort((a, b) => a - b)).toEqual([6, 7, 8]);
      await workbench.pane.getByLabel('Group by', { exact: true }).selectOption('');
      await workbench.pane.getByRole('switch', { name: 'Compact' }).uncheck();
    });

    it('draws each timeline at a 320-pixel pane with text of 11 px or more and every label in full', async () => {
      await page.evaluate(() => document.querySelector<HTMLElement>('.wb-pane')?.style.setProperty('width', '320px'));
      const card = workbench.conflictCard(TRAINIUM);
      const timeline = card.getByRole('img', { name: /^Timeline from / });
      await timeline.waitFor();
      const texts = await timeline.evaluate((element) => [...element.querySelectorAll('*')]
        .filter((node) => [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && (child.textContent ?? '').trim() !== ''))
        .map((node) => ({ text: node.textContent ?? '', size: parseFloat(getComputedStyle(node).fontSize), clipped: node.scrollWidth > node.clientWidth + 1 && getComputedStyle(node).display !== 'inline' })));
      expect(texts.filter((text) => text.size < 11)).toEqual([]);
      expect(texts.filter((text) => text.clipped)).toEqual([]);
      expect(texts.map((text) => text.text)).toEqual(expect.arrayContaining(['73: Lab A / Pretraining · 1,024', '74: Lab C / Fine-tuning · 512', ' confirmed', ' tentative', ' capacity', '14 Apr', '27 Apr']));
      expect(await timeline.getAttribute('aria-label')).toContain('Lab A / Pretraining row 73 ');
      await saveScreenshot('taskpane-320px.png', (path) => workbench.pane.screenshot({ path, animations: 'disabled' }));
      await page.evaluate(() => document.querySelector<HTMLElement>('.wb-pane')?.style.removeProperty('width'));
    });

    it('shows the result of an action at its card and in the polite live region', async () => {
      const search = workbench.pane.getByRole('searchbox', { name: 'Search ID, lab, team, workload and notes' });
      await search.fill('speech');
      const card = workbench.conflictCard(COREWEAVE);
      await card.getByLabel('Reason for accepting the conflict').fill('Speech launch; Lab C agrees');
      await card.getByRole('button', { name: 'Accept conflict' }).click();
      await workbench.waitForConflictsHeading('Conflicts (0 open, 1 accepted)');

      const atCard = await workbench.conflictCard(COREWEAVE).getByRole('status').textContent();
      expect(atCard).toBe('Accept the conflict: Speech launch; Lab C agrees. Logged in "Resolution log".');
      expect(await workbench.pane.locator('[aria-live="polite"]').textContent()).toBe(atCard);
      await search.fill('');
      await workbench.waitForConflictsHeading('Conflicts (3 open, 2 accepted)');
    });

    it('shows the quarter in the Overview, and a heatmap cell narrows the list to its pool and week', async () => {
      await workbench.pane.getByRole('button', { name: 'Overview' }).click();
      await workbench.pane.getByRole('heading', { name: 'The quarter from 13 Apr 2026' }).waitFor();
      const labs = await workbench.pane.getByRole('list', { name: 'Labs' }).getByRole('listitem').allTextContents();
      expect(labs.map((text) => text.split(' · ')[0])).toEqual(['Lab A', 'Lab B', 'Lab C', 'Lab D', 'Lab E', 'Lab F']);
      for (const text of labs) expect(text).toMatch(/ · velocity (\d+%|–) of [\d,]+ chip-days · exposure [\d,]+ chip-hours \((unpriced|–)\)/);
      const cell = workbench.pane.getByRole('button', { name: `${TRAINIUM}, week of 13 Apr 2026: ` , exact: false }).first();
      expect(await cell.getAttribute('aria-label')).toMatch(/over-booked \d+ days?$/);
      await saveScreenshot('taskpane-overview.png', (path) => workbench.pane.screenshot({ path, animations: 'disabled' }));
      expect(await workbench.accessibilityViolations('.wb-pane')).toEqual([]);

      await cell.click();
      await workbench.waitForConflictsHeading('Conflicts (1 open)');
      expect(await cardHeadings()).toEqual([TRAINIUM]);
      expect(await workbench.pane.getByText(/^Showing 1 conflict of 5 in /).textContent()).toMatch(new RegExp(`^Showing 1 conflict of 5 in ${TRAINIUM}, week of 13 Apr 2026\\.`));
      await workbench.pane.getByRole('button', { name: 'Show all' }).click();
      await workbench.waitForConflictsHeading('Conflicts (3 open, 2 accepted)');
    });

    it('levels the open conflicts as one plan the lead can untick, and one Undo puts every cell back', async () => {
      const before = await downloadedValues(page, workbench);
      await workbench.pane.getByRole('button', { name: 'Level all' }).click();
      const plan = workbench.pane.getByRole('region', { name: 'Level all conflicts' });
      const changes = plan.getByRole('list', { name: 'Changes of the plan' }).getByRole('checkbox');
      const count = await changes.count();
      expect(count).toBeGreaterThan(1);
      expect(await plan.locator('.level-totals').textContent()).toMatch(/^\d+ conflicts? of 3 resolved: /);
      await changes.last().uncheck();
      await plan.getByRole('button', { name: `Apply ${count - 1} change${count - 1 === 1 ? '' : 's'}` }).click();

      await workbench.pane.getByRole('heading', { name: /^Conflicts \([0-2] open, 2 accepted\)$/ }).waitFor();
      const levelled = await downloadedValues(page, workbench);
      expect(changedCells(before, levelled).length).toBeGreaterThanOrEqual(count - 1);
      await workbench.pane.getByRole('button', { name: 'Undo last resolution' }).click();
      await workbench.waitForConflictsHeading('Conflicts (3 open, 2 accepted)');
      expect(changedCells(before, await downloadedValues(page, workbench))).toEqual([]);
    });

    it('raised no script errors', () => {
      expect(problems.errors).toEqual([]);
    });
  });

  describe('the workbench on a 10,000-row workbook', () => {
    const ROWS = 10_000;
    let page: Page;
    let workbench: WorkbenchPage;

    beforeAll(async () => {
      ({ page, workbench } = await openPage());
      await workbench.openWorkbook('large.xlsx', await buildLargeWorkbook(ROWS));
    });

    afterAll(async () => {
      await page?.close();
    });

    it('renders only the rows in view', async () => {
      expect(await workbench.grid.getByRole('row').count()).toBeLessThan(100);
    });

    it('scrolls to the last row at once and shows the collision painted there after a check', async () => {
      await workbench.checkFromRibbon();
      await workbench.waitForConflictsHeading('Conflicts (1 open)');
      const started = Date.now();
      await workbench.grid.evaluate((grid) => grid.scrollTo({ top: grid.scrollHeight }));
      await workbench.cell(`A${ROWS + 1}`).waitFor();
      expect(Date.now() - started).toBeLessThan(1_000);

      expect(await workbench.backgrounds([`G${ROWS + 1}`, `G${ROWS}`, `G${ROWS - 1}`])).toEqual({ [`G${ROWS + 1}`]: YELLOW, [`G${ROWS}`]: YELLOW, [`G${ROWS - 1}`]: 'rgba(0, 0, 0, 0)' });
    });
  });

  /** The Allocations sheet's values as the Download button saves them, cell by cell. */
  async function downloadedValues(page: Page, workbench: WorkbenchPage): Promise<Map<string, string>> {
    const [download] = await Promise.all([page.waitForEvent('download'), workbench.ribbonButton('Download').click()]);
    const saved = new ExcelJS.Workbook();
    await saved.xlsx.load(await streamToArrayBuffer(await download.createReadStream()));
    const values = new Map<string, string>();
    saved.getWorksheet('Allocations')?.eachRow((row) => row.eachCell((cell) => void values.set(cell.address, JSON.stringify(cell.value))));
    return values;
  }

  function changedCells(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): string[] {
    return [...new Set([...before.keys(), ...after.keys()])].filter((address) => before.get(address) !== after.get(address));
  }

  async function streamToArrayBuffer(stream: NodeJS.ReadableStream): Promise<ArrayBuffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
    const bytes = Buffer.concat(chunks);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  /** Markup and script a co-author might paste, one per column the pane shows. */
  const PAYLOADS = {
    Lab: '<script>alert("lab")</script>',
    Team: '<img src=x onerror=alert("team")>',
    Workload: '"><svg onload=alert("workload")>',
    Provider: '<iframe src=javascript:alert("provider")>',
    Region: '<b onmouseover=alert("region")>east</b>',
    Silicon: '<img src=y onerror=alert("silicon")>',
    Status: '<a href=javascript:alert("status")>tentative</a>',
    Notes: '{{constructor.constructor("alert(1)")()}}',
  } as const;

  async function buildHostileWorkbook(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Allocations');
    sheet.addRow(['Lab', 'Team', 'Workload', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status', 'Notes']);
    for (const offset of [0, 3]) {
      sheet.addRow([PAYLOADS.Lab, PAYLOADS.Team, PAYLOADS.Workload, PAYLOADS.Provider, PAYLOADS.Region, PAYLOADS.Silicon, 8,
        new Date(Date.UTC(2026, 3, 14 + offset)), new Date(Date.UTC(2026, 3, 20 + offset)), PAYLOADS.Status, PAYLOADS.Notes]);
    }
    sheet.getColumn(8).numFmt = 'd mmm yyyy';
    sheet.getColumn(9).numFmt = 'd mmm yyyy';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Two confirmed bookings of one pool on the same days, booked three weeks apart: the later-booked gives way. */
  async function buildBookedWorkbook(): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Allocations');
    sheet.addRow(['Lab', 'Team', 'Provider', 'Region', 'Silicon', 'Chips', 'Start', 'End', 'Status', 'Booked']);
    const day = (month: number, date: number) => new Date(Date.UTC(2026, month - 1, date));
    sheet.addRow(['Lab A', 'Pretrain', 'AWS', 'us-east-1', 'Trainium2', 1024, day(4, 14), day(4, 27), 'confirmed', day(2, 20)]);
    sheet.addRow(['Lab B', 'FT sprint', 'AWS', 'us-east-1', 'Trainium2', 1024, day(4, 14), day(4, 27), 'confirmed', day(3, 10)]);
    for (const column of [7, 8, 10]) sheet.getColumn(column).numFmt = 'd mmm yyyy';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  describe('the workbench on a workbook with a Booked column', () => {
    let page: Page;
    let workbench: WorkbenchPage;

    beforeAll(async () => {
      ({ page, workbench } = await openPage());
      await workbench.openWorkbook('booked.xlsx', await buildBookedWorkbook());
      await workbench.checkFromRibbon();
      await workbench.waitForConflictsHeading('Conflicts (1 open)');
    });

    afterAll(async () => {
      await page?.close();
    });

    it('shows when each booking was made, and that the later-booked gives way', async () => {
      const card = workbench.conflictCard('AWS us-east-1 Trainium2');
      expect(await card.getByRole('list', { name: 'Bookings involved' }).getByRole('listitem').allTextContents()).toEqual([
        'Row 2: Lab A / Pretrain — 14 Apr 2026 – 27 Apr 2026 · confirmed · booked 20 Feb 2026 · 1,024 chips',
        'Row 3: Lab B / FT sprint — 14 Apr 2026 – 27 Apr 2026 · confirmed · booked 10 Mar 2026 · 1,024 chips',
      ]);
      expect(await card.getByText(/gives way/).textContent()).toBe('Row 3 gives way: booked 10 Mar 2026, after row 2 (20 Feb 2026).');
    });
  });

  describe('the workbench on a workbook whose every shown column holds markup or script', () => {
    let page: Page;
    let workbench: WorkbenchPage;
    let problems: PageProblems;

    beforeAll(async () => {
      ({ page, workbench, problems } = await openPage());
      await workbench.openWorkbook('hostile.xlsx', await buildHostileWorkbook());
      await workbench.checkFromRibbon();
      await workbench.waitForConflictsHeading('Conflicts (1 open)');
    });

    afterAll(async () => {
      await page?.close();
    });

    it('shows each payload as the text it is, in the conflict card and in the issues', async () => {
      const pane = (await workbench.pane.textContent()) ?? '';
      for (const payload of Object.values(PAYLOADS).filter((text) => text !== PAYLOADS.Notes)) expect(pane).toContain(payload);
    });

    it('creates no element from them and runs none of them, even when the lead points at them', async () => {
      await workbench.pane.hover();
      for (const selector of ['img[src="x"]', 'img[src="y"]', 'iframe', 'svg[onload]', 'b[onmouseover]', 'a[href^="javascript"]']) {
        expect([selector, await page.locator(selector).count()]).toEqual([selector, 0]);
      }
      expect(await page.locator('script:not([src])').count()).toBe(0);
      expect(problems.dialogs).toEqual([]);
      expect(problems.errors).toEqual([]);
    });
  });
});
