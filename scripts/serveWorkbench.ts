/**
 * Serves the built workbench (dist/workbench) on localhost: `npm run demo`, or
 * `tsx scripts/serveWorkbench.ts [--port N]` after `npm run build:workbench`. Port: --port, else PORT,
 * else 8080; a free port when that one is taken.
 */
import { createReadStream, promises as fs } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';

export const DEFAULT_PORT = 8080;
/** Loopback only: the workbench is for the person at this machine. */
const HOST = '127.0.0.1';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The page's policy, also sent as a header: scripts only from this origin, no eval, no plugins, no framing. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";

export interface WorkbenchServer {
  readonly port: number;
  /** http://localhost:PORT/ */
  readonly url: string;
  /** True when the port asked for was taken and a free one was used instead. */
  readonly fellBack: boolean;
  close(): Promise<void>;
}

/** Starts serving the files under `root`, and nothing outside it, on `port` or a free one if that is taken. */
export async function startWorkbenchServer(root: string, port = DEFAULT_PORT): Promise<WorkbenchServer> {
  const realRoot = await fs.realpath(root);
  const server = http.createServer((request, response) => {
    serveFile(realRoot, request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'Internal error');
      else response.destroy();
    });
  });
  let fellBack = false;
  const listening = await listen(server, port).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' || port === 0) throw error;
    fellBack = true;
    return listen(server, 0);
  });
  return {
    port: listening,
    url: `http://localhost:${listening}/`,
    fellBack,
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}

function listen(server: http.Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

async function serveFile(root: string, request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return send(response, 405, 'Method not allowed');
  }
  const file = await resolveUnder(root, request.url ?? '/');
  if (file === undefined) return send(response, 404, 'Not found');
  const stat = await fs.stat(file).catch(() => undefined);
  if (stat === undefined || !stat.isFile()) return send(response, 404, 'Not found');
  response.writeHead(200, {
    ...securityHeaders(),
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
  });
  if (request.method === 'HEAD') return void response.end();
  createReadStream(file).pipe(response);
}

/** The file a URL names under `root`, or undefined for anything that would leave it (../, encoded or through links). */
async function resolveUnder(root: string, url: string): Promise<string | undefined> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    return undefined;
  }
  if (pathname.includes('\0')) return undefined;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const candidate = path.resolve(root, `.${pathname}`);
  if (!isInside(root, candidate)) return undefined;
  const real = await fs.realpath(candidate).catch(() => undefined);
  return real !== undefined && isInside(root, real) ? real : undefined;
}

function isInside(root: string, file: string): boolean {
  return file.startsWith(root + path.sep);
}

function securityHeaders(): Record<string, string> {
  return { 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-cache' };
}

function send(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

/** The port asked for: `--port N` or `--port=N`, else PORT, else 8080. */
export function requestedPort(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const index = argv.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
  const text = index < 0 ? env.PORT : argv[index].includes('=') ? argv[index].slice('--port='.length) : argv[index + 1];
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`Not a port: "${text}"`);
  return port;
}

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', 'dist', 'workbench');
  if (!(await fs.stat(path.join(root, 'index.html')).catch(() => undefined))) {
    throw new Error('dist/workbench is not built: run `npm run build:workbench` first (or `npm run demo`)');
  }
  const port = requestedPort(process.argv.slice(2), process.env);
  const server = await startWorkbenchServer(root, port);
  if (server.fellBack) process.stderr.write(`Port ${port} is in use; serving on ${server.port} instead.\n`);
  process.stdout.write(`Workbench: ${server.url}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  });
}
