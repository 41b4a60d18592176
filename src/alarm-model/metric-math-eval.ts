/**
 * Evaluates a parsed metric math expression over aligned series (Float64Array, NaN = no datapoint).
 *
 * Semantics follow the CloudWatch User Guide ("Metric math syntax and functions", "Using IF expressions"):
 * - arithmetic and comparisons between two series work on the union of their timestamps, a missing value
 *   counting as 0; a timestamp missing from both stays missing;
 * - a scalar combined with a series keeps the series' timestamps;
 * - a division by zero drops the datapoint (as does any non-finite result);
 * - comparisons, AND and OR give 1 or 0; any non-zero value is true;
 * - IF(cond, a, b): cond missing → dropped; true → a (0 where series a has no value); false → b (dropped
 *   where series b has no value, or when b is omitted);
 * - FILL(x, v | series | REPEAT | LINEAR) fills the gaps within the evaluated range; REPEAT and LINEAR
 *   leave leading (and, for LINEAR, trailing) gaps unfilled, as there is nothing to repeat or interpolate from;
 * - SUM / AVG / MIN / MAX of an array of series work per timestamp (AVG and SUM count a missing value as 0,
 *   MIN and MAX skip it); of a single series they reduce the evaluated range to a scalar.
 */
import { AlarmModelError } from './errors';
import type { BinaryOp, MathNode } from './metric-math';

export type MathValue =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'series'; readonly values: Float64Array }
  | { readonly kind: 'array'; readonly items: readonly Float64Array[] };

export interface MathEnvironment {
  /** Number of aligned timestamps being evaluated. */
  readonly length: number;
  /** Ids of the metric queries, in definition order, for METRICS(). */
  readonly metricIds: readonly string[];
  /** Names the alarm for messages. */
  readonly context: string;
  /** Value of a query id (a metric's aggregated series, or another expression's result). */
  resolve(id: string): MathValue;
  /** Period (seconds) of a query, for PERIOD(). */
  periodOf(id: string): number;
}

export function evaluateMath(node: MathNode, env: MathEnvironment): MathValue {
  switch (node.type) {
    case 'number': return { kind: 'scalar', value: node.value };
    case 'ref': return env.resolve(node.id);
    case 'array': return { kind: 'array', items: node.items.flatMap((item) => seriesList(evaluateMath(item, env), env)) };
    case 'unary': return mapValue(evaluateMath(node.operand, env), (v) => -v);
    case 'binary': return binary(node.op, evaluateMath(node.left, env), evaluateMath(node.right, env), env);
    case 'call': return call(node, env);
    case 'keyword': throw new AlarmModelError(`${env.context}: ${node.name} can only be the second argument of FILL`);
    case 'string': throw new AlarmModelError(`${env.context}: a string can only be the argument of METRICS`);
  }
}

function seriesList(value: MathValue, env: MathEnvironment): Float64Array[] {
  if (value.kind === 'array') return [...value.items];
  if (value.kind === 'series') return [value.values];
  return [new Float64Array(env.length).fill(value.value)];
}

function mapValue(value: MathValue, fn: (v: number) => number): MathValue {
  if (value.kind === 'scalar') return { kind: 'scalar', value: fn(value.value) };
  const mapSeries = (s: Float64Array): Float64Array => {
    const out = new Float64Array(s.length);
    for (let i = 0; i < s.length; i++) {
      const v = s[i];
      out[i] = v !== v ? NaN : finiteOrNaN(fn(v));
    }
    return out;
  };
  if (value.kind === 'series') return { kind: 'series', values: mapSeries(value.values) };
  return { kind: 'array', items: value.items.map(mapSeries) };
}

function finiteOrNaN(v: number): number {
  return Number.isFinite(v) ? v : NaN;
}

const OPS: Record<BinaryOp, (a: number, b: number) => number> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => (b === 0 ? NaN : a / b),
  '^': (a, b) => a ** b,
  '>': (a, b) => (a > b ? 1 : 0),
  '<': (a, b) => (a < b ? 1 : 0),
  '>=': (a, b) => (a >= b ? 1 : 0),
  '<=': (a, b) => (a <= b ? 1 : 0),
  '==': (a, b) => (a === b ? 1 : 0),
  '!=': (a, b) => (a !== b ? 1 : 0),
  'AND': (a, b) => (a !== 0 && b !== 0 ? 1 : 0),
  'OR': (a, b) => (a !== 0 || b !== 0 ? 1 : 0),
};

