/**
 * `npm run bench -- --pane [--quick]`: the figures a lead feels in the task pane, measured in the real
 * workbench in a headless Chromium (the tests' browser, chooseChromium.ts) against the simulated host at
 * Excel on the web's round-trip latency: click to list, a live edit to yellow, a resolution applied and
 * the list updated, the longest main-thread task, and the page's JavaScript heap. Printed, never asserted.
 */
import ExcelJS from 'exceljs';
import { Page } from 'playwright-core';
import { applyEdits, CheckReport, checkWorkbook, sheetCellAddress, WorkbookSnapshot } from '../src/core';
import { buildWorkbench, launchChromium, startDemoServer } from '../test/browser/browserHarness';
import { WorkbenchPage, YELLOW } from '../test/browser/workbenchPage';
import { COLUMN, generateWorkbook } from './generateWorkbook';

const SEED = 20260414;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The goals of the pane at 10,000 rows, beside what it took before the list was virtualized. */
const GOALS = { list: 1_500, yellow: 1_000, resolve: 1_000, task: 200, heapMb: 150 };
const BEFORE_AT_10K = { list: 13_100, yellow: 11_400, task: 11_200 };

interface PaneFigures {
  readonly rows: number;
  readonly conflicts: number;
  readonly listMs: number;
  readonly yellowMs: number | null;
  readonly resolveMs: number | null;
  readonly longestTaskMs: number;
  /** The longest task of each step (the list, the edit, the resolution), so the step that holds it is known. */
  readonly longestByStep: Readonly<Record<Step, number>>;
  readonly heapMb: number;
}

type Step = 'list' | 'yellow' | 'resolve';

interface TaskClock {
  tasks: Array<{ start: number; duration: number }>;
  steps: Array<{ step: Step; from: number }>;
}

function check(snapshot: WorkbookSnapshot): CheckReport {
  const outcome = checkWorkbook(snapshot);
  if (!outcome.ok) throw new Error(outcome.problem);
  return outcome.report;
}

/** The generated workbook as an .xlsx a lead would open: every sheet, dates shown as dates. */
async function xlsxOf(snapshot: WorkbookSnapshot): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const source of snapshot.sheets) {
    const sheet = workbook.addWorksheet(source.name);
    for (const row of source.rows) sheet.addRow((row ?? []).map((cell) => (cell !== null && typeof cell === 'object' ? { error: cell.error } : cell)) as ExcelJS.CellValue[]);
  }
  const bookings = workbook.worksheets[0];
  for (const column of [COLUMN.start, COLUMN.end]) bookings.getColumn(column + 1).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A Chips cell whose new value double-books its row without making it too big on its own: the first
 * row, from the top, outside every conflict, that a full pool's worth of chips puts into one.
 */
function doubleBookingEdit(snapshot: WorkbookSnapshot, report: CheckReport): { address: string; text: string } | null {
  const inConflict = new Set(report.conflicts.flatMap((conflict) => conflict.rows));
  const sheet = snapshot.sheets[0];
  for (const booking of report.bookings.slice(0, 400)) {
    if (inConflict.has(booking.sheetRow) || booking.chips === null) continue;
    for (const chips of [booking.chips * 2, booking.chips * 4]) {
      const address = sheetCellAddress(booking.sheetRow, COLUMN.chips);
      const edited = applyEdits(snapshot, [{ sheet: sheet.name, address, before: booking.chips, after: chips }]);
      const after = check(edited);
      const conflicted = after.conflicts.some((conflict) => conflict.rows.includes(booking.sheetRow));
      const tooBig = after.issues.some((issue) => issue.row === booking.sheetRow && issue.severity === 'error');
      if (conflicted && !tooBig) return { address, text: String(chips) };
    }
  }
  return null;
}

/** Polls the pane's "Conflicts (N open…)" heading until N satisfies `predicate`. */
async function waitForOpenCount(workbench: WorkbenchPage, predicate: (open: number) => boolean, what: string): Promise<number> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const text = (await workbench.pane.locator('#conflicts-heading').textContent({ timeout: 120_000 })) ?? '';
    const open = Number(/\((\d+) open/.exec(text)?.[1] ?? NaN);
    if (predicate(open)) return open;
    if (Date.now() > deadline) throw new Error(`The pane never showed ${what}; it shows "${text}".`);
    await workbench.page.waitForTimeout(20);
  }
}

async function since(page: Page, start: number): Promise<number> {
  return (await page.evaluate(() => performance.now())) - start;
}

