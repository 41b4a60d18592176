import { FisSelection, FisTarget } from '../../src/chaos';

describe('FisSelection', () => {
  test('renders the three modes', () => {
    expect(FisSelection.all()._render('O', 'selection')).toBe('ALL');
    expect(FisSelection.count(3)._render('O', 'selection')).toBe('COUNT(3)');
    expect(FisSelection.percent(25)._render('O', 'selection')).toBe('PERCENT(25)');
  });

  test.each([0, 101, 12.5])('refuses percent %p', (percent) => {
    expect(() => FisSelection.percent(percent)._render("FisAction 'x'", 'selection'))
      .toThrow(`FisAction 'x': selection percent must be an integer between 1 and 100, got ${percent}`);
  });

  test('refuses a count of 0', () => {
    expect(() => FisSelection.count(0)._render('O', 'selection')).toThrow('O: selection count must be an integer between 1 and 1000, got 0');
  });
});

describe('FisTarget', () => {
  test('fromTags keeps tags, filters and selection; fromParameters merges parameters', () => {
    const byTags = FisTarget.fromTags('aws:ec2:instance', { app: 'shop' }, {
      selection: FisSelection.count(1),
      filters: [{ path: 'State.Name', values: ['running'] }],
    });
    expect(byTags.resourceTags).toEqual({ app: 'shop' });
    expect(byTags.resourceArns).toBeUndefined();
    expect(byTags.selection.kind).toBe('COUNT');
    const byParameters = FisTarget.fromParameters('aws:ecs:task', { cluster: 'c' }, { parameters: { service: 's' } });
    expect(byParameters.parameters).toEqual({ cluster: 'c', service: 's' });
    expect(byParameters.selection.kind).toBe('ALL');
  });
});