function binary(op: BinaryOp, left: MathValue, right: MathValue, env: MathEnvironment): MathValue {
  const fn = OPS[op];
  if (left.kind === 'scalar' && right.kind === 'scalar') return { kind: 'scalar', value: fn(left.value, right.value) };
  if (left.kind === 'array' || right.kind === 'array') {
    if (left.kind === 'array' && right.kind === 'array') {
      throw new AlarmModelError(`${env.context}: an operator between two arrays of series is not supported`);
    }
    if (left.kind === 'array') return { kind: 'array', items: left.items.map((s) => binarySeries(fn, s, right)) };
    const l = left;
    return { kind: 'array', items: (right as { items: readonly Float64Array[] }).items.map((s) => binaryScalarLeft(fn, l, s)) };
  }
  if (left.kind === 'series') return { kind: 'series', values: binarySeries(fn, left.values, right) };
  return { kind: 'series', values: binaryScalarLeft(fn, left, (right as { values: Float64Array }).values) };
}

function binarySeries(fn: (a: number, b: number) => number, a: Float64Array, right: MathValue): Float64Array {
  const out = new Float64Array(a.length);
  if (right.kind === 'scalar') {
    const b = right.value;
    for (let i = 0; i < a.length; i++) out[i] = a[i] !== a[i] ? NaN : finiteOrNaN(fn(a[i], b));
    return out;
  }
  const b = (right as { values: Float64Array }).values;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    const xMissing = x !== x;
    const yMissing = y !== y;
    out[i] = xMissing && yMissing ? NaN : finiteOrNaN(fn(xMissing ? 0 : x, yMissing ? 0 : y));
  }
  return out;
}

function binaryScalarLeft(fn: (a: number, b: number) => number, left: MathValue, b: Float64Array): Float64Array {
  const a = (left as { value: number }).value;
  const out = new Float64Array(b.length);
  for (let i = 0; i < b.length; i++) out[i] = b[i] !== b[i] ? NaN : finiteOrNaN(fn(a, b[i]));
  return out;
}

function call(node: Extract<MathNode, { type: 'call' }>, env: MathEnvironment): MathValue {
  switch (node.name) {
    case 'IF': return ifFunction(node.args, env);
    case 'FILL': return fill(node.args, env);
    case 'SUM': case 'AVG': case 'MIN': case 'MAX': return reduce(node.name, evaluateMath(node.args[0], env), env);
    case 'ABS': return mapValue(evaluateMath(node.args[0], env), Math.abs);
    case 'CEIL': return mapValue(evaluateMath(node.args[0], env), Math.ceil);
    case 'FLOOR': return mapValue(evaluateMath(node.args[0], env), Math.floor);
    case 'PERIOD': {
      const arg = node.args[0];
      if (arg.type !== 'ref') throw new AlarmModelError(`${env.context}: PERIOD takes the id of a query, e.g. PERIOD(m1)`);
      return { kind: 'scalar', value: env.periodOf(arg.id) };
    }
    case 'METRICS': {
      const arg = node.args[0];
      if (arg && arg.type !== 'string') throw new AlarmModelError(`${env.context}: METRICS takes an optional string, e.g. METRICS("errors")`);
      const ids = arg ? env.metricIds.filter((id) => id.includes(arg.value)) : env.metricIds;
      return { kind: 'array', items: ids.flatMap((id) => seriesList(env.resolve(id), env)) };
    }
    default:
      throw new AlarmModelError(`unsupported metric math function ${node.name} in expression of ${env.context}`);
  }
}

