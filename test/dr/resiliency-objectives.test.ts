import { resilienceHubTier, resiliencyObjectives } from '../../src/dr/resiliency-objectives';

describe('resiliencyObjectives', () => {
  test('the declared objectives for Software, Hardware and AZ; no Region entry without copies', () => {
    const local = { rpoInSecs: 900, rtoInSecs: 3600 };
    expect(resiliencyObjectives({ rpoMinutes: 15, rtoMinutes: 60 })).toEqual({ Software: local, Hardware: local, AZ: local });
  });
  test('with hourly copies the Region RPO is the copy interval', () => {
    expect(resiliencyObjectives({ rpoMinutes: 15, rtoMinutes: 60, regionCopyIntervalMinutes: 60 }).Region)
      .toEqual({ rpoInSecs: 3600, rtoInSecs: 3600 });
  });
  test('with copies as frequent as the RPO the Region RPO is the RPO', () => {
    expect(resiliencyObjectives({ rpoMinutes: 240, rtoMinutes: 480, regionCopyIntervalMinutes: 240 }).Region)
      .toEqual({ rpoInSecs: 14400, rtoInSecs: 28800 });
  });
});

test('resilienceHubTier follows the RTO', () => {
  expect(resilienceHubTier(10)).toBe('MissionCritical');
  expect(resilienceHubTier(60)).toBe('Critical');
  expect(resilienceHubTier(480)).toBe('Important');
  expect(resilienceHubTier(1440)).toBe('NonCritical');
});
