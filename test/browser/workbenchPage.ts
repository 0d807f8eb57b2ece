import { readFileSync } from 'node:fs';
import { Locator, Page } from 'playwright-core';

/** What `getComputedStyle` gives for the fills the tests use. */
export const YELLOW = 'rgb(255, 255, 0)';
export const NO_FILL = 'rgba(0, 0, 0, 0)';

/** A fill as the grid shows it: '#DDEBF7' → 'rgb(221, 235, 247)', no fill → transparent. */
export function cssColor(fill: string | null): string {
  if (fill === null) return NO_FILL;
  const [r, g, b] = [1, 3, 5].map((offset) => parseInt(fill.slice(offset, offset + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The workbench as a user meets it: the ribbon, the sheet grid and tabs, the task pane. */
export class WorkbenchPage {
  constructor(readonly page: Page) {}

  get ribbon(): Locator {
    return this.page.getByRole('banner', { name: 'Ribbon' });
  }

  get pane(): Locator {
    return this.page.getByRole('complementary', { name: 'Task pane' });
  }

  get grid(): Locator {
    return this.page.getByRole('grid');
  }

  ribbonButton(name: string): Locator {
    return this.ribbon.getByRole('button', { name, exact: true });
  }

  cell(address: string): Locator {
    return this.grid.locator(`[data-address="${address}"]`);
  }

  /** The pane's card of the conflict whose heading names `pool`, e.g. "AWS us-east-1 Trainium2". */
  conflictCard(pool: string): Locator {
    return this.pane.getByRole('listitem').filter({ has: this.page.getByRole('heading', { name: pool }) });
  }

  async openWorkbook(fileName: string, bytes: Buffer): Promise<void> {
    await this.page.getByLabel('Open workbook').setInputFiles({ name: fileName, mimeType: XLSX_TYPE, buffer: bytes });
    await this.ribbon.getByText(fileName, { exact: true }).waitFor();
  }

  async checkFromRibbon(): Promise<void> {
    const button = this.ribbonButton('Check conflicts');
    await button.click();
    // The ribbon button is disabled until the function calls event.completed().
    await this.page.waitForFunction((element) => !(element as HTMLButtonElement).disabled, await button.elementHandle());
  }

  /** Waits for the pane's "Conflicts (…)" heading to read `text`. */
  async waitForConflictsHeading(text: string): Promise<void> {
    await this.pane.getByRole('heading', { name: text, exact: true }).waitFor();
  }

  async showSheet(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await this.page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
    await this.grid.and(this.page.getByLabel(`Sheet ${name}`)).waitFor();
  }

  async tabNames(): Promise<string[]> {
    return this.page.getByRole('tab').allTextContents();
  }

  /** The computed background colour of each cell. */
  async backgrounds(addresses: readonly string[]): Promise<Record<string, string>> {
    return this.grid.evaluate((grid, wanted) => {
      const colours: Record<string, string> = {};
      for (const address of wanted) {
        const cell = grid.querySelector(`[data-address="${address}"]`);
        colours[address] = cell === null ? 'not rendered' : getComputedStyle(cell).backgroundColor;
      }
      return colours;
    }, addresses);
  }

  /** Polls until the cells' backgrounds equal `expected` or `timeoutMs` passes; returns the last reading. */
  async waitForBackgrounds(expected: Record<string, string>, timeoutMs = 5_000): Promise<Record<string, string>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const actual = await this.backgrounds(Object.keys(expected));
      if (Object.keys(expected).every((address) => actual[address] === expected[address]) || Date.now() > deadline) return actual;
      await this.page.waitForTimeout(50);
    }
  }

  async cellText(address: string): Promise<string> {
    return (await this.cell(address).textContent()) ?? '';
  }

  /** The texts of rows `first`..`last` (1-based) of the shown sheet, columns A to `lastColumn`. */
  async rowTexts(first: number, last: number, lastColumn: string): Promise<string[][]> {
    const columns = Array.from({ length: lastColumn.charCodeAt(0) - 64 }, (_, index) => String.fromCharCode(65 + index));
    const rows: string[][] = [];
    for (let row = first; row <= last; row++) rows.push(await Promise.all(columns.map((column) => this.cellText(`${column}${row}`))));
    return rows;
  }

  /** Scrolls the grid so that sheet row `row` is rendered, a few rows below the top. */
  async scrollToRow(row: number): Promise<void> {
    await this.grid.evaluate((grid, target) => {
      const height = grid.querySelector('[data-address="A2"]')?.getBoundingClientRect().height ?? 20;
      grid.scrollTop = Math.max(0, target - 4) * height;
    }, row);
    await this.cell(`A${row}`).waitFor();
  }

  /** Double-clicks a cell, types over its content and presses Enter, as a user edits in Excel. */
  async typeIntoCell(address: string, text: string): Promise<void> {
    await this.cell(address).dblclick();
    const editor = this.page.getByLabel(`Edit ${address}`);
    await editor.fill(text);
    await editor.press('Enter');
  }

  /** axe-core's violations inside `selector`, with the library injected from node_modules. */
  async accessibilityViolations(selector: string): Promise<Array<{ id: string; help: string; nodes: string[] }>> {
    // Evaluated through the DevTools protocol, which the page's CSP does not govern; a <script> tag would be refused.
    await this.page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    return this.page.evaluate(async (context) => {
      const axe = (window as unknown as { axe: { run: (context: string) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ html: string }> }> }> } }).axe;
      const results = await axe.run(context);
      return results.violations.map((violation) => ({ id: violation.id, help: violation.help, nodes: violation.nodes.map((node) => node.html) }));
    }, selector);
  }
}
