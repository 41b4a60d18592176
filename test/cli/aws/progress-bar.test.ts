import { progressBar } from '../../../src/cli/aws/progress-bar';

describe('progressBar', () => {
  test('none when stderr is not a terminal (pipes, CI logs)', () => {
    expect(progressBar(false, 'x')).toBeUndefined();
  });

  test('a start / tick / stop bar on a terminal', () => {
    const bar = progressBar(true, 'Fetching')!;
    expect(Object.keys(bar)).toEqual(['start', 'tick', 'stop']);
  });
});
