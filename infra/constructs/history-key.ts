import { RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The master key of the case history chain (functions/history/chain-key.ts): a KMS HMAC key that never leaves
 * KMS. Each tenant's chain key is its `GenerateMac` of a fixed label and the tenant id, asked once per tenant
 * per container; whoever can write the table but may not call `GenerateMac` on this key cannot write a
 * history entry that verifies. Retained: without it no history written under it can be verified again.
 */
export class HistoryKey extends Construct {
  readonly key: kms.Key;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.key = new kms.Key(this, 'Key', {
      description: 'Sanad case history chain: the per-tenant HMAC keys are GenerateMac of it',
      keySpec: kms.KeySpec.HMAC_256,
      keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC,
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }

  /** Lets a function derive tenant keys: the key id in its environment, `kms:GenerateMac` with HMAC-SHA256 on this key alone. */
  private readonly granted = new Set<iam.IGrantable>();

  allowDeriveFrom(fn: { addEnvironment(name: string, value: string): unknown }, role: iam.IGrantable): void {
    fn.addEnvironment('SANAD_HISTORY_KEY_ID', this.key.keyArn);
    // Routes share roles by permission profile: the role is granted once.
    if (this.granted.has(role)) return;
    this.granted.add(role);
    role.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({
      actions: ['kms:GenerateMac'],
      resources: [this.key.keyArn],
      conditions: { StringEquals: { 'kms:MacAlgorithm': 'HMAC_SHA_256' } },
    }));
  }
}
