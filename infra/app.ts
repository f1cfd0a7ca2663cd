import { App, Aspects } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { SanadStack } from './stacks/sanad-stack.ts';

const app = new App();
// Environment-agnostic: synth needs no account or credentials, and deploy targets the CLI's account and region.
new SanadStack(app, 'Sanad', {
  description: 'Sanad: multi-tenant case management for social-welfare ministries',
});
Aspects.of(app).add(new AwsSolutionsChecks({ verbose: true }));
