import { DeploymentEngine } from '../../src/deploy/deployment-engine';
import { checkManualApproval, checkStageAlarmCount, checkStageName, checkStageWiring } from '../../src/deploy/pipeline-input-rules';
import { StageTargetFacts } from '../../src/deploy/stage-target';

const OWNER = "[App/Pipeline] BlueGreenPipeline 'Pipeline'";

function facts(overrides: Partial<StageTargetFacts>): StageTargetFacts {
  return { controllerType: 'ECS', hasAlternateTarget: false, ...overrides } as StageTargetFacts;
}

describe('checkStageName', () => {
  test('a new name of letters, digits and . @ - _ passes', () => {
    expect(() => checkStageName(OWNER, 'stages[1].stageName', 'Prod-eu_1', new Set(['Beta']))).not.toThrow();
  });
  test.each([
    ['Beta', 'be unique, got "Beta"'],
    ['Source', 'be 1-90 letters, digits or . @ - _ and not Source or Build, got "Source"'],
    ['Pro d', 'be 1-90 letters, digits or . @ - _ and not Source or Build, got "Pro d"'],
    ['x'.repeat(91), 'be 1-90 letters'],
  ])('%s is refused', (name, message) => {
    expect(() => checkStageName(OWNER, 'stages[1].stageName', name, new Set(['Beta'])))
      .toThrow(`${OWNER}: stages[1].stageName must ${message}`);
  });
});

describe('checkStageWiring', () => {
  const target = {};
  test('the controller must suit the engine', () => {
    expect(() => checkStageWiring(OWNER, 'service', {}, facts({ controllerType: 'CODE_DEPLOY' }), DeploymentEngine.ECS_NATIVE))
      .toThrow(`${OWNER}: service.service must use the ECS deployment controller for ECS native blue/green, got "CODE_DEPLOY"`);
    expect(() => checkStageWiring(OWNER, 'service', {}, facts({ controllerType: 'ECS' }), DeploymentEngine.CODE_DEPLOY))
      .toThrow('must use the CODE_DEPLOY deployment controller for the CodeDeploy engine, got "ECS"');
  });
  test('the green side is given whole or not at all', () => {
    expect(() => checkStageWiring(OWNER, 'stages[0]', { alternateTargetGroup: target }, facts({}), DeploymentEngine.ECS_NATIVE))
      .toThrow('stages[0].alternateTargetGroup and testListener must be given together or not at all, got "only alternateTargetGroup"');
  });
  test('a service already wired for blue/green needs its green side named', () => {
    expect(() => checkStageWiring(OWNER, 'stages[0]', {}, facts({ hasAlternateTarget: true }), DeploymentEngine.ECS_NATIVE))
      .toThrow('must be given when the service is already wired for blue/green');
  });
  test('on the ECS native path a green side the service does not use is refused; CodeDeploy takes it', () => {
    const given = { alternateTargetGroup: target, testListener: target };
    expect(() => checkStageWiring(OWNER, 'stages[0]', given, facts({}), DeploymentEngine.ECS_NATIVE))
      .toThrow('stages[0].alternateTargetGroup must only be given for a service already wired to it');
    expect(() => checkStageWiring(OWNER, 'stages[0]', given, facts({ controllerType: 'CODE_DEPLOY' }), DeploymentEngine.CODE_DEPLOY))
      .not.toThrow();
  });
});

describe('checkStageAlarmCount and checkManualApproval', () => {
  test('a stage without alarms needs the explicit opt-out', () => {
    expect(() => checkStageAlarmCount(OWNER, 'stages[0]', 0, false)).toThrow(`${OWNER}: stages[0] rollback alarms must include at least one alarm`);
    expect(() => checkStageAlarmCount(OWNER, 'stages[0]', 0, true)).not.toThrow();
    expect(() => checkStageAlarmCount(OWNER, 'stages[0]', 1, false)).not.toThrow();
  });
  test('an approval tells a topic or an email address', () => {
    expect(() => checkManualApproval(OWNER, 'manualApproval', { notifyEmails: [] }))
      .toThrow(`${OWNER}: manualApproval must name a notificationTopic or at least one notifyEmails address, got "no notification target"`);
    expect(() => checkManualApproval(OWNER, 'manualApproval', { notifyEmails: ['oncall@example.com'] })).not.toThrow();
    expect(() => checkManualApproval(OWNER, 'manualApproval', undefined)).not.toThrow();
  });
});
