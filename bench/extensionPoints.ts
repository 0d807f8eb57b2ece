/**
 * Sections of `npm run bench` measured through other parts of the project: Excel round trips on the
 * simulator, and the size of the production task pane.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { conflictCells, planResolutionEdits, suggestionsFor } from '../src/core';
import { applyCellEdits } from '../src/excel/applyCellEdits';
import { CheckSession } from '../src/excel/checkSession';
import { ExcelSimulator } from '../src/simulator/ExcelSimulator';
import type { BenchContext } from './benchTypes';
import { generateWorkbook } from './generateWorkbook';

/** Excel round trips on the simulator, for a check of 10,000 rows with hundreds of conflicts and for one resolution. */
export interface SyncsResult {
  readonly rows: number;
  readonly conflictCells: number;
  readonly checkSyncs: number;
  readonly checkBytes: number;
  readonly resolveSyncs: number;
}

/** Gzipped size of the production task pane JavaScript, in KiB. */
export interface BundleResult {
  readonly taskpane: number;
}

const SYNC_ROWS = 10_000;

/**
 * A first check of a 10,000-row workbook through the real adapter on the simulator (which counts syncs and
 * the bytes of each request and answer), then one resolution's writes: the re-read of its cells and the
 * write with its log row. The re-check that follows a resolution is a check like the first.
 */
export async function measureSyncs(context: BenchContext): Promise<SyncsResult | null> {
  const { snapshot } = generateWorkbook({ rows: SYNC_ROWS, seed: context.seed, capacity: false });
  const sim = new ExcelSimulator({ sheets: snapshot.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...(row ?? [])]) })) });
  sim.install(globalThis);
  try {
    const session = new CheckSession();
    await session.check();
    const checked = session.getState().checked;
    if (checked === null) throw new Error(`the check found no table: ${session.getState().problem ?? session.getState().notice?.text}`);
    const checkSyncs = sim.stats.syncs;
    const checkBytes = sim.stats.requestBytes;
    const { report } = checked;
    const conflict = report.conflicts.find((candidate) => suggestionsFor(report, candidate).shifts.length > 0);
    if (conflict === undefined) throw new Error('no conflict of the generated workbook can be shifted');
    const edits = planResolutionEdits(report, checked.snapshot, suggestionsFor(report, conflict).shifts[0]);
    sim.resetStats();
    const entry = { when: '2026-11-29 12:00:00', who: 'bench', conflict: conflict.id, action: 'shift', rows: '', before: '', after: '', reason: 'bench' };
    await Excel.run((excel) => applyCellEdits(excel, edits, entry, false));
    context.log(`syncs: check ${checkSyncs} (${Math.round(checkBytes / 1024)} KiB sent), resolution ${sim.stats.syncs}`);
    return { rows: report.bookings.length, conflictCells: conflictCells(report).length, checkSyncs, checkBytes, resolveSyncs: sim.stats.syncs };
  } finally {
    sim.uninstall();
  }
}

/** Builds the production add-in (webpack, a throwaway URL and output folder) and gzips the task pane's JavaScript. */
export async function measureBundleSize(context: BenchContext): Promise<BundleResult | null> {
  const root = path.join(__dirname, '..');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-addin-'));
  context.log('building the production task pane…');
  const build = spawnSync(process.execPath, [path.join(root, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production', '--output-path', out], {
    cwd: root,
    env: { ...process.env, ADDIN_BASE_URL: 'https://bench.invalid/addin' },
    encoding: 'utf8',
  });
  try {
    if (build.status !== 0) throw new Error(`the production build failed: ${(build.stderr || build.stdout).split('\n').slice(-5).join(' ')}`);
    const gzipped = gzipSync(fs.readFileSync(path.join(out, 'taskpane.js')), { level: 9 }).length;
    return { taskpane: Math.round((gzipped / 1024) * 10) / 10 };
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
