/**
 * Composite alarm rules (`AlarmRule` of `AWS::CloudWatch::CompositeAlarm`):
 * `ALARM(x)`, `OK(x)`, `INSUFFICIENT_DATA(x)`, `TRUE`, `FALSE`, `NOT`, `AND`, `OR`, parentheses, and
 * `AT_LEAST(n | n%, [NOT] STATE, (x, y, ...))`. An alarm is named by name or ARN, quoted or not.
 *
 * Precedence: NOT binds tightest, then AND, then OR. The CloudWatch documentation does not state it;
 * this is the usual boolean precedence, and aws-cdk-lib's AlarmRule always writes parentheses, so
 * rules synthesized by the CDK do not depend on it.
 */
import { AlarmModelError } from './errors';
import type { AlarmState } from './types';

export type RuleNode =
  | { readonly type: 'const'; readonly value: boolean }
  | { readonly type: 'state'; readonly state: AlarmState; readonly ref: string }
  | { readonly type: 'not'; readonly operand: RuleNode }
  | { readonly type: 'and' | 'or'; readonly left: RuleNode; readonly right: RuleNode }
  | {
    readonly type: 'atLeast';
    readonly count?: number;
    readonly percent?: number;
    readonly negate: boolean;
    readonly state: AlarmState;
    readonly refs: readonly string[];
  };

const STATES: readonly AlarmState[] = ['ALARM', 'OK', 'INSUFFICIENT_DATA'];

export function parseAlarmRule(rule: string, owner: string): RuleNode {
  return new RuleParser(rule, owner).parse();
}

/** Every alarm reference in the rule, in order of appearance (duplicates removed). */
export function ruleReferences(node: RuleNode): string[] {
  const out: string[] = [];
  const walk = (n: RuleNode): void => {
    if (n.type === 'state') {out.push(n.ref);} else if (n.type === 'atLeast') {out.push(...n.refs);} else if (n.type === 'not') {walk(n.operand);} else if (n.type === 'and' || n.type === 'or') { walk(n.left); walk(n.right); }
  };
  walk(node);
  return [...new Set(out)];
}

/** Evaluates a rule given the current state of each referenced alarm. */
export function evaluateAlarmRule(node: RuleNode, stateOf: (ref: string) => AlarmState): boolean {
  switch (node.type) {
    case 'const': return node.value;
    case 'state': return stateOf(node.ref) === node.state;
    case 'not': return !evaluateAlarmRule(node.operand, stateOf);
    case 'and': return evaluateAlarmRule(node.left, stateOf) && evaluateAlarmRule(node.right, stateOf);
    case 'or': return evaluateAlarmRule(node.left, stateOf) || evaluateAlarmRule(node.right, stateOf);
    case 'atLeast': {
      let matching = 0;
      for (const ref of node.refs) if ((stateOf(ref) === node.state) !== node.negate) matching++;
      const needed = node.count ?? Math.ceil(((node.percent ?? 0) / 100) * node.refs.length);
      return matching >= needed;
    }
  }
}

class RuleParser {
  private pos = 0;
  constructor(private readonly text: string, private readonly owner: string) {}

  parse(): RuleNode {
    this.skipSpace();
    if (this.pos >= this.text.length) throw this.error('the rule is empty');
    const node = this.parseOr();
    this.skipSpace();
    if (this.pos < this.text.length) throw this.error(`unexpected '${this.text.slice(this.pos, this.pos + 20)}'`);
    return node;
  }

  private error(what: string): AlarmModelError {
    return new AlarmModelError(`${this.owner}: AlarmRule syntax error at position ${this.pos + 1}: ${what} (rule: ${this.text})`);
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
  }

  /** Consumes `word` if it comes next as a whole word. */
  private word(word: string): boolean {
    this.skipSpace();
    if (!this.text.startsWith(word, this.pos)) return false;
    const after = this.text[this.pos + word.length];
    if (after !== undefined && /[A-Za-z0-9_]/.test(after)) return false;
    this.pos += word.length;
    return true;
  }

  private char(c: string): boolean {
    this.skipSpace();
    if (this.text[this.pos] !== c) return false;
    this.pos++;
    return true;
  }

  private expect(c: string): void {
    if (!this.char(c)) throw this.error(`expected '${c}'`);
  }

  private parseOr(): RuleNode {
    let left = this.parseAnd();
    while (this.word('OR')) left = { type: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): RuleNode {
    let left = this.parseNot();
    while (this.word('AND')) left = { type: 'and', left, right: this.parseNot() };
    return left;
  }

  private parseNot(): RuleNode {
    if (this.word('NOT')) return { type: 'not', operand: this.parseNot() };
    return this.parsePrimary();
  }

  private parsePrimary(): RuleNode {
    if (this.char('(')) {
      const inner = this.parseOr();
      this.expect(')');
      return inner;
    }
    if (this.word('TRUE')) return { type: 'const', value: true };
    if (this.word('FALSE')) return { type: 'const', value: false };
    if (this.word('AT_LEAST')) return this.parseAtLeast();
    for (const state of STATES) {
      if (this.word(state)) {
        this.expect('(');
        const ref = this.parseRef();
        this.expect(')');
        return { type: 'state', state, ref };
      }
    }
    this.skipSpace();
    if (this.pos >= this.text.length) throw this.error('the rule ends where an operand was expected');
    const word = /^[^\s()]+/.exec(this.text.slice(this.pos))?.[0] ?? this.text[this.pos];
    throw this.error(`expected ALARM(...), OK(...), INSUFFICIENT_DATA(...), AT_LEAST(...), TRUE, FALSE, NOT or '(' but found '${word}'`);
  }

  /** An alarm name or ARN: quoted, or everything up to the next `)` or `,`. */
  private parseRef(): string {
    this.skipSpace();
    if (this.text[this.pos] === '"') {
      const end = this.text.indexOf('"', this.pos + 1);
      if (end < 0) throw this.error('unterminated quoted alarm name');
      const ref = this.text.slice(this.pos + 1, end);
      this.pos = end + 1;
      if (!ref) throw this.error('empty alarm name');
      return ref;
    }
    const match = /^[^),]*/.exec(this.text.slice(this.pos))![0];
    const ref = match.trim();
    if (!ref) throw this.error('empty alarm name');
    this.pos += match.length;
    return ref;
  }

  private parseAtLeast(): RuleNode {
    this.expect('(');
    this.skipSpace();
    const threshold = /^(\d+(?:\.\d+)?)(%?)/.exec(this.text.slice(this.pos));
    if (!threshold) throw this.error('AT_LEAST needs a count or a percentage first');
    this.pos += threshold[0].length;
    this.expect(',');
    const negate = this.word('NOT');
    const state = STATES.find((s) => this.word(s));
    if (!state) throw this.error('AT_LEAST needs ALARM, OK or INSUFFICIENT_DATA as its second argument');
    this.expect(',');
    this.expect('(');
    const refs = [this.parseRef()];
    while (this.char(',')) refs.push(this.parseRef());
    this.expect(')');
    this.expect(')');
    const value = Number(threshold[1]);
    return threshold[2] === '%'
      ? { type: 'atLeast', percent: value, negate, state, refs }
      : { type: 'atLeast', count: value, negate, state, refs };
  }
}
