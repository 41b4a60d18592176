import { CfnVolume } from 'aws-cdk-lib/aws-ec2';
import { NagMessageLevel, rules } from 'cdk-nag';
import { isInBackupSelection } from '../helpers/backup-selection';
import { nagVerdict, ReliabilityRule, Unresolved, verdict, Verdict } from '../rule';

/**
 * EBS volumes (AWS::EC2::Volume) are selected by an AWS Backup plan of the stack: cdk-nag's
 * EC2EBSInBackupPlan, plus wildcard-ARN and tag selections. Backups outside the stack are not seen
 * (flagged, never passed). Unresolvable: UNKNOWN.
 */
export const EBSBackup: ReliabilityRule = {
  name: 'EBSBackup',
  level: NagMessageLevel.ERROR,
  resourceTypes: ['AWS::EC2::Volume'],
  bestPractice: 'REL09-BP01',
  info: 'The EBS volume is in no AWS Backup plan of the stack.',
  explanation: 'An EBS volume lives in one Availability Zone; without snapshots its data is lost with the volume.',
  fix: 'Add the volume to a BackupPlan (`BackupResource.fromArn(volumeArn)` or a tag selection with `BackupResource.fromTag`).',
  whenUnresolved: Unresolved.UNKNOWN,
  check: (node, index) => {
    if (!(node instanceof CfnVolume)) return Verdict.NOT_APPLICABLE;
    if (nagVerdict(rules.ec2.EC2EBSInBackupPlan, node) === Verdict.COMPLIANT) return Verdict.COMPLIANT;
    return verdict(isInBackupSelection(node, index, 'ec2'));
  },
};
