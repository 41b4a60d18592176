import { MAX_ATTEMPTS, processContext } from '../../src/cli/cli-context';

describe('processContext', () => {
  test('CloudWatch clients retry throttled calls up to 6 attempts and use the given Region', async () => {
    const client = processContext().cloudWatchClient('eu-west-1');
    expect(MAX_ATTEMPTS).toBe(6);
    expect(await client.config.maxAttempts()).toBe(6);
    expect(await client.config.region()).toBe('eu-west-1');
  });

  test('now is the wall clock', () => {
    const before = Date.now();
    const now = processContext().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});
