import { NagMessageLevel } from 'cdk-nag';
import { ReliabilityRule, Unresolved } from '../../src/nag/rule';

/**
 * The README rules table, rendered from the rules themselves so the docs cannot drift:
 * docs/reliability-checks.md must contain exactly this text (checked by a test).
 * Regenerate with: npx ts-node --project tsconfig.dev.json -e "console.log(require('./test/nag/rules-table').renderRulesTable(require('./src/nag/rules').RELIABILITY_RULES))"
 */
export function renderRulesTable(rules: readonly ReliabilityRule[]): string {
  const rows = rules.map((rule) => [
    `\`Reliability-${rule.name}\``,
    rule.level === NagMessageLevel.ERROR ? 'ERROR' : 'WARN',
    escape(rule.info),
    rule.bestPractice,
    escape(rule.fix),
    rule.whenUnresolved === Unresolved.UNKNOWN ? '`[Unresolved]`' : 'non-compliant',
  ]);
  return [
    '| Rule id | Level | What it flags | Well-Architected | How to fix | Unresolvable value |',
    '|---|---|---|---|---|---|',
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/\|/g, '\\|');
}
