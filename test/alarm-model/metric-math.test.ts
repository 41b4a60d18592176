import { isPointwise, MathNode, parseMathExpression, referencedIds } from '../../src/alarm-model/metric-math';

const ctx = "alarm 'Api' (query e1)";
const parse = (text: string): MathNode => parseMathExpression(text, ctx);

/** Renders an AST fully parenthesised, so precedence is visible in the expectation. */
function show(node: MathNode): string {
  switch (node.type) {
    case 'number': return String(node.value);
    case 'ref': return node.id;
    case 'keyword': return node.name;
    case 'string': return JSON.stringify(node.value);
    case 'array': return `[${node.items.map(show).join(', ')}]`;
    case 'unary': return `(-${show(node.operand)})`;
    case 'binary': return `(${show(node.left)} ${node.op} ${show(node.right)})`;
    case 'call': return `${node.name}(${node.args.map(show).join(', ')})`;
  }
}

describe('metric math parser', () => {
  test.each([
    ['m1 + m2 * 2', '(m1 + (m2 * 2))'],
    ['(m1 + m2) * 2', '((m1 + m2) * 2)'],
    ['m1 - m2 - m3', '((m1 - m2) - m3)'],
    ['m1 / m2 / 2', '((m1 / m2) / 2)'],
    ['2 ^ 3 ^ 2', '(2 ^ (3 ^ 2))'],
    ['-2 ^ 2', '(-(2 ^ 2))'],
    ['-m1 * 3', '((-m1) * 3)'],
    ['m1 > 1 AND m2 < 2 OR m3 == 0', '(((m1 > 1) AND (m2 < 2)) OR (m3 == 0))'],
    ['m1 >= 1 && m2 <= 2 || m3 != 0', '(((m1 >= 1) AND (m2 <= 2)) OR (m3 != 0))'],
    ['m1 + 1 > m2 * 2', '((m1 + 1) > (m2 * 2))'],
    ['IF(m1 > 0, m2 / m1, 0)', 'IF((m1 > 0), (m2 / m1), 0)'],
    ['IF(m1, 1)', 'IF(m1, 1)'],
    ['FILL(m1, 0)', 'FILL(m1, 0)'],
    ['FILL(m1, REPEAT)', 'FILL(m1, REPEAT)'],
    ['FILL(m1, LINEAR)', 'FILL(m1, LINEAR)'],
    ['SUM([m1, m2]) / 2', '(SUM([m1, m2]) / 2)'],
    ['SUM(METRICS("bad"))', 'SUM(METRICS("bad"))'],
    ['AVG(METRICS())', 'AVG(METRICS())'],
    ['1.5e-3 * .5 + 10', '((0.0015 * 0.5) + 10)'],
    ['m1/PERIOD(m1)', '(m1 / PERIOD(m1))'],
    ['ABS(CEIL(FLOOR(m1)))', 'ABS(CEIL(FLOOR(m1)))'],
  ])('%s', (text, want) => {
    expect(show(parse(text))).toBe(want);
  });

  test('an unknown function is rejected with its name and the alarm', () => {
    expect(() => parse('STDDEV(m1)')).toThrow(
      'unsupported metric math function STDDEV in expression "STDDEV(m1)" of alarm \'Api\' (query e1); the alarm model supports IF, FILL, SUM, AVG, MIN, MAX, ABS, CEIL, FLOOR, PERIOD, METRICS, arithmetic, comparisons, AND and OR',
    );
    expect(() => parse('m1 + ANOMALY_DETECTION_BAND(m1)')).toThrow('unsupported metric math function ANOMALY_DETECTION_BAND');
    expect(() => parse('RATE(m1)')).toThrow('unsupported metric math function RATE');
  });

  test.each([
    ['', 'empty expression at position 1'],
    ['m1 +', 'unexpected end of expression at position 5'],
    ['(m1 + m2', "expected ')' but found end of expression at position 9"],
    ['m1 m2', "unexpected 'm2' at position 4"],
    ['m1 # 2', "unexpected character '#' at position 4"],
    ['Errors + 1', "unknown name 'Errors' (query ids start with a lowercase letter) at position 1"],
    ['IF(m1)', 'IF takes 2 to 3 arguments, got 1 at position 1'],
    ['FILL(m1)', 'FILL takes 2 arguments, got 1 at position 1'],
    ['METRICS("a', 'unterminated string at position 9'],
  ])('syntax error in %j', (text, want) => {
    expect(() => parse(text)).toThrow(`metric math syntax error in expression "${text}" of ${ctx}: ${want}`);
  });

  test('referencedIds lists each id once', () => {
    expect(referencedIds(parse('IF(m1 > 0, m2 / m1, FILL(e2, 0))'))).toEqual(['m1', 'm2', 'e2']);
  });

  test.each([
    ['IF(m1 > 0, m2 / m1, 0)', true],
    ['FILL(m1, 0) / m2', true],
    ['SUM([m1, m2])', true],
    ['FILL(m1, REPEAT)', false],
    ['FILL(m1, LINEAR) + 1', false],
    ['m1 - AVG(m1)', false],
    ['MAX(METRICS())', true],
  ])('%s is pointwise: %s', (text, want) => {
    expect(isPointwise(parse(text))).toBe(want);
  });
});
