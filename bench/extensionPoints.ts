/**
 * Sections of `npm run bench` measured through other parts of the project: Excel round trips (in
 * roundTrips.ts), and the size of the production task pane.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext } from './benchTypes';

export { measureSyncs } from './roundTrips';
export type { RoundTripCase, SyncsResult } from './roundTrips';

/** Gzipped size of the production task pane JavaScript, in KiB. */
export interface BundleResult {
  readonly taskpane: number;
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
