import { Token } from 'aws-cdk-lib';
import { isIanaTimeZone, requireTimeZone } from '../../src/common/time-zone';

describe('isIanaTimeZone', () => {
  // EventBridge Scheduler and AWS Backup take IANA names; Node 20's Intl.supportedValuesOf lists neither UTC nor Etc/UTC.
  test.each(['UTC', 'Etc/UTC', 'GMT', 'Europe/Paris', 'America/Argentina/Buenos_Aires', 'Asia/Calcutta', 'Etc/GMT+5'])('%s is accepted', (name) => {
    expect(isIanaTimeZone(name)).toBe(true);
  });

  test.each(['', 'utc', 'europe/paris', 'Mars/Olympus_Mons', 'Europe/Paris ', '+01:00', 'CET/'])('%p is refused', (name) => {
    expect(isIanaTimeZone(name)).toBe(false);
  });
});

describe('requireTimeZone', () => {
  test('names the owner and the prop, and lets a token through', () => {
    expect(() => requireTimeZone("X 'y'", 'scheduleTimeZone', 'Paris'))
      .toThrow('X \'y\': scheduleTimeZone must be an IANA time zone name such as "UTC" or "Europe/Paris", got "Paris"');
    const token = Token.asString({ Ref: 'Zone' });
    expect(requireTimeZone("X 'y'", 'scheduleTimeZone', token)).toBe(token);
    expect(requireTimeZone("X 'y'", 'scheduleTimeZone', undefined)).toBeUndefined();
  });
});
