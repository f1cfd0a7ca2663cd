import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SanadStack } from './stacks/sanad-stack.ts';

const app = new App();
new SanadStack(app, 'Sanad', {
  env: process.env.CDK_DEFAULT_ACCOUNT ? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION } : undefined,
  description: 'Sanad: multi-tenant case management for social-welfare ministries',
});
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
