import { SloWindow } from '../../src/slo';

test('windows have a name, a day count and a duration', () => {
  expect([SloWindow.ROLLING_30_DAYS, SloWindow.ROLLING_28_DAYS, SloWindow.ROLLING_7_DAYS].map((w) => [w.name, w.days, w.duration.toSeconds()]))
    .toEqual([['ROLLING_30_DAYS', 30, 2_592_000], ['ROLLING_28_DAYS', 28, 2_419_200], ['ROLLING_7_DAYS', 7, 604_800]]);
});