function ifFunction(args: readonly MathNode[], env: MathEnvironment): MathValue {
  const cond = evaluateMath(args[0], env);
  const whenTrue = evaluateMath(args[1], env);
  const whenFalse = args[2] ? evaluateMath(args[2], env) : undefined;
  if (cond.kind === 'array' || whenTrue.kind === 'array' || whenFalse?.kind === 'array') {
    throw new AlarmModelError(`${env.context}: IF does not take arrays of series`);
  }
  if (cond.kind === 'scalar') {
    const chosen = cond.value !== 0 ? whenTrue : whenFalse;
    return chosen ?? { kind: 'series', values: new Float64Array(env.length).fill(NaN) };
  }
  const c = cond.values;
  const out = new Float64Array(c.length);
  for (let i = 0; i < c.length; i++) {
    if (c[i] !== c[i]) { out[i] = NaN; continue; }
    if (c[i] !== 0) {
      if (whenTrue.kind === 'scalar') {out[i] = whenTrue.value;} else { const v = whenTrue.values[i]; out[i] = v !== v ? 0 : v; }
    } else if (!whenFalse) {
      out[i] = NaN;
    } else {
      out[i] = whenFalse.kind === 'scalar' ? whenFalse.value : whenFalse.values[i];
    }
  }
  return { kind: 'series', values: out };
}

function fill(args: readonly MathNode[], env: MathEnvironment): MathValue {
  const target = evaluateMath(args[0], env);
  if (target.kind === 'scalar') throw new AlarmModelError(`${env.context}: FILL needs a series as its first argument`);
  const how = args[1];
  let filler: (s: Float64Array) => Float64Array;
  if (how.type === 'keyword') {
    filler = how.name === 'REPEAT' ? fillRepeat : fillLinear;
  } else {
    const value = evaluateMath(how, env);
    if (value.kind === 'array') throw new AlarmModelError(`${env.context}: FILL's second argument cannot be an array`);
    filler = (s) => {
      const out = Float64Array.from(s);
      for (let i = 0; i < out.length; i++) {
        if (out[i] !== out[i]) out[i] = value.kind === 'scalar' ? value.value : value.values[i];
      }
      return out;
    };
  }
  return target.kind === 'series'
    ? { kind: 'series', values: filler(target.values) }
    : { kind: 'array', items: target.items.map(filler) };
}

function fillRepeat(s: Float64Array): Float64Array {
  const out = Float64Array.from(s);
  let last = NaN;
  for (let i = 0; i < out.length; i++) {
    if (out[i] === out[i]) last = out[i];
    else out[i] = last;
  }
  return out;
}

function fillLinear(s: Float64Array): Float64Array {
  const out = Float64Array.from(s);
  let prev = -1;
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== out[i]) continue;
    if (prev >= 0 && i - prev > 1) {
      const step = (out[i] - out[prev]) / (i - prev);
      for (let k = prev + 1; k < i; k++) out[k] = out[prev] + step * (k - prev);
    }
    prev = i;
  }
  return out;
}

function reduce(name: 'SUM' | 'AVG' | 'MIN' | 'MAX', value: MathValue, env: MathEnvironment): MathValue {
  if (value.kind === 'scalar') return value;
  if (value.kind === 'series') {
    // One series: a scalar over the evaluated range (the User Guide advises against this in alarms).
    let acc = name === 'MIN' ? Infinity : name === 'MAX' ? -Infinity : 0;
    let count = 0;
    for (const v of value.values) {
      if (v !== v) continue;
      count++;
      acc = name === 'MIN' ? Math.min(acc, v) : name === 'MAX' ? Math.max(acc, v) : acc + v;
    }
    if (count === 0) return { kind: 'scalar', value: NaN };
    return { kind: 'scalar', value: name === 'AVG' ? acc / count : acc };
  }
  const items = value.items;
  const out = new Float64Array(env.length);
  for (let i = 0; i < env.length; i++) {
    let present = 0;
    let acc = name === 'MIN' ? Infinity : name === 'MAX' ? -Infinity : 0;
    for (const s of items) {
      const v = s[i];
      if (v !== v) continue;
      present++;
      acc = name === 'MIN' ? (v < acc ? v : acc) : name === 'MAX' ? (v > acc ? v : acc) : acc + v;
    }
    out[i] = present === 0 ? NaN : name === 'AVG' ? acc / items.length : acc;
  }
  return { kind: 'series', values: out };
}
