import { promises as fs } from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONTENT_SECURITY_POLICY, DEFAULT_PORT, requestedPort, startWorkbenchServer, WorkbenchServer } from '../../scripts/serveWorkbench';

interface Answer {
  readonly status: number;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
}

/** A raw request: the path goes out exactly as written, so "../" is not tidied away as fetch would. */
function request(port: number, rawPath: string, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

describe('serveWorkbench', () => {
  let dir: string;
  let server: WorkbenchServer;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'workbench-server-'));
    const root = path.join(dir, 'workbench');
    await fs.mkdir(root);
    await fs.writeFile(path.join(root, 'index.html'), '<!doctype html><title>workbench</title>');
    await fs.writeFile(path.join(root, 'workbench.js'), 'console.log(1);');
    await fs.writeFile(path.join(root, 'taskpane.css'), 'body {}');
    await fs.writeFile(path.join(root, 'sample-capacity.xlsx'), 'PK');
    await fs.writeFile(path.join(root, 'notes.unknown'), 'x');
    await fs.writeFile(path.join(dir, 'secret.txt'), 'not for the browser');
    await fs.symlink(path.join(dir, 'secret.txt'), path.join(root, 'link.txt'));
    server = await startWorkbenchServer(root, 0);
  });

  afterAll(async () => {
    await server?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('serves index.html for / with the page’s Content-Security-Policy', async () => {
    const answer = await request(server.port, '/');
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(answer.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.body).toContain('<title>workbench</title>');
  });

  it.each([
    ['/workbench.js', 'text/javascript; charset=utf-8'],
    ['/taskpane.css', 'text/css; charset=utf-8'],
    ['/sample-capacity.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['/notes.unknown', 'application/octet-stream'],
  ])('serves %s as %s', async (file, type) => {
    const answer = await request(server.port, file);
    expect([answer.status, answer.headers['content-type']]).toEqual([200, type]);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/link.txt', '/missing.js', '/%E0%A4%A', '/index.html%00.js'])(
    'answers 404 for %s, which is missing or outside dist/workbench',
    async (rawPath) => {
      const answer = await request(server.port, rawPath);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('not for the browser');
    },
  );

  it('refuses methods other than GET and HEAD', async () => {
    const answer = await request(server.port, '/', 'POST');
    expect([answer.status, answer.headers.allow]).toEqual([405, 'GET, HEAD']);
  });

  it('falls back to a free port when the one asked for is taken', async () => {
    const second = await startWorkbenchServer(path.join(dir, 'workbench'), server.port);
    try {
      expect([second.fellBack, second.port === server.port]).toEqual([true, false]);
      expect(second.url).toBe(`http://localhost:${second.port}/`);
      expect((await request(second.port, '/')).status).toBe(200);
    } finally {
      await second.close();
    }
  });
});

describe('requestedPort', () => {
  it('takes --port N or --port=N before PORT, and 8080 when neither is given', () => {
    expect(requestedPort(['--port', '9001'], { PORT: '9002' })).toBe(9001);
    expect(requestedPort(['--port=9003'], {})).toBe(9003);
    expect(requestedPort([], { PORT: '9002' })).toBe(9002);
    expect(requestedPort([], {})).toBe(DEFAULT_PORT);
  });

  it('refuses what is not a port', () => {
    expect(() => requestedPort(['--port', 'eighty'], {})).toThrow('Not a port: "eighty"');
    expect(() => requestedPort([], { PORT: '70000' })).toThrow('Not a port');
  });
});
