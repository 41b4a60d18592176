import { App, Token } from 'aws-cdk-lib';
import { stackIn } from './helpers';
import { CopyTarget, DrVault } from '../../src/dr';

describe('CopyTarget', () => {
  test('from an ARN: the Region is read from it', () => {
    const target = CopyTarget.vaultArn('arn:aws:backup:eu-west-1:222222222222:backup-vault:central');
    expect(target.destinationRegion).toBe('eu-west-1');
    expect(target.drVault).toBeUndefined();
  });
  test('from a token ARN: the Region is unknown', () => {
    const target = CopyTarget.vaultArn(Token.asString({ Ref: 'VaultArn' }));
    expect(Token.isUnresolved(target.destinationRegion)).toBe(true);
  });
  test('from a DrVault: its Region and name-based ARN', () => {
    const vault = new DrVault(stackIn(new App(), 'DrRegion', 'ap-southeast-2'), 'DrVault');
    const target = CopyTarget.vault(vault);
    expect(target.destinationRegion).toBe('ap-southeast-2');
    expect(target.destinationVaultArn).toBe(vault.vaultArn);
    expect(target.drVault).toBe(vault);
  });
});
