import * as http from 'node:http';
import { AddressInfo } from 'node:net';

interface CheckResult { readonly ok: boolean; readonly detail: string }
interface HookModule {
  handler(event: unknown): Promise<{ hookStatus: string }>;
  checkHealth(options: { url: string; expectedStatus?: string; attempts?: number; timeoutMs?: number }): Promise<CheckResult>;
  parseExpectedStatus(spec: string | undefined): (status: number) => boolean;
}

// The Lambda asset is plain JS (shipped as is); the test runs that very file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hook = require('../../src/deploy/pre-traffic-check/index.js') as HookModule;

/** A real HTTP server on 127.0.0.1 whose answers the test scripts, one status per call. */
async function startServer(statuses: number[], delayMs = 0): Promise<{ url: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = [];
  const server = http.createServer((request, response) => {
    calls.push(request.url ?? '');
    const status = statuses[Math.min(calls.length - 1, statuses.length - 1)];
    setTimeout(() => {
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(`status ${status}`);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/health`,
    calls,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** A port on 127.0.0.1 that nothing listens on. */
async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/health`;
}

describe('pre-traffic check handler', () => {
  const savedEnv = { ...process.env };
  afterEach(() => {
    process.env = { ...savedEnv };
  });

  test('succeeds when every call to the health path answers 200', async () => {
    const server = await startServer([200]);
    try {
      const result = await hook.checkHealth({ url: server.url, attempts: 3 });
      expect(result).toEqual({ ok: true, detail: '3 of 3 calls answered with an expected status' });
      expect(server.calls).toEqual(['/health', '/health', '/health']);
    } finally {
      await server.close();
    }
  });

  test('fails on the first unexpected status and says which call', async () => {
    const server = await startServer([200, 503]);
    try {
      const result = await hook.checkHealth({ url: server.url, attempts: 3 });
      expect(result).toEqual({ ok: false, detail: 'attempt 2: status 503' });
      expect(server.calls).toHaveLength(2);
    } finally {
      await server.close();
    }
  });

  test('fails when the listener does not answer in time', async () => {
    const server = await startServer([200], 500);
    try {
      const result = await hook.checkHealth({ url: server.url, attempts: 1, timeoutMs: 100 });
      expect(result).toEqual({ ok: false, detail: 'attempt 1: no answer within 100 ms' });
    } finally {
      await server.close();
    }
  });

  test('fails when nothing listens on the test port', async () => {
    const result = await hook.checkHealth({ url: await closedPortUrl(), attempts: 1 });
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/^attempt 1: .*ECONNREFUSED/);
  });

  test('accepts the configured status ranges only', () => {
    const accepts = hook.parseExpectedStatus('200,301-302');
    expect([200, 301, 302].map(accepts)).toEqual([true, true, true]);
    expect([201, 300, 303, 500].map(accepts)).toEqual([false, false, false, false]);
    expect(() => hook.parseExpectedStatus('2xx')).toThrow('EXPECTED_STATUS must look like 200, 200-299 or 200,204; got "2xx"');
  });

  test('handler answers SUCCEEDED to ECS for a healthy green revision', async () => {
    const server = await startServer([204]);
    try {
      process.env.CHECK_URL = server.url;
      process.env.EXPECTED_STATUS = '200-299';
      process.env.ATTEMPTS = '2';
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      const answer = await hook.handler({ lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', executionDetails: { targetServiceRevisionArn: 'rev-1' } });
      expect(answer).toEqual({ hookStatus: 'SUCCEEDED' });
      expect(server.calls).toHaveLength(2);
      expect(JSON.parse(log.mock.calls[0][0] as string)).toMatchObject({ ok: true, lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT', targetServiceRevisionArn: 'rev-1' });
      log.mockRestore();
    } finally {
      await server.close();
    }
  });

  test('handler answers FAILED on a 500 and when misconfigured', async () => {
    const server = await startServer([500]);
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      process.env.CHECK_URL = server.url;
      delete process.env.EXPECTED_STATUS;
      expect(await hook.handler({})).toEqual({ hookStatus: 'FAILED' });
      process.env.CHECK_URL = 'not a url';
      expect(await hook.handler({})).toEqual({ hookStatus: 'FAILED' });
      expect(JSON.parse(log.mock.calls[1][0] as string).detail).toMatch(/^check could not run: /);
    } finally {
      log.mockRestore();
      await server.close();
    }
  });
});
