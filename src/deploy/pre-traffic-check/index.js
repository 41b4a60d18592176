'use strict';
/**
 * ECS deployment lifecycle hook: before production traffic moves, call the green tasks
 * through the test listener and fail the deployment (ECS rolls back) on a bad answer.
 *
 * Plain CommonJS with no dependencies so the asset is the same file in the source tree and
 * in the published package (lib/), and the tests run it unchanged against a local server.
 *
 * Configuration (environment):
 *   CHECK_URL          the test listener URL with the health path, e.g. http://internal-alb:8080/health
 *   EXPECTED_STATUS    accepted status codes, e.g. "200" or "200-299" or "200,204" (default 200-299)
 *   ATTEMPTS           how many calls must all succeed (default 3)
 *   TIMEOUT_MS         per-call timeout (default 5000)
 *   INSECURE_TLS       "true" to accept the listener's certificate without checking its name
 *                      (the test listener is reached by the load balancer's DNS name)
 */
const http = require('node:http');
const https = require('node:https');

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

/** One GET; resolves with the status code, or with an error message (never rejects). */
function callOnce(url, timeoutMs, insecureTls) {
  return new Promise((resolve) => {
    const target = new URL(url);
    const client = target.protocol === 'https:' ? https : http;
    const options = target.protocol === 'https:' && insecureTls ? { rejectUnauthorized: false } : {};
    const request = client.get(target, options, (response) => {
      response.resume(); // drain the body; only the status matters
      response.on('end', () => resolve({ status: response.statusCode }));
    });
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => resolve({ error: error.message }));
  });
}

/**
 * Calls `url` `attempts` times in a row; every answer must be an expected status.
 * Returns { ok, detail } with the first failure described, so the logs say why.
 */
async function checkHealth({ url, expectedStatus, attempts = 3, timeoutMs = 5000, insecureTls = false }) {
  const accepts = parseExpectedStatus(expectedStatus);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const result = await callOnce(url, timeoutMs, insecureTls);
    if (result.error) return { ok: false, detail: `attempt ${attempt}: ${result.error}` };
    if (!accepts(result.status)) return { ok: false, detail: `attempt ${attempt}: status ${result.status}` };
  }
  return { ok: true, detail: `${attempts} of ${attempts} calls answered with an expected status` };
}

/** The Lambda entry point: the answer ECS expects from a lifecycle hook. */
async function handler(event) {
  const env = process.env;
  let result;
  try {
    result = await checkHealth({
      url: env.CHECK_URL,
      expectedStatus: env.EXPECTED_STATUS,
      attempts: Number(env.ATTEMPTS || 3),
      timeoutMs: Number(env.TIMEOUT_MS || 5000),
      insecureTls: env.INSECURE_TLS === 'true',
    });
  } catch (error) {
    result = { ok: false, detail: `check could not run: ${error.message}` };
  }
  console.log(JSON.stringify({
    message: 'pre-traffic check',
    ok: result.ok,
    detail: result.detail,
    url: env.CHECK_URL,
    lifecycleStage: event && event.lifecycleStage,
    targetServiceRevisionArn: event && event.executionDetails && event.executionDetails.targetServiceRevisionArn,
  }));
  return { hookStatus: result.ok ? 'SUCCEEDED' : 'FAILED' };
}

module.exports = { handler, checkHealth, parseExpectedStatus };