async function measure(page: Page, url: string, rows: number, log: (message: string) => void): Promise<PaneFigures> {
  const { snapshot } = generateWorkbook({ rows, seed: SEED, capacity: true });
  const report = check(snapshot);
  const edit = doubleBookingEdit(snapshot, report);
  await page.addInitScript(() => window.localStorage.setItem('capacity-check.who', 'Bench lead'));
  await page.goto(url);
  const workbench = new WorkbenchPage(page);
  await workbench.ribbon.getByText('sample-capacity.xlsx', { exact: true }).waitFor();
  await page.getByLabel('Open workbook').setInputFiles({ name: `quarter-${rows}.xlsx`, mimeType: XLSX_TYPE, buffer: await xlsxOf(snapshot) });
  await workbench.ribbon.getByText(`quarter-${rows}.xlsx`, { exact: true }).waitFor({ timeout: 120_000 });
  await page.evaluate(() => {
    const clock: TaskClock = { tasks: [], steps: [] };
    (window as unknown as { taskClock: TaskClock }).taskClock = clock;
    new PerformanceObserver((list) => list.getEntries().forEach((entry) => clock.tasks.push({ start: entry.startTime, duration: entry.duration }))).observe({ type: 'longtask' });
  });
  const beginStep = (step: Step) => page.evaluate((name) => {
    const now = performance.now();
    (window as unknown as { taskClock: TaskClock }).taskClock.steps.push({ step: name, from: now });
    return now;
  }, step);

  let start = await beginStep('list');
  await workbench.ribbonButton('Check conflicts').click();
  const open = await waitForOpenCount(workbench, (count) => count >= 0, 'its conflicts');
  await workbench.pane.locator('article.conflict').first().waitFor({ timeout: 120_000 });
  const listMs = await since(page, start);
  log(`listed ${open} conflicts in ${Math.round(listMs)} ms; typing into ${edit?.address ?? 'no cell'}`);

  let yellowMs: number | null = null;
  if (edit !== null) {
    await workbench.scrollToRow(Number(/\d+/.exec(edit.address)?.[0]));
    await workbench.cell(edit.address).dblclick();
    const editor = page.getByLabel(`Edit ${edit.address}`);
    await editor.fill(edit.text);
    start = await beginStep('yellow');
    await editor.press('Enter');
    await page.waitForFunction(([address, yellow]) => {
      const cell = document.querySelector(`[data-address="${address}"]`);
      return cell !== null && getComputedStyle(cell).backgroundColor === yellow;
    }, [edit.address, YELLOW] as const, { timeout: 60_000, polling: 10 });
    yellowMs = await since(page, start);
    await waitForOpenCount(workbench, (count) => count === open + 1, `${open + 1} open conflicts after the edit`);
  }

  let resolveMs: number | null = null;
  const before = await waitForOpenCount(workbench, () => true, 'its conflicts');
  const primary = workbench.pane.locator('article.conflict').first().locator('.actions > button').first();
  if ((await primary.count()) > 0) {
    start = await beginStep('resolve');
    await primary.click();
    await waitForOpenCount(workbench, (count) => count < before, `fewer than ${before} open conflicts after a resolution`);
    resolveMs = await since(page, start);
  }

  const clock = await page.evaluate(() => (window as unknown as { taskClock: TaskClock }).taskClock);
  const longestByStep: Record<Step, number> = { list: 0, yellow: 0, resolve: 0 };
  for (const task of clock.tasks) {
    const step = [...clock.steps].reverse().find((candidate) => candidate.from <= task.start)?.step ?? 'list';
    longestByStep[step] = Math.max(longestByStep[step], task.duration);
  }
  const longestTaskMs = Math.max(...Object.values(longestByStep));
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  return { rows, conflicts: open, listMs, yellowMs, resolveMs, longestTaskMs, longestByStep, heapMb: heap.usedSize / 1024 ** 2 };
}

const seconds = (ms: number | null) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);

function table(figures: readonly PaneFigures[]): string[] {
  const lines = [
    '| rows | conflicts | click to list | edit to yellow | resolve + list | longest task (list / edit / resolve) | page heap |',
    '|---:|---:|---:|---:|---:|---:|---:|',
    ...figures.map((f) => `| ${f.rows.toLocaleString('en-US')} | ${f.conflicts} | ${seconds(f.listMs)} | ${seconds(f.yellowMs)} | ${seconds(f.resolveMs)} | ${Math.round(f.longestTaskMs)} ms (${[f.longestByStep.list, f.longestByStep.yellow, f.longestByStep.resolve].map(Math.round).join(' / ')}) | ${Math.round(f.heapMb)} MB |`),
  ];
  const at10k = figures.find((f) => f.rows === 10_000);
  if (at10k !== undefined) {
    lines.push(
      '',
      `At 10,000 rows, against the goals (list ≤ ${seconds(GOALS.list)}, yellow ≤ ${seconds(GOALS.yellow)}, resolve ≤ ${seconds(GOALS.resolve)}, task ≤ ${GOALS.task} ms, heap ≤ ${GOALS.heapMb} MB)` +
        ` and the pane that rendered every card (list ${seconds(BEFORE_AT_10K.list)}, yellow ${seconds(BEFORE_AT_10K.yellow)}, task ${seconds(BEFORE_AT_10K.task)}):`,
      `click to list ${(BEFORE_AT_10K.list / at10k.listMs).toFixed(1)}× faster; edit to yellow ${at10k.yellowMs === null ? 'n/a' : `${(BEFORE_AT_10K.yellow / at10k.yellowMs).toFixed(1)}× faster`}; longest task ${(BEFORE_AT_10K.task / at10k.longestTaskMs).toFixed(1)}× shorter.`,
    );
  }
  return lines;
}

export async function runPaneBench(options: { quick: boolean; log: (message: string) => void }): Promise<string[]> {
  const sizes = options.quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
  // PANE_BENCH_NO_BUILD=1 measures the workbench already in dist/workbench.
  if (process.env.PANE_BENCH_NO_BUILD === undefined) {
    options.log('building the workbench');
    await buildWorkbench();
  }
  const server = await startDemoServer();
  const browser = await launchChromium();
  try {
    const figures: PaneFigures[] = [];
    for (const rows of sizes) {
      options.log(`pane at ${rows.toLocaleString('en-US')} rows`);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      page.setDefaultTimeout(120_000);
      figures.push(await measure(page, server.url, rows, options.log));
      await page.close();
    }
    return ['## The task pane in Chromium (simulated host, 30 ms per round trip)', '', ...table(figures)];
  } finally {
    await browser.close();
    await server.stop();
  }
}
