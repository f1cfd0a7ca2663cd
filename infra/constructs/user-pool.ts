import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { NagSuppressions } from 'cdk-nag';
import { ROLES } from '../../shared/auth/roles.ts';

/**
 * Cognito: no self sign-up, the tenant in `custom:tenant` (immutable), one group per role, a public client for
 * the SPA that may read but never write the tenant or the partner organisation.
 */
export class UserPool extends Construct {
  readonly pool: cognito.UserPool;
  readonly spaClient: cognito.UserPoolClient;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.pool = new cognito.UserPool(this, 'Pool', {
      selfSignUpEnabled: false,
      // Username only: a person working in two tenants has an account in each, possibly with one e-mail address.
      signInAliases: { username: true },
      signInCaseSensitive: false,
      customAttributes: {
        tenant: new cognito.StringAttribute({ minLen: 2, maxLen: 40, mutable: false }),
        organization: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true, tempPasswordValidity: Duration.days(3) },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
      featurePlan: cognito.FeaturePlan.PLUS,
      standardThreatProtectionMode: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    NagSuppressions.addResourceSuppressions(this.pool, [
      { id: 'AwsSolutions-COG2', reason: 'MFA is optional (TOTP): field staff such as commune officials often share one phone; threat protection runs in full-function mode (compromised-credential checks, sign-in risk scoring).' },
    ]);
    for (const role of ROLES) {
      new cognito.CfnUserPoolGroup(this, `Group-${role}`, { userPoolId: this.pool.userPoolId, groupName: role, description: `Sanad role ${role}` });
    }
    this.spaClient = this.pool.addClient('SpaClient', {
      authFlows: { userPassword: true, userSrp: true },
      generateSecret: false,
      // The SPA signs in with InitiateAuth; no hosted UI, so no OAuth flows or callback URLs to abuse.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(8),
      accessTokenValidity: Duration.hours(8),
      readAttributes: new cognito.ClientAttributes().withCustomAttributes('tenant', 'organization').withStandardAttributes({ email: true, fullname: true }),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ fullname: true }),
    });
  }

  get issuerUrl(): string {
    return `https://cognito-idp.${this.pool.stack.region}.amazonaws.com/${this.pool.userPoolId}`;
  }
}
