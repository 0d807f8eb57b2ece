import { ChildProcess, execFile, spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { Browser, chromium, Page } from 'playwright-core';
import { chooseChromium } from './chooseChromium';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts');
/** The browser these tests drive (`TEST_CHROMIUM`, see chooseChromium.ts). */
export const CHROMIUM = chooseChromium();
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'];

/** Time for a production build of the workbench on a two-core machine, with room to spare. */
export const BUILD_TIMEOUT_MS = 240_000;

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: await CHROMIUM.executablePath(), args: CHROMIUM_FLAGS });
}

/** Builds dist/workbench exactly as `npm run demo` does; resolves to what the build printed on stderr. */
export async function buildWorkbench(): Promise<string> {
  const webpack = require.resolve('webpack-cli/bin/cli.js');
  const { stderr } = await promisify(execFile)(process.execPath, [webpack, '--mode', 'production', '--env', 'app=workbench', '--env', 'progress', '--stats', 'errors-warnings'], {
    cwd: REPO_ROOT,
    timeout: BUILD_TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stderr;
}

export interface DemoServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Runs scripts/serveWorkbench.ts as `npm run demo` does, on a free port, and reads the URL it prints. */
export async function startDemoServer(): Promise<DemoServer> {
  // tsx as a loader keeps the server in this one child process, so stopping the child stops the server.
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/serveWorkbench.ts', '--port', '0'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`The server printed no URL in 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Workbench: (http:\/\/localhost:\d+\/)$/m.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`The server exited with ${code}:\n${output}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    stop: () => {
      child.kill();
      return exited;
    },
  };
}

/** What went wrong on the page: uncaught errors, console errors (CSP refusals among them) and dialogs. */
export interface PageProblems {
  readonly errors: string[];
  readonly dialogs: string[];
}

export function watchPage(page: Page): PageProblems {
  const problems: PageProblems = { errors: [], dialogs: [] };
  page.on('pageerror', (error) => problems.errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(`console: ${message.text()}`);
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return problems;
}

export async function saveScreenshot(name: string, shoot: (file: string) => Promise<unknown>): Promise<void> {
  await fs.mkdir(ARTIFACTS, { recursive: true });
  await shoot(path.join(ARTIFACTS, name));
}
