import { backoffRetries, DEFAULT_PAGE_RETRY, retryScheduleProblem, worstCaseRetrySeconds } from '../../src/incident/delivery-retry';
import { describeWithRunbook, isRunbookBaseUrl, runbookPath, runbookUrl } from '../../src/incident/runbook-link';

describe('delivery retry arithmetic', () => {
  test('the default: 8 backoff retries, at most 2·1 + (10 + 8)·60 = 1,082 s, accepted', () => {
    expect(backoffRetries(DEFAULT_PAGE_RETRY)).toBe(8);
    expect(worstCaseRetrySeconds(DEFAULT_PAGE_RETRY)).toBe(1082);
    expect(retryScheduleProblem(DEFAULT_PAGE_RETRY)).toBeUndefined();
  });

  test('exactly 3,600 s passes, one second more does not', () => {
    const base = { numRetries: 60, numNoDelayRetries: 0, numMinDelayRetries: 0, numMaxDelayRetries: 60, minDelaySeconds: 1, maxDelaySeconds: 60 };
    expect(worstCaseRetrySeconds(base)).toBe(3600);
    expect(retryScheduleProblem(base)).toBeUndefined();
    expect(retryScheduleProblem({ ...base, numRetries: 61, numMinDelayRetries: 1 })).toMatch(/up to 3601 s/);
  });

  test('limits: 100 retries, whole counts, min delay at least 1 s, max at least min', () => {
    const ok = DEFAULT_PAGE_RETRY;
    expect(retryScheduleProblem({ ...ok, numRetries: 101 })).toMatch(/at most 100/);
    expect(retryScheduleProblem({ ...ok, numNoDelayRetries: 1.5 })).toMatch(/whole numbers/);
    expect(retryScheduleProblem({ ...ok, minDelaySeconds: 0 })).toMatch(/minDelay of at least 1/);
    expect(retryScheduleProblem({ ...ok, maxDelaySeconds: 0.5, minDelaySeconds: 1 })).toMatch(/maxDelay/);
  });
});

describe('runbook links', () => {
  test('path and URL: <base>/<stack>/<logical id>.md, one slash between', () => {
    expect(runbookPath('Checkout', 'SlosPageAlarm1A2B')).toBe('Checkout/SlosPageAlarm1A2B.md');
    expect(runbookUrl('https://rb.example.com/x/', 'Checkout', 'Id')).toBe('https://rb.example.com/x/Checkout/Id.md');
    expect(runbookUrl('https://rb.example.com', 'My Stack', 'Id')).toBe('https://rb.example.com/My%20Stack/Id.md');
  });

  test('appended once; a description that already links a runbook is kept', () => {
    expect(describeWithRunbook('Checkout burns', 'https://r/x.md')).toBe('Checkout burns Runbook: https://r/x.md');
    expect(describeWithRunbook(undefined, 'https://r/x.md')).toBe('Runbook: https://r/x.md');
    expect(describeWithRunbook('Fires. Runbook: https://old', 'https://r/x.md')).toBe('Fires. Runbook: https://old');
  });

  test('a long description is cut to 1,024 characters, the link kept whole', () => {
    const text = describeWithRunbook('x'.repeat(2000), 'https://r/x.md');
    expect(text.length).toBe(1024);
    expect(text.endsWith('… Runbook: https://r/x.md')).toBe(true);
  });

  test('base URLs: https with a host only', () => {
    expect(isRunbookBaseUrl('https://runbooks.example.com/checkout')).toBe(true);
    expect(isRunbookBaseUrl('http://runbooks.example.com')).toBe(false);
    expect(isRunbookBaseUrl('https://')).toBe(false);
  });
});
