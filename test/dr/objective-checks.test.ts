import { formatMinutes, objectiveProblems, ResourceFacts } from '../../src/dr/objective-checks';
import { RESOURCE_CAPABILITIES } from '../../src/dr/resource-capabilities';

const fact = (key: string, pitr = false): ResourceFacts => ({ label: `resources[0] (${key})`, capabilities: RESOURCE_CAPABILITIES[key], nativePitrEnabled: pitr });

describe('objectiveProblems', () => {
  test('critical objectives are fine for a DynamoDB table with PITR and for RDS', () => {
    expect(objectiveProblems(15, 60, [fact('DYNAMODB', true), fact('RDS')])).toEqual([]);
  });
  test('RPO under an hour for EFS cannot be met', () => {
    expect(objectiveProblems(15, 60, [fact('EFS')])).toEqual([{
      prop: 'objectives.rpo',
      allowed: 'be at least 1 hour for resources[0] (EFS): AWS Backup snapshots run at most hourly and EFS has no continuous backup',
      value: '15 minutes',
    }]);
  });
  test('RPO under an hour for DynamoDB without PITR says how to fix it', () => {
    const [problem] = objectiveProblems(15, 60, [fact('DYNAMODB', false)]);
    expect(problem.allowed).toContain('enable the DynamoDB point-in-time recovery');
  });
  test('RPO under the continuous-backup lag of S3', () => {
    expect(objectiveProblems(10, 120, [fact('S3')])[0]).toMatchObject({ prop: 'objectives.rpo', value: '10 minutes' });
  });
  test('RTO shorter than the point-in-time restore the RPO implies', () => {
    expect(objectiveProblems(15, 30, [fact('RDS')])).toEqual([{
      prop: 'objectives.rto',
      allowed: 'be at least 45 minutes for resources[0] (RDS): a point-in-time restore of RDS takes about that long',
      value: '30 minutes',
    }]);
  });
  test('RTO shorter than a snapshot restore', () => {
    expect(objectiveProblems(240, 20, [fact('DYNAMODB')])[0]).toMatchObject({ prop: 'objectives.rto', value: '20 minutes' });
  });
  test('non-positive objectives', () => {
    expect(objectiveProblems(0, 60, [])).toEqual([{ prop: 'objectives.rpo', allowed: 'be positive', value: '0 minutes' }]);
    expect(objectiveProblems(60, -1, [])[0].prop).toBe('objectives.rto');
  });
});

test('formatMinutes', () => {
  expect(formatMinutes(1)).toBe('1 minute');
  expect(formatMinutes(15)).toBe('15 minutes');
  expect(formatMinutes(60)).toBe('1 hour');
  expect(formatMinutes(240)).toBe('4 hours');
  expect(formatMinutes(90)).toBe('90 minutes');
});
