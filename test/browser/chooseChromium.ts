/**
 * Which Chromium the browser tests drive. `TEST_CHROMIUM` chooses:
 *   (unset)   Debian's /usr/bin/chromium when it is installed, else the npm one;
 *   `system`  Debian's, and an error when it is missing;
 *   `npm`     the headless Chromium inside the `@sparticuz/chromium` package (installed by `npm ci`);
 *   a path    that executable.
 * No browser is ever downloaded.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const NPM_CHROMIUM_PACKAGE = '@sparticuz/chromium';

export type ChromiumSource = 'system' | 'npm' | 'path';

export interface ChromiumChoice {
  readonly source: ChromiumSource;
  /** What the tests say they run on, e.g. "npm @sparticuz/chromium 143.0.4". */
  readonly label: string;
  executablePath(): Promise<string>;
}

/** Reads `TEST_CHROMIUM` (synchronously, so test titles can name the browser). */
export function chooseChromium(setting = process.env.TEST_CHROMIUM ?? ''): ChromiumChoice {
  const wanted = setting.trim();
  if (wanted === 'npm' || (wanted === '' && !existsSync(SYSTEM_CHROMIUM))) return npmChromium();
  if (wanted === '' || wanted === 'system') return pathChromium('system', SYSTEM_CHROMIUM, `Debian's Chromium (${SYSTEM_CHROMIUM})`);
  if (path.isAbsolute(wanted)) return pathChromium('path', wanted, wanted);
  throw new Error(`TEST_CHROMIUM must be "system", "npm" or an absolute path to a Chromium executable, not "${wanted}".`);
}

function pathChromium(source: ChromiumSource, executable: string, label: string): ChromiumChoice {
  return {
    source,
    label,
    executablePath: async () => {
      if (!existsSync(executable)) {
        throw new Error(`${label} is not there. Unset TEST_CHROMIUM (or set it to "npm") to use the Chromium that npm ci installs, or install Debian's: apt-get install -y --no-install-recommends chromium.`);
      }
      return executable;
    },
  };
}

function npmChromium(): ChromiumChoice {
  const version = npmChromiumVersion();
  return {
    source: 'npm',
    label: `npm ${NPM_CHROMIUM_PACKAGE} ${version}`,
    executablePath: () => unpackNpmChromium(version),
  };
}

function npmChromiumVersion(): string {
  // The package's exports hide its package.json; it sits two folders above the entry point (build/cjs).
  const manifest = path.join(path.dirname(require.resolve(NPM_CHROMIUM_PACKAGE)), '..', '..', 'package.json');
  const { name, version } = JSON.parse(readFileSync(manifest, 'utf8')) as { name: string; version: string };
  if (name !== NPM_CHROMIUM_PACKAGE) throw new Error(`${manifest} is not the package.json of ${NPM_CHROMIUM_PACKAGE}.`);
  return version;
}

/**
 * Unpacks the package's Chromium into a folder of its own version: the package reuses whatever
 * `$TMPDIR/chromium` holds, whichever version put it there, and a stale one crashes. It runs in a child
 * process because the package reads TMPDIR from the real environment, which Jest's sandbox does not change.
 */
async function unpackNpmChromium(version: string): Promise<string> {
  const folder = path.join(os.tmpdir(), `capacity-checker-chromium-${version}`);
  const executable = path.join(folder, 'chromium');
  if (existsSync(executable)) return executable;
  mkdirSync(folder, { recursive: true });
  const script = `require(${JSON.stringify(require.resolve(NPM_CHROMIUM_PACKAGE))}).executablePath().then((file) => process.stdout.write(file))`;
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { env: { ...process.env, TMPDIR: folder }, timeout: 120_000 });
  if (stdout !== executable) throw new Error(`${NPM_CHROMIUM_PACKAGE} unpacked its Chromium at "${stdout}", not at ${executable}.`);
  return executable;
}
