import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..');
const compiled = new Map<string, string>();

/**
 * A worker (a file in bench/) as tsc compiles it, as the CLI's bin and the add-in's bundle run the
 * engine (tsx's on-the-fly transform wraps functions in name-keeping helpers that cost time per call).
 * Compiled once per run; returns the compiled file.
 */
export function compileWorker(source: string, log: (message: string) => void): string {
  const known = compiled.get(source);
  if (known !== undefined) return known;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-worker-'));
  log(`compiling ${path.basename(source)} with tsc…`);
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const build = spawnSync(process.execPath, [tsc, '--outDir', out, '--rootDir', ROOT, '--module', 'commonjs', '--target', 'ES2022', '--esModuleInterop', '--skipLibCheck', '--noCheck', source], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`tsc could not compile ${source}:\n${build.stdout}${build.stderr}`);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(out, 'node_modules'), 'dir');
  const file = path.join(out, path.relative(ROOT, source).replace(/\.ts$/, '.js'));
  compiled.set(source, file);
  return file;
}
