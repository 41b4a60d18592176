/**
 * Parser for CloudWatch metric math expressions (tokenizer + recursive descent) — the subset an alarm
 * can sensibly use. Anything else is rejected with a message that names the function, so a user knows
 * the backtest could not model the alarm rather than getting a wrong answer.
 *
 * Precedence, lowest first: OR (`||`), AND (`&&`), comparisons, `+ -`, `* /`, unary minus, `^`
 * (right-associative). AWS does not publish a precedence table; this is the conventional one.
 */
import { AlarmModelError } from './errors';

export type MathNode =
  | { readonly type: 'number'; readonly value: number }
  | { readonly type: 'ref'; readonly id: string }
  | { readonly type: 'keyword'; readonly name: 'REPEAT' | 'LINEAR' }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'array'; readonly items: readonly MathNode[] }
  | { readonly type: 'unary'; readonly op: '-'; readonly operand: MathNode }
  | { readonly type: 'binary'; readonly op: BinaryOp; readonly left: MathNode; readonly right: MathNode }
  | { readonly type: 'call'; readonly name: string; readonly args: readonly MathNode[] };

export type BinaryOp = '+' | '-' | '*' | '/' | '^' | '>' | '<' | '>=' | '<=' | '==' | '!=' | 'AND' | 'OR';

/** Functions the model evaluates, with their argument counts. */
export const SUPPORTED_FUNCTIONS: Readonly<Record<string, { min: number; max: number }>> = {
  IF: { min: 2, max: 3 },
  FILL: { min: 2, max: 2 },
  SUM: { min: 1, max: 1 },
  AVG: { min: 1, max: 1 },
  MIN: { min: 1, max: 1 },
  MAX: { min: 1, max: 1 },
  ABS: { min: 1, max: 1 },
  CEIL: { min: 1, max: 1 },
  FLOOR: { min: 1, max: 1 },
  PERIOD: { min: 1, max: 1 },
  METRICS: { min: 0, max: 1 },
};

type Token =
  | { kind: 'num'; value: number; pos: number }
  | { kind: 'ident'; value: string; pos: number }
  | { kind: 'str'; value: string; pos: number }
  | { kind: 'op'; value: string; pos: number }
  | { kind: 'end'; pos: number };

const OPERATORS = ['>=', '<=', '==', '!=', '&&', '||', '+', '-', '*', '/', '^', '>', '<', '(', ')', '[', ']', ','];

/**
 * Parses one expression. `context` names the alarm and query for messages,
 * e.g. `alarm 'PageLong' (query e1)`.
 */
export function parseMathExpression(expression: string, context: string): MathNode {
  const parser = new Parser(tokenize(expression, context), expression, context);
  return parser.parseAll();
}

