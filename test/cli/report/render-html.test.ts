import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { renderHtml } from '../../../src/cli/report/render-html';
import { launchChromium } from '../browser';
import { sampleReport } from './sample-report';

describe('renderHtml (pure)', () => {
  const html = renderHtml(sampleReport());

  test('is self-contained: no external script, stylesheet, image or link', () => {
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('<style>');
    expect(html).toContain('<script>');
  });

  test('escapes every text from the assembly', () => {
    const report = sampleReport();
    const evil = { ...report.findings[0], description: '<img src=x onerror=alert(1)>', constructPath: 'App/"><script>alert(2)</script>' };
    const out = renderHtml({ ...report, findings: [evil] });
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('App/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(out).not.toContain('<img src=x');
    expect(out).not.toContain('<script>alert(2)');
  });

  test('one row per finding, tagged with pack, severity and status for the filters', () => {
    expect(html.match(/<tr class="finding/g)).toHaveLength(7);
    expect(html).toContain('data-pack="NIST.800.53.R5" data-severity="error" data-status="open"');
    expect(html).toContain('data-pack="AwsSolutions" data-severity="n/a" data-status="acknowledged"');
    expect(html).toContain('Reason: Logs go to the org trail bucket &lt;checked&gt;');
    expect(html).toContain('Fix: fix AwsSolutions-S10');
  });

  test('sections: SLO thresholds without float noise, DR, chaos stop conditions, rollback alarms', () => {
    expect(html).toContain('PAGE 1 h / 5 min at 14.4× → error ratio &gt; 0.0144');
    expect(html).toContain('$0.90');
    expect(html).toContain('<td>Region</td><td>4 h</td><td>1 h</td>');
    expect(html).toContain('Stop &lt;tasks&gt;');
    expect(html).toContain('<li>latency-high</li>');
    expect(html).toContain('<td>roll back</td>');
  });

  test('summary: a pack that did not run, or may not have, reads "not run" / "unknown", never 0 open', () => {
    const out = renderHtml({
      ...sampleReport(),
      packs: [
        { pack: 'HIPAA.Security', ran: false, open: {}, openTotal: 0, acknowledged: 2 },
        { pack: 'PCI.DSS.321', ran: null, open: {}, openTotal: 0, acknowledged: 1 },
      ],
    });
    expect(out).toContain('<tr><td>HIPAA.Security</td><td>not run</td><td>–</td><td>–</td><td>2</td></tr>');
    expect(out).toContain('<tr><td>PCI.DSS.321</td><td>unknown</td><td>–</td><td>–</td><td>1</td></tr>');
    expect(html).toContain('<tr><td>AwsSolutions</td><td>ran</td><td>2</td><td>error: 1, warning: 1</td><td>1</td></tr>');
  });

  test('says so when no compliance plugin ran', () => {
    expect(html).not.toContain('no-validation-report');
    expect(renderHtml({ ...sampleReport(), validationReportFound: false, findings: [], packs: [] })).toContain('id="no-validation-report"');
  });
});

describe('renderHtml in headless Chromium', () => {
  let browser: Browser;
  let page: Page;
  const externalRequests: string[] = [];

  beforeAll(async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-reliability-html-')), 'report.html');
    fs.writeFileSync(file, renderHtml(sampleReport()));
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (request) => { if (!request.url().startsWith('file:')) externalRequests.push(request.url()); });
    await page.goto(`file://${file}`);
  });
  afterAll(async () => { await browser?.close(); });

  const visibleRows = () => page.locator('tr.finding:visible').count();
  const visibleRules = () => page.locator('tr.finding:visible td:nth-child(2)').allTextContents();
  const toggle = (filter: string, value: string) => page.locator(`input[data-filter="${filter}"][value="${value}"]`).click();

  test('loads nothing from outside the file', () => {
    expect(externalRequests).toEqual([]);
  });

  test('every finding is visible at first and the count says so', async () => {
    expect(await visibleRows()).toBe(7);
    expect(await page.locator('#visible-count').textContent()).toBe('7');
  });

  test('unticking a pack hides its rows; ticking it again shows them', async () => {
    await toggle('pack', 'NIST.800.53.R5');
    expect(await visibleRows()).toBe(5);
    expect((await visibleRules()).some((r) => r.startsWith('NIST'))).toBe(false);
    expect(await page.locator('#visible-count').textContent()).toBe('5');
    await toggle('pack', 'NIST.800.53.R5');
    expect(await visibleRows()).toBe(7);
  });

  test('severity filter combines with the pack filter', async () => {
    await toggle('severity', 'error');
    expect(await visibleRules()).toEqual(['AwsSolutions-SQS3', 'F3003', 'ReliabilityChecks-EcsServiceCircuitBreaker', 'AwsSolutions-S1']);
    await toggle('pack', 'AwsSolutions');
    expect(await visibleRules()).toEqual(['F3003', 'ReliabilityChecks-EcsServiceCircuitBreaker']);
    await toggle('severity', 'error');
    await toggle('pack', 'AwsSolutions');
    expect(await visibleRows()).toBe(7);
  });

  test('status filter shows only the acknowledged findings with their reasons', async () => {
    await toggle('status', 'open');
    expect(await visibleRules()).toEqual(['AwsSolutions-S1']);
    expect(await page.locator('tr.finding:visible .reason').textContent()).toBe('Reason: Logs go to the org trail bucket <checked>');
    await toggle('status', 'open');
  });
});
