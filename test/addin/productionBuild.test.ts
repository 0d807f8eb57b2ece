import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { validateManifest } from './validateManifest';

const ROOT = path.join(__dirname, '..', '..');
const WEBPACK = path.join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js');

function build(outputPath: string, baseUrl: string | undefined) {
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  if (baseUrl !== undefined) env.ADDIN_BASE_URL = baseUrl;
  return spawnSync(process.execPath, [WEBPACK, '--mode', 'production', '--output-path', outputPath], { cwd: ROOT, env, encoding: 'utf8' });
}

describe('npm run build (the production add-in)', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'addin-build-'));
  let result: ReturnType<typeof build>;
  beforeAll(() => {
    result = build(out, 'https://capacity.example.org/addin');
  }, 120_000);

  it('builds', () => {
    expect(result.status).toBe(0);
  });

  it('rewrites every manifest URL to the URL given at build time, leaving no localhost behind', () => {
    const manifest = fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(manifest).not.toContain('localhost');
    expect(manifest).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://capacity.example.org/addin/taskpane.html"/>');
    expect(manifest).toContain('<AppDomain>https://capacity.example.org/addin</AppDomain>');
  });

  it("writes a manifest that Microsoft's XSD schemas accept", async () => {
    expect(await validateManifest(fs.readFileSync(path.join(out, 'manifest.xml'), 'utf8'))).toEqual([]);
  });

  it('ships the page, icons and help the manifest points to, and no simulator code', () => {
    for (const file of ['taskpane.html', 'taskpane.js', 'taskpane.css', 'help.html', 'assets/icon-16.png', 'assets/icon-80.png']) {
      expect(fs.existsSync(path.join(out, file))).toBe(true);
    }
    const bundle = fs.readFileSync(path.join(out, 'taskpane.js'), 'utf8');
    expect(bundle).not.toMatch(/ExcelSimulator|coauthorEdit/);
  });

  it('keeps the task pane JavaScript within 300 KiB gzipped', () => {
    const gzipped = gzipSync(fs.readFileSync(path.join(out, 'taskpane.js')), { level: 9 }).length;
    expect(gzipped).toBeLessThan(300 * 1024);
  });

  it('uses no eval and no inline script, so the page runs under its Content-Security-Policy', () => {
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    expect(html).toMatch(/Content-Security-Policy[^>]*script-src 'self' https:\/\/appsforoffice\.microsoft\.com;/);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*\bsrc=)[^>]*>/);
    // zod probes for eval with `new Function("")` unless told it is jitless, which the pane's entry does.
    const bundle = fs.readFileSync(path.join(out, 'taskpane.js'), 'utf8').replace('try{return new Function(""),!0}', '');
    expect(bundle.match(/\beval\(|new Function\(/g) ?? []).toEqual([]);
    expect(fs.readFileSync(path.join(ROOT, 'src', 'taskpane', 'index.tsx'), 'utf8')).toContain('z.config({ jitless: true })');
  });

  it('contains no way to reach the network besides the page loading itself and Office.js', () => {
    const bundle = fs.readFileSync(path.join(out, 'taskpane.js'), 'utf8');
    const networkApis = ['fetch(', 'XMLHttpRequest', 'WebSocket', 'sendBeacon', 'EventSource(', 'importScripts', 'new Worker'];
    expect(networkApis.filter((api) => bundle.includes(api))).toEqual([]);
    const html = fs.readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const external = [...html.matchAll(/(?:src|href)="?(https?:[^"\s>]+)/g)].map((match) => match[1]);
    expect(external).toEqual(['https://appsforoffice.microsoft.com/lib/1/hosted/office.js']);
    expect(html).toMatch(/connect-src 'self'/);
  });

  it('is refused in one line naming ADDIN_BASE_URL, with exit code 2, when no production URL is given', () => {
    const refused = build(fs.mkdtempSync(path.join(os.tmpdir(), 'addin-build-')), undefined);
    expect(refused.status).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe('Set ADDIN_BASE_URL to the https URL the add-in is served from, e.g. ADDIN_BASE_URL=https://capacity.example.org/addin npm run build\n');
  }, 60_000);
});
