import { sampleReport } from './sample-report';
import { cell, renderMarkdown } from '../../../src/cli/report/render-markdown';

describe('renderMarkdown', () => {
  const md = renderMarkdown(sampleReport());

  test('headline counts open findings per severity and acknowledgements', () => {
    expect(md).toContain('**6 open findings (3 error, 2 warning, 1 info), 1 acknowledged**');
  });

  test('summary table per pack', () => {
    expect(md).toContain('| Pack | Status | Open | Open by severity | Acknowledged |');
    expect(md).toContain('| AwsSolutions | ran | 2 | error: 1, warning: 1 | 1 |');
    expect(md).toContain('| NIST.800.53.R5 | ran | 2 | error: 2 | 0 |');
  });

  test('a pack that did not run, or may not have, never reads as 0 open', () => {
    const report = {
      ...sampleReport(),
      packs: [
        { pack: 'HIPAA.Security', ran: false, open: {}, openTotal: 0, acknowledged: 2 },
        { pack: 'PCI.DSS.321', ran: null, open: {}, openTotal: 0, acknowledged: 1 },
      ],
    };
    const rendered = renderMarkdown(report);
    expect(rendered).toContain('| HIPAA.Security | not run | – | – | 2 |');
    expect(rendered).toContain('| PCI.DSS.321 | unknown | – | – | 1 |');
    expect(rendered).toContain('"not run": not registered on the app');
    expect(renderMarkdown({ ...report, registeredPlugins: null })).toContain('so a pack not in the report is "unknown"');
  });

  test('findings grouped pack → rule → construct paths, with the suggested fix', () => {
    const nist = md.indexOf('### NIST.800.53.R5');
    const rule = md.indexOf('#### `NIST.800.53.R5-CloudWatchAlarmAction` (error)');
    const path = md.indexOf('- `App/Alarm/Resource`');
    expect(nist).toBeGreaterThan(0);
    expect(rule).toBeGreaterThan(nist);
    expect(path).toBeGreaterThan(rule);
    expect(md).toContain('Suggested fix: fix NIST.800.53.R5-CloudWatchAlarmAction');
  });

  test('acknowledged findings with their reasons, markup neutralised', () => {
    expect(md).toContain('| AwsSolutions | AwsSolutions-S1 | App/Bucket | Logs go to the org trail bucket &lt;checked&gt; |');
  });

  test('SLO, DR, chaos and rollback tables', () => {
    expect(md).toContain('| checkout | Availability | 99.9% | 30 d | PAGE 1 h / 5 min at 14.4× → 0.0144 | 3 | $0.90 |');
    expect(md).toContain('| critical | Critical | Region | 4 h | 1 h |');
    expect(md).toContain('| hourly | Hourly | cron(0 * * * ? *) | delete after 35 days | yes | arn:aws:backup:us-west-2:1:backup-vault:dr | table/orders |');
    expect(md).toContain('| Stop &lt;tasks&gt; | App/Chaos | Stop: aws:ecs:stop-task | Tasks: aws:ecs:task (ALL) | latency-high |');
    expect(md).toContain('| ECS service | checkout | App/Service | latency-high | roll back |');
  });

  test('empty sections say so', () => {
    const empty = renderMarkdown({
      ...sampleReport(),
      findings: [],
      packs: [],
      slos: [],
      chaosExperiments: [],
      rollbackAlarms: [],
      validationReportFound: false,
      disasterRecovery: { resiliencyPolicies: [], backupPlans: [], vaults: [], restoreTests: [] },
    });
    expect(empty).toContain('> No validation-report.json');
    expect(empty).toContain('No SLO metadata in the templates.');
    expect(empty).toContain('No FIS experiment template in the templates.');
    expect(empty).toContain('No deployment watches an alarm.');
  });

  test('table cells escape pipes and line breaks', () => {
    expect(cell('a|b\nc')).toBe('a\\|b<br>c');
  });
});
