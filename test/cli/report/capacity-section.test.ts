import { sampleReport } from './sample-report';
import { renderHtml } from '../../../src/cli/report/render-html';
import { renderMarkdown } from '../../../src/cli/report/render-markdown';

describe('the report\'s capacity section', () => {
  test('Markdown: bounds, targets, guardrails with their price; a service without guardrails says none', () => {
    const md = renderMarkdown(sampleReport());
    expect(md).toContain('## Capacity');
    expect(md).toContain('| App/Api/Service | 3 | 9 | CPU 60 %; 1000 requests per task per minute | ceiling: Api: running tasks at or above 80 % &lt;of&gt; the maximum | $0.10 |');
    expect(md).toContain('| App/Worker/Service | 1 | 4 | – | none | – |');
    expect(renderMarkdown({ ...sampleReport(), capacity: [] })).toContain('No scalable ECS service in the templates.');
  });

  test('HTML: the same rows, text escaped', () => {
    const html = renderHtml(sampleReport());
    const section = html.slice(html.indexOf('<table id="capacity">'));
    expect(section).toContain('<td><code>App/Api/Service</code></td><td>3</td><td>9</td><td><ul><li>CPU 60 %</li><li>1000 requests per task per minute</li></ul></td>');
    expect(section).toContain('ceiling: Api: running tasks at or above 80 % &lt;of&gt; the maximum');
    expect(section).toContain('<td><strong>none</strong></td><td>–</td>');
  });
});
