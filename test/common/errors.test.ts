import { App, Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { describeValue, ownerLabel, propError } from '../../src/common/errors';
import { requireObject } from '../../src/common/validate';

describe('ownerLabel', () => {
  test('a construct is named by its path, so two same-named constructs in two stacks are told apart', () => {
    const app = new App();
    const inProd = new Construct(new Stack(app, 'Prod'), 'Api');
    const inBeta = new Construct(new Construct(new Stack(app, 'Beta'), 'Team'), 'Api');
    expect(ownerLabel('ReliableService', inProd)).toBe("[Prod/Api] ReliableService 'Api'");
    expect(ownerLabel('ReliableService', inBeta)).toBe("[Beta/Team/Api] ReliableService 'Api'");
  });

  test('a value object is named by the name the user gave it', () => {
    expect(ownerLabel('ServiceLevelObjective', 'Checkout')).toBe("ServiceLevelObjective 'Checkout'");
  });
});

describe('propError', () => {
  test('names the owner, the prop, what is allowed and the value; a token is shown as such, never as its encoding', () => {
    expect(propError("X 'y'", 'desiredCount', 'be an integer between 1 and 100', 0).message)
      .toBe("X 'y': desiredCount must be an integer between 1 and 100, got 0");
    expect(describeValue(Token.asNumber({ Ref: 'Count' }))).toBe('(a token)');
    expect(describeValue(Token.asString({ Ref: 'Name' }))).toBe('(a token)');
  });
});

describe('requireObject', () => {
  test('a missing props object is the house error, not a TypeError', () => {
    expect(() => requireObject("X 'y'", 'props', undefined, 'given (at least image)')).toThrow("X 'y': props must be given (at least image), got undefined");
    expect(() => requireObject("X 'y'", 'props', null, 'given (at least image)')).not.toThrow(TypeError);
    expect(requireObject("X 'y'", 'props', { image: 1 }, 'given (at least image)')).toEqual({ image: 1 });
  });
});
