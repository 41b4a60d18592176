import { AlarmModelError, alarmLabel, describeValue, modelError } from '../../src/alarm-model/errors';

describe('alarm model errors', () => {
  test('modelError uses the house format', () => {
    const error = modelError(alarmLabel('Alarm', 'PageLong'), 'EvaluationPeriods', 'be an integer of at least 1', 0);
    expect(error).toBeInstanceOf(AlarmModelError);
    expect(error.name).toBe('AlarmModelError');
    expect(error.message).toBe("Alarm 'PageLong': EvaluationPeriods must be an integer of at least 1, got 0");
  });

  test.each([
    [undefined, 'undefined'],
    [null, 'null'],
    ['x', '"x"'],
    [true, 'true'],
    [[1, 2], 'an array of 2'],
    [{ Ref: 'X' }, '{"Ref":"X"}'],
    [{ long: 'y'.repeat(200) }, `{"long":"${'y'.repeat(108)}...`],
  ])('describes %j', (value, want) => {
    expect(describeValue(value)).toBe(want);
  });
});
