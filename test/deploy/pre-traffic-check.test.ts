import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

interface CheckResult { readonly ok: boolean; readonly detail: string }
type Handler = (event: unknown) => Promise<{ hookStatus: string }>;
interface DescribeInput { Filters: Array<{ Name: string; Values: string[] }>; NextToken?: string }
interface DescribeOutput { NetworkInterfaces?: Array<{ PrivateIpAddress?: string }>; NextToken?: string }
interface HookModule {
  handler: Handler;
  makeHandler(deps: { discoverAddresses(loadBalancerArn: string): Promise<string[]> }): Handler;
  checkHealth(options: {
    url: string; expectedStatus?: string; attempts?: number; timeoutMs?: number; addresses?: string[]; insecureTls?: boolean;
  }): Promise<CheckResult>;
  parseExpectedStatus(spec: string | undefined): (status: number) => boolean;
  discoverLoadBalancerAddresses(arn: string, describe: (input: DescribeInput) => Promise<DescribeOutput>): Promise<string[]>;
  eniDescriptionOf(arn: string): string;
}

// The Lambda asset is plain JS (shipped as is); the test runs that very file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hook = require('../../src/deploy/pre-traffic-check/index.js') as HookModule;

/** A real HTTP server on `host` (127.0.0.1 by default) whose answers the test scripts, one status per call. */
async function startServer(statuses: number[], delayMs = 0, host = '127.0.0.1', port = 0): Promise<{
  url: string; port: number; calls: string[]; hosts: string[]; close(): Promise<void>;
}> {
  const calls: string[] = [];
  const hosts: string[] = [];
  const server = http.createServer((request, response) => {
    calls.push(request.url ?? '');
    hosts.push(request.headers.host ?? '');
    const status = statuses[Math.min(calls.length - 1, statuses.length - 1)];
    setTimeout(() => {
      response.writeHead(status, { 'content-type': 'text/plain' });
      response.end(`status ${status}`);
    }, delayMs);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${bound}/health`,
    port: bound,
    calls,
    hosts,
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

/** An ALB ARN and the network-interface description Elastic Load Balancing gives its nodes. */
const ALB_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/Servi-Alb16-AbCd/50dc6c495c0c9188';
/** A DNS name that resolves nowhere (.test is reserved): a call that used it would fail. */
const ALB_DNS = 'servi-alb16-abcd-1234567890.eu-west-1.elb.amazonaws.test';

describe('pre-traffic check: calls the load balancer nodes at their private addresses', () => {
  const savedEnv = { ...process.env };
  let log: jest.SpyInstance;
  beforeEach(() => {
    log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => {
    process.env = { ...savedEnv };
    log.mockRestore();
  });

  test('the network-interface description is "ELB " + the load balancer full name (app/<name>/<id>)', () => {
    expect(hook.eniDescriptionOf(ALB_ARN)).toBe('ELB app/Servi-Alb16-AbCd/50dc6c495c0c9188');
    expect(() => hook.eniDescriptionOf('arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/net/nlb/1'))
      .toThrow('LOAD_BALANCER_ARN must be an Application Load Balancer ARN');
  });

  test('discovery asks EC2 for in-use interfaces with that description, follows pages, and returns each private address once', async () => {
    const inputs: DescribeInput[] = [];
    const pages: DescribeOutput[] = [
      { NetworkInterfaces: [{ PrivateIpAddress: '10.0.2.17' }, { PrivateIpAddress: '10.0.1.5' }], NextToken: 'page-2' },
      { NetworkInterfaces: [{ PrivateIpAddress: '10.0.1.5' }, {}] },
    ];
    const addresses = await hook.discoverLoadBalancerAddresses(ALB_ARN, async (input) => {
      inputs.push(input);
      return pages[inputs.length - 1];
    });
    expect(addresses).toEqual(['10.0.1.5', '10.0.2.17']);
    expect(inputs).toEqual([
      { Filters: [{ Name: 'description', Values: ['ELB app/Servi-Alb16-AbCd/50dc6c495c0c9188'] }, { Name: 'status', Values: ['in-use'] }], NextToken: undefined },
      { Filters: [{ Name: 'description', Values: ['ELB app/Servi-Alb16-AbCd/50dc6c495c0c9188'] }, { Name: 'status', Values: ['in-use'] }], NextToken: 'page-2' },
    ]);
  });

  test('the handler calls the discovered address with the DNS name as Host, never resolving the name', async () => {
    const server = await startServer([200]);
    try {
      process.env.CHECK_URL = `http://${ALB_DNS}:${server.port}/health`;
      process.env.LOAD_BALANCER_ARN = ALB_ARN;
      const asked: string[] = [];
      const handler = hook.makeHandler({ discoverAddresses: async (arn) => { asked.push(arn); return ['127.0.0.1']; } });
      expect(await handler({ lifecycleStage: 'POST_TEST_TRAFFIC_SHIFT' })).toEqual({ hookStatus: 'SUCCEEDED' });
      expect(asked).toEqual([ALB_ARN]);
      expect(server.calls).toEqual(['/health', '/health', '/health']);
      expect(server.hosts).toEqual(Array(3).fill(`${ALB_DNS}:${server.port}`));
      expect(JSON.parse(log.mock.calls[0][0] as string)).toMatchObject({ ok: true, addresses: ['127.0.0.1'] });
    } finally {
      await server.close();
    }
  });

  test('with several load balancer nodes the three calls go round the nodes, and all must succeed', async () => {
    const first = await startServer([200]);
    const second = await startServer([200], 0, '127.0.0.2', first.port);
    try {
      const ok = await hook.checkHealth({ url: `http://${ALB_DNS}:${first.port}/health`, attempts: 3, addresses: ['127.0.0.1', '127.0.0.2'] });
      expect(ok).toEqual({ ok: true, detail: '3 of 3 calls answered with an expected status over 2 load balancer node(s)' });
      expect([first.calls.length, second.calls.length]).toEqual([2, 1]);
    } finally {
      await first.close();
      await second.close();
    }
    const healthy = await startServer([200]);
    const broken = await startServer([503], 0, '127.0.0.2', healthy.port);
    try {
      const result = await hook.checkHealth({ url: `http://${ALB_DNS}:${healthy.port}/health`, attempts: 3, addresses: ['127.0.0.1', '127.0.0.2'] });
      expect(result).toEqual({ ok: false, detail: 'attempt 2 (127.0.0.2): status 503' });
    } finally {
      await healthy.close();
      await broken.close();
    }
  });

  test('fails when the load balancer has no network interface, or discovery fails', async () => {
    process.env.CHECK_URL = `http://${ALB_DNS}:9000/health`;
    process.env.LOAD_BALANCER_ARN = ALB_ARN;
    expect(await hook.makeHandler({ discoverAddresses: async () => [] })({})).toEqual({ hookStatus: 'FAILED' });
    expect(JSON.parse(log.mock.calls[0][0] as string).detail).toBe('the load balancer has no network interface to call');
    const denied = hook.makeHandler({ discoverAddresses: async () => { throw new Error('UnauthorizedOperation'); } });
    expect(await denied({})).toEqual({ hookStatus: 'FAILED' });
    expect(JSON.parse(log.mock.calls[1][0] as string).detail).toBe('check could not run: UnauthorizedOperation');
  });

  test('over HTTPS the TLS server name (SNI) is the DNS name, so the listener presents its certificate', async () => {
    // A throw-away self-signed certificate for a local HTTPS listener.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hook-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=checkout.example.test', '-days', '1',
      '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
    const serverNames: Array<string | false> = [];
    const server = https.createServer({ key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) },
      (request, response) => {
        serverNames.push((request.socket as unknown as { servername: string | false }).servername);
        response.writeHead(200).end('ok');
      });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const result = await hook.checkHealth({ url: `https://${ALB_DNS}:${port}/health`, attempts: 1, addresses: ['127.0.0.1'], insecureTls: true });
      expect(result.ok).toBe(true);
      expect(serverNames).toEqual([ALB_DNS]);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
