import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { WebHosting } from '../../infra/constructs/web-hosting.ts';

/** The web hosting alone, in a stack of its own: no functions to bundle, so both cases stay fast. */
function synthWebHosting(siteDirectory: string) {
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Web');
  new WebHosting(stack, 'Web', { api: new apigw.HttpApi(stack, 'Api'), userPoolClientId: 'spa-client-id', siteDirectory });
  const assembly = app.synth();
  return { stack, template: Template.fromStack(stack), assemblyDirectory: assembly.directory };
}

const builtSites: string[] = [];
afterAll(() => builtSites.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function builtSite(): string {
  const directory = mkdtempSync(join(tmpdir(), 'sanad-web-'));
  writeFileSync(join(directory, 'index.html'), '<!doctype html><title>Sanad</title>');
  builtSites.push(directory);
  return directory;
}

describe('web hosting', () => {
  it('uploads the built SPA with a config.json that tells it to sign in with Cognito', () => {
    const { template, assemblyDirectory } = synthWebHosting(builtSite());
    template.resourceCountIs('Custom::CDKBucketDeployment', 1);
    template.hasResourceProperties('Custom::CDKBucketDeployment', { DistributionId: Match.anyValue(), Prune: false });

    const configs = readdirSync(assemblyDirectory)
      .map((entry) => join(assemblyDirectory, entry, 'config.json'))
      .filter((file) => existsSync(file));
    expect(configs).toHaveLength(1);
    const config = JSON.parse(readFileSync(configs[0]!, 'utf8'));
    // Region and client id are deploy-time values: markers here, replaced by the upload function.
    expect(Object.keys(config).sort()).toEqual(['auth', 'region', 'userPoolClientId']);
    expect(config.auth).toBe('cognito');
  });

  it('without web/dist, synthesizes anyway, uploads nothing and says so', () => {
    const { stack, template } = synthWebHosting(join(tmpdir(), 'sanad-web-never-built'));
    template.resourceCountIs('Custom::CDKBucketDeployment', 0);
    template.resourceCountIs('AWS::CloudFront::Distribution', 1);
    Annotations.fromStack(stack).hasWarning('/Web/Web', Match.stringLikeRegexp('npm run build:web'));
  });

  it('the SPA fallback serves index.html for app routes and leaves files alone', () => {
    const { template } = synthWebHosting(join(tmpdir(), 'sanad-web-never-built'));
    const [fallback] = Object.values(template.findResources('AWS::CloudFront::Function')) as any[];
    // CloudFront Functions are plain JavaScript with a global `handler`; run it as CloudFront would.
    const handler = new Function(`${fallback.Properties.FunctionCode}; return handler;`)() as (event: any) => { uri: string };
    const viewerRequest = (uri: string) => handler({ request: { uri } }).uri;
    expect(viewerRequest('/')).toBe('/index.html');
    expect(viewerRequest('/cases/01J9ZK3')).toBe('/index.html');
    expect(viewerRequest('/admin/users')).toBe('/index.html');
    expect(viewerRequest('/assets/index-BNoR5JeX.js')).toBe('/assets/index-BNoR5JeX.js');
    expect(viewerRequest('/config.json')).toBe('/config.json');
  });
});
