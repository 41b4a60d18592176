'use strict';
/**
 * ECS deployment lifecycle hook: before production traffic moves, call the green tasks
 * through the test listener and fail the deployment (ECS rolls back) on a bad answer.
 *
 * Plain CommonJS with no bundled dependencies, for any Node.js runtime from 18 on, so the asset
 * is the same file in the source tree and in the published package (lib/), and the tests run it
 * unchanged against a local server.
 *
 * Why it calls private addresses: the hook runs in private subnets, and the test listener admits
 * only the hook's security group. A security group reference matches the private addresses of the
 * group's members, never their public or Elastic IPs (Amazon VPC User Guide, "Security group
 * rules"). An internet-facing load balancer's DNS name resolves to public addresses, so a call by
 * name would leave through the NAT gateway with its Elastic IP as source and be dropped. The hook
 * therefore finds the load balancer's own network interfaces (EC2 DescribeNetworkInterfaces,
 * description "ELB app/<name>/<id>", as the Elastic Load Balancing User Guide shows to find a load
 * balancer's addresses) and calls their private IPs, with the Host header and TLS server name set
 * to the load balancer's DNS name. For an internal load balancer this is the same path DNS takes.
 *
 * Configuration (environment):
 *   CHECK_URL          the test listener URL by DNS name, e.g. http://my-alb-123.eu-west-1.elb.amazonaws.com:9000/health
 *                      (its host becomes the Host header and TLS server name; its port and path are called)
 *   LOAD_BALANCER_ARN  the load balancer whose network interfaces are called; without it CHECK_URL is called by name
 *   EXPECTED_STATUS    accepted status codes, e.g. "200" or "200-299" or "200,204" (default 200-299)
 *   ATTEMPTS           how many calls must all succeed, spread over the load balancer's nodes (default 3)
 *   TIMEOUT_MS         per-call timeout (default 5000)
 *   INSECURE_TLS       "true" to accept the listener's certificate without checking its name
 *                      (the certificate names the service's domain, not the load balancer's)
 */
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');

/** Parses "200", "200-299" or "200,204,301-302" into a predicate on a status code. */
function parseExpectedStatus(spec) {
  const ranges = String(spec || '200-299').split(',').map((part) => {
    const [low, high] = part.trim().split('-').map((n) => Number(n));
    if (!Number.isInteger(low) || (high !== undefined && !Number.isInteger(high))) {
      throw new Error(`EXPECTED_STATUS must look like 200, 200-299 or 200,204; got ${JSON.stringify(spec)}`);
    }
    return [low, high === undefined ? low : high];
  });
  return (status) => ranges.some(([low, high]) => status >= low && status <= high);
}

/** "ELB app/<name>/<id>": the description Elastic Load Balancing gives an ALB's network interfaces. */
function eniDescriptionOf(loadBalancerArn) {
  const match = /:loadbalancer\/(app\/[^/]+\/[^/]+)$/.exec(String(loadBalancerArn));
  if (!match) throw new Error(`LOAD_BALANCER_ARN must be an Application Load Balancer ARN; got ${JSON.stringify(loadBalancerArn)}`);
  return `ELB ${match[1]}`;
}

let ec2Client;
/** EC2 DescribeNetworkInterfaces through the AWS SDK for JavaScript v3 that Lambda's Node.js runtimes include. */
function describeNetworkInterfacesWithSdk(params) {
  // Loaded on first use only: the tests and a name-only check never need it.
  const { EC2Client, DescribeNetworkInterfacesCommand } = require('@aws-sdk/client-ec2');
  ec2Client = ec2Client || new EC2Client({});
  return ec2Client.send(new DescribeNetworkInterfacesCommand(params));
}

/**
 * The private IPv4 addresses of the load balancer's network interfaces (one per node), sorted.
 * `describeNetworkInterfaces` takes EC2 DescribeNetworkInterfaces input and returns its output.
 */