function tokenize(text: string, context: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) { i++; continue; }
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i));
    if (num) {
      tokens.push({ kind: 'num', value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    const ident = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i));
    if (ident) {
      tokens.push({ kind: 'ident', value: ident[0], pos: i });
      i += ident[0].length;
      continue;
    }
    if (c === '"' || c === '\u201c') {
      const close = text.slice(i + 1).search(/["\u201d]/);
      if (close < 0) throw syntaxError(text, context, i, 'unterminated string');
      tokens.push({ kind: 'str', value: text.slice(i + 1, i + 1 + close), pos: i });
      i += close + 2;
      continue;
    }
    const op = OPERATORS.find((o) => text.startsWith(o, i));
    if (!op) throw syntaxError(text, context, i, `unexpected character '${c}'`);
    tokens.push({ kind: 'op', value: op, pos: i });
    i += op.length;
  }
  tokens.push({ kind: 'end', pos: text.length });
  return tokens;
}

function syntaxError(text: string, context: string, pos: number, what: string): AlarmModelError {
  return new AlarmModelError(`metric math syntax error in expression "${text}" of ${context}: ${what} at position ${pos + 1}`);
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: Token[], private readonly text: string, private readonly context: string) {}

  parseAll(): MathNode {
    if (this.peek().kind === 'end') throw syntaxError(this.text, this.context, 0, 'empty expression');
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') throw syntaxError(this.text, this.context, next.pos, `unexpected ${describeToken(next)}`);
    return node;
  }

  private peek(): Token { return this.tokens[this.index]; }
  private next(): Token { return this.tokens[this.index++]; }

  private isOp(value: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.value === value;
  }
  private isWord(value: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.value === value;
  }
  private expectOp(value: string): void {
    const t = this.next();
    if (t.kind !== 'op' || t.value !== value) {
      throw syntaxError(this.text, this.context, t.pos, `expected '${value}' but found ${describeToken(t)}`);
    }
  }

  private parseOr(): MathNode {
    let left = this.parseAnd();
    while (this.isWord('OR') || this.isOp('||')) {
      this.next();
      left = { type: 'binary', op: 'OR', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): MathNode {
    let left = this.parseComparison();
    while (this.isWord('AND') || this.isOp('&&')) {
      this.next();
      left = { type: 'binary', op: 'AND', left, right: this.parseComparison() };
    }
    return left;
  }

  private parseComparison(): MathNode {
    let left = this.parseAdditive();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && ['>', '<', '>=', '<=', '==', '!='].includes(t.value)) {
        this.next();
        left = { type: 'binary', op: t.value as BinaryOp, left, right: this.parseAdditive() };
      } else {
        return left;
      }
    }
  }

  private parseAdditive(): MathNode {
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.next() as { value: string }).value as BinaryOp;
      left = { type: 'binary', op, left, right: this.parseMultiplicative() };
    }
    return left;
  }

  private parseMultiplicative(): MathNode {
    let left = this.parseUnary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = (this.next() as { value: string }).value as BinaryOp;
      left = { type: 'binary', op, left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): MathNode {
    if (this.isOp('-')) {
      this.next();
      return { type: 'unary', op: '-', operand: this.parseUnary() };
    }
    if (this.isOp('+')) {
      this.next();
      return this.parseUnary();
    }
    return this.parsePower();
  }

  private parsePower(): MathNode {
    const base = this.parsePrimary();
    if (this.isOp('^')) {
      this.next();
      // Right-associative, and binds tighter than a unary minus on its left: -2^2 = -4.
      return { type: 'binary', op: '^', left: base, right: this.parseUnary() };
    }
    return base;
  }

  private parsePrimary(): MathNode {
    const t = this.next();
    if (t.kind === 'num') return { type: 'number', value: t.value };
    if (t.kind === 'str') return { type: 'string', value: t.value };
    if (t.kind === 'op' && t.value === '(') {
      const inner = this.parseOr();
      this.expectOp(')');
      return inner;
    }
    if (t.kind === 'op' && t.value === '[') {
      const items: MathNode[] = [];
      if (!this.isOp(']')) {
        do { items.push(this.parseOr()); } while (this.isOp(',') && this.next());
      }
      this.expectOp(']');
      return { type: 'array', items };
    }
    if (t.kind === 'ident') {
      if (this.isOp('(')) return this.parseCall(t.value, t.pos);
      if (t.value === 'REPEAT' || t.value === 'LINEAR') return { type: 'keyword', name: t.value };
      if (!/^[a-z]/.test(t.value)) {
        throw syntaxError(this.text, this.context, t.pos, `unknown name '${t.value}' (query ids start with a lowercase letter)`);
      }
      return { type: 'ref', id: t.value };
    }
    throw syntaxError(this.text, this.context, t.pos, `unexpected ${describeToken(t)}`);
  }

  private parseCall(name: string, pos: number): MathNode {
    const arity = SUPPORTED_FUNCTIONS[name];
    if (!arity) {
      const known = Object.keys(SUPPORTED_FUNCTIONS).join(', ');
      throw new AlarmModelError(
        `unsupported metric math function ${name} in expression "${this.text}" of ${this.context}; the alarm model supports ${known}, arithmetic, comparisons, AND and OR`,
      );
    }
    this.expectOp('(');
    const args: MathNode[] = [];
    if (!this.isOp(')')) {
      do { args.push(this.parseOr()); } while (this.isOp(',') && this.next());
    }
    this.expectOp(')');
    if (args.length < arity.min || args.length > arity.max) {
      const expected = arity.min === arity.max ? `${arity.min}` : `${arity.min} to ${arity.max}`;
      throw syntaxError(this.text, this.context, pos, `${name} takes ${expected} arguments, got ${args.length}`);
    }
    return { type: 'call', name, args };
  }
}

function describeToken(t: Token): string {
  switch (t.kind) {
    case 'end': return 'end of expression';
    case 'num': return `number ${t.value}`;
    case 'str': return `string "${t.value}"`;
    default: return `'${t.value}'`;
  }
}

/** Ids of the queries an expression reads (METRICS() reads all metric queries; the caller expands it). */
export function referencedIds(node: MathNode): string[] {
  const out = new Set<string>();
  const walk = (n: MathNode): void => {
    switch (n.type) {
      case 'ref': out.add(n.id); break;
      case 'array': n.items.forEach(walk); break;
      case 'unary': walk(n.operand); break;
      case 'binary': walk(n.left); walk(n.right); break;
      case 'call': n.args.forEach(walk); break;
      default: break;
    }
  };
  walk(node);
  return [...out];
}

/** Whether every value of the result depends only on the same timestamp of the inputs (see evaluator). */
export function isPointwise(node: MathNode): boolean {
  switch (node.type) {
    case 'array': return node.items.every(isPointwise);
    case 'unary': return isPointwise(node.operand);
    case 'binary': return isPointwise(node.left) && isPointwise(node.right);
    case 'call':
      if (node.name === 'FILL' && node.args[1].type === 'keyword') return false;
      // SUM/AVG/MIN/MAX of one series reduce the whole queried range to a scalar.
      if (['SUM', 'AVG', 'MIN', 'MAX'].includes(node.name) && !isArrayValued(node.args[0])) return false;
      return node.args.every(isPointwise);
    default: return true;
  }
}

/** Whether a node yields an array of series (a literal array or METRICS()), known from syntax alone. */
export function isArrayValued(node: MathNode): boolean {
  if (node.type === 'array') return true;
  if (node.type === 'call') {
    if (node.name === 'METRICS') return true;
    if (['FILL', 'ABS', 'CEIL', 'FLOOR'].includes(node.name)) return isArrayValued(node.args[0]);
    return false;
  }
  if (node.type === 'unary') return isArrayValued(node.operand);
  if (node.type === 'binary') return isArrayValued(node.left) || isArrayValued(node.right);
  return false;
}
