import { Duration, aws_iam as iam } from 'aws-cdk-lib';
import { FisAction, FisSelection, FisTarget } from '../../src/chaos';

describe('FisAction.custom', () => {
  test('knows the target key of documented actions', () => {
    const action = FisAction.custom({
      actionId: 'aws:ec2:reboot-instances',
      target: FisTarget.fromTags('aws:ec2:instance', { app: 'shop' }, { selection: FisSelection.count(1) }),
      statements: [new iam.PolicyStatement({ actions: ['ec2:RebootInstances'], resources: ['arn:aws:ec2:us-east-1:1:instance/i-1'] })],
    });
    expect(action.name).toBe('reboot-instances');
    expect(action.targetKey).toBe('Instances');
  });

  test('refuses a target whose resource type does not match the action', () => {
    expect(() => FisAction.custom({
      name: 'stop',
      actionId: 'aws:ecs:stop-task',
      target: FisTarget.fromArns('aws:ec2:instance', ['arn:aws:ec2:us-east-1:1:instance/i-1']),
    })).toThrow("FisAction 'stop': target resourceType must be \"aws:ecs:task\" for aws:ecs:stop-task, got \"aws:ec2:instance\"");
  });

  test('refuses a wildcard action in its statements', () => {
    expect(() => FisAction.custom({
      name: 'reboot',
      actionId: 'aws:ec2:reboot-instances',
      target: FisTarget.fromTags('aws:ec2:instance', { app: 'shop' }),
      statements: [new iam.PolicyStatement({ actions: ['ec2:*'], resources: ['*'] })],
    })).toThrow("FisAction 'reboot': statements must name every action explicitly, got wildcard action \"ec2:*\"");
  });

  test('an unknown action needs its target key', () => {
    expect(() => FisAction.custom({ actionId: 'aws:lambda:invocation-error', target: FisTarget.fromArns('aws:lambda:function', ['arn']) }))
      .toThrow(/targetKey must be given for aws:lambda:invocation-error/);
    expect(FisAction.custom({ actionId: 'aws:lambda:invocation-error', targetKey: 'Functions', target: FisTarget.fromArns('aws:lambda:function', ['arn']) }).targetKey)
      .toBe('Functions');
  });

  test('refuses a malformed action id', () => {
    expect(() => FisAction.custom({ name: 'x', actionId: 'stop-task' })).toThrow("FisAction 'x': actionId must look like \"aws:<service>:<action>\", got \"stop-task\"");
  });
});

describe('FisAction.wait', () => {
  test('has a duration and no target', () => {
    const action = FisAction.wait({ duration: Duration.minutes(5), startAfter: ['stopTasks'] });
    expect(action.parameters).toEqual({ duration: 'PT5M' });
    expect(action.target).toBeUndefined();
    expect(action.startAfter).toEqual(['stopTasks']);
  });
});