async function discoverLoadBalancerAddresses(loadBalancerArn, describeNetworkInterfaces = describeNetworkInterfacesWithSdk) {
  const description = eniDescriptionOf(loadBalancerArn);
  const addresses = new Set();
  let nextToken;
  do {
    const page = await describeNetworkInterfaces({
      Filters: [{ Name: 'description', Values: [description] }, { Name: 'status', Values: ['in-use'] }],
      NextToken: nextToken,
    });
    for (const eni of (page && page.NetworkInterfaces) || []) {
      if (eni.PrivateIpAddress) addresses.add(eni.PrivateIpAddress);
    }
    nextToken = page && page.NextToken;
  } while (nextToken);
  return [...addresses].sort();
}

/**
 * One GET of `url`, sent to `address` when given (Host header and TLS server name stay the
 * URL's host); resolves with the status code, or with an error message (never rejects).
 */
function callOnce(url, timeoutMs, insecureTls, address) {
  return new Promise((resolve) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const client = secure ? https : http;
    const options = {
      hostname: address || target.hostname,
      port: target.port || (secure ? 443 : 80),
      path: `${target.pathname}${target.search}`,
      method: 'GET',
      headers: { host: target.host },
    };
    if (secure) {
      // SNI selects the listener's certificate; an IP address is not a valid server name.
      if (net.isIP(target.hostname) === 0) options.servername = target.hostname;
      if (insecureTls) options.rejectUnauthorized = false;
    }
    const request = client.request(options, (response) => {
      response.resume(); // drain the body; only the status matters
      response.on('end', () => resolve({ status: response.statusCode }));
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ error: error.message }));
    request.end();
  });
}

/**
 * Calls `url` `attempts` times in a row, round-robin over `addresses` when given (the load
 * balancer's nodes); every answer must be an expected status.
 * Returns { ok, detail } with the first failure described, so the logs say why.
 */
async function checkHealth({ url, expectedStatus, attempts = 3, timeoutMs = 5000, insecureTls = false, addresses }) {
  const accepts = parseExpectedStatus(expectedStatus);
  if (addresses !== undefined && addresses.length === 0) {
    return { ok: false, detail: 'the load balancer has no network interface to call' };
  }
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const address = addresses ? addresses[(attempt - 1) % addresses.length] : undefined;
    const where = address ? ` (${address})` : '';
    const result = await callOnce(url, timeoutMs, insecureTls, address);
    if (result.error) return { ok: false, detail: `attempt ${attempt}${where}: ${result.error}` };
    if (!accepts(result.status)) return { ok: false, detail: `attempt ${attempt}${where}: status ${result.status}` };
  }
  const nodes = addresses ? ` over ${addresses.length} load balancer node(s)` : '';
  return { ok: true, detail: `${attempts} of ${attempts} calls answered with an expected status${nodes}` };
}

/**
 * Builds the Lambda entry point; `discoverAddresses(loadBalancerArn)` is injectable so tests run
 * the whole handler against a local server without AWS.
 */
function makeHandler({ discoverAddresses = discoverLoadBalancerAddresses } = {}) {
  return async function handler(event) {
    const env = process.env;
    let result;
    let addresses;
    try {
      addresses = env.LOAD_BALANCER_ARN ? await discoverAddresses(env.LOAD_BALANCER_ARN) : undefined;
      result = await checkHealth({
        url: env.CHECK_URL,
        expectedStatus: env.EXPECTED_STATUS,
        attempts: Number(env.ATTEMPTS || 3),
        timeoutMs: Number(env.TIMEOUT_MS || 5000),
        insecureTls: env.INSECURE_TLS === 'true',
        addresses,
      });
    } catch (error) {
      result = { ok: false, detail: `check could not run: ${error.message}` };
    }
    console.log(JSON.stringify({
      message: 'pre-traffic check',
      ok: result.ok,
      detail: result.detail,
      url: env.CHECK_URL,
      addresses,
      lifecycleStage: event && event.lifecycleStage,
      targetServiceRevisionArn: event && event.executionDetails && event.executionDetails.targetServiceRevisionArn,
    }));
    return { hookStatus: result.ok ? 'SUCCEEDED' : 'FAILED' };
  };
}

const handler = makeHandler();

module.exports = { handler, makeHandler, checkHealth, parseExpectedStatus, discoverLoadBalancerAddresses, eniDescriptionOf };
