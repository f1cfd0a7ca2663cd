import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from 'vite';
import { App, Stack } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { WebHosting } from '../../infra/constructs/web-hosting.ts';
import { REPO_ROOT } from '../../infra/repo-root.ts';
import { securityHeaders } from '../../shared/security-headers.ts';

/** The web hosting alone, in a stack of its own: no functions to bundle, so both cases stay fast. */
function synthWebHosting(siteDirectory: string, region?: string) {
  const app = new App({ builtinCloudFormationValidation: false });
  const stack = new Stack(app, 'Web', region ? { env: { region } } : {});
  new WebHosting(stack, 'Web', { api: new apigw.HttpApi(stack, 'Api'), userPoolClientId: 'spa-client-id', siteDirectory });
  const assembly = app.synth();
  return { stack, template: Template.fromStack(stack), assemblyDirectory: assembly.directory };
}

const builtSites: string[] = [];
afterAll(() => builtSites.forEach((directory) => rmSync(directory, { recursive: true, force: true })));

function builtSite(files: Record<string, string> = {}): string {
  const directory = mkdtempSync(join(tmpdir(), 'sanad-web-'));
  for (const [path, content] of Object.entries({ 'index.html': '<!doctype html><title>Sanad</title>', ...files })) {
    mkdirSync(dirname(join(directory, path)), { recursive: true });
    writeFileSync(join(directory, path), content);
  }
  builtSites.push(directory);
  return directory;
}

/** Every file under `directory`, relative to it. */
const filesUnder = (directory: string): string[] =>
  (readdirSync(directory, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1))
    .sort();

/** The response headers policy as the headers CloudFront adds (it always sends X-Content-Type-Options: nosniff). */
function headersSentBy(policy: any): Record<string, string> {
  const config = policy.Properties.ResponseHeadersPolicyConfig;
  expect(config.CustomHeadersConfig).toBeUndefined();
  const security = config.SecurityHeadersConfig;
  for (const header of Object.values(security) as any[]) expect(header.Override).toBe(true);
  const hsts = security.StrictTransportSecurity;
  return {
    'content-security-policy': security.ContentSecurityPolicy.ContentSecurityPolicy,
    ...(security.ContentTypeOptions ? { 'x-content-type-options': 'nosniff' } : {}),
    'x-frame-options': security.FrameOptions.FrameOption,
    'referrer-policy': security.ReferrerPolicy.ReferrerPolicy,
    'strict-transport-security': `max-age=${hsts.AccessControlMaxAgeSec}${hsts.IncludeSubdomains ? '; includeSubDomains' : ''}${hsts.Preload ? '; preload' : ''}`,
  };
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

  it('sends the headers of the shared definition, HSTS included, with Cognito as the only other origin', () => {
    const { template } = synthWebHosting(join(tmpdir(), 'sanad-web-never-built'), 'eu-west-1');
    const policies = Object.values(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    expect(policies).toHaveLength(1);
    expect(headersSentBy(policies[0])).toEqual(securityHeaders({ https: true, connectSources: ['https://cognito-idp.eu-west-1.amazonaws.com'] }));
    expect(headersSentBy(policies[0])['content-security-policy']).toContain("frame-ancestors 'none'");
    // The SPA and the API behaviours both answer with it.
    const [distribution] = Object.values(template.findResources('AWS::CloudFront::Distribution')) as any[];
    const config = distribution.Properties.DistributionConfig;
    const [policyId] = Object.keys(template.findResources('AWS::CloudFront::ResponseHeadersPolicy'));
    for (const behaviour of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behaviour.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
  });

  it('never uploads source maps: the site asset leaves them out', () => {
    const site = builtSite({
      'assets/index-abc.js': 'console.log(1);',
      'assets/index-abc.js.map': '{"version":3,"sourcesContent":["secret"]}',
      'assets/nested/chunk-def.js.map': '{}',
      'assets/index-abc.css': 'body{}',
      'assets/index-abc.css.map': '{}',
    });
    const { assemblyDirectory } = synthWebHosting(site);
    const staged = readdirSync(assemblyDirectory)
      .map((entry) => join(assemblyDirectory, entry))
      .filter((directory) => existsSync(join(directory, 'index.html')));
    expect(staged).toHaveLength(1);
    expect(filesUnder(staged[0]!)).toEqual(['assets/index-abc.css', 'assets/index-abc.js', 'index.html']);
  });

  it('the SPA build emits no source maps and no references to any', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'sanad-web-build-'));
    builtSites.push(outDir);
    await build({ configFile: join(REPO_ROOT, 'web', 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
    const files = filesUnder(outDir);
    expect(files).toContain('index.html');
    expect(files.filter((file) => file.endsWith('.js')).length).toBeGreaterThan(0);
    expect(files.filter((file) => /\.map$/i.test(file))).toEqual([]);
    for (const file of files.filter((name) => /\.(js|css)$/.test(name))) {
      expect(readFileSync(join(outDir, file), 'utf8'), file).not.toMatch(/sourceMappingURL/);
    }
  }, 120_000);
});
