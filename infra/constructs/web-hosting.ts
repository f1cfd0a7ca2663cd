import { existsSync } from 'node:fs';
import { Annotations, Duration, Fn, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { NagSuppressions } from 'cdk-nag';
import { contentSecurityPolicy, SECURITY_HEADERS } from '../../shared/security-headers.ts';

export interface WebHostingProps {
  api: apigw.HttpApi;
  userPoolClientId: string;
  /** The built SPA (`web/dist`); when it is missing, nothing is uploaded and synth warns. */
  siteDirectory: string;
}

/** Paths without a file extension are SPA routes: serve index.html (API 404s are left alone: other behaviour). */
const SPA_FALLBACK = `function handler(event) {
  var request = event.request;
  if (request.uri.indexOf('.') === -1) { request.uri = '/index.html'; }
  return request;
}`;

/** CloudFront's name for the shared definition's referrer policy. */
function cloudFrontReferrerPolicy(policy: string): cloudfront.HeadersReferrerPolicy {
  const known = Object.values(cloudfront.HeadersReferrerPolicy).find((value) => value === policy);
  if (!known) throw new Error(`CloudFront has no referrer policy ${policy}`);
  return known;
}

/** Never deployed: the build emits no source maps (web/vite.config.ts), and a stale one would publish the sources. */
const NOT_DEPLOYED = ['*.map'];

/** One origin: the SPA from a private bucket through CloudFront (OAC), and `/api/*` to the HTTP API. */
export class WebHosting extends Construct {
  readonly distribution: cloudfront.Distribution;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const region = Stack.of(this).region;
    const logs = new s3.Bucket(this, 'AccessLogs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with an ACL.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const site = new s3.Bucket(this, 'Site', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // CloudFront names are unique per account, not per region (CDK's default function name already has the region).
    const accountWideName = (what: string) => `${Names.uniqueResourceName(this, { maxLength: 40 })}-${what}-${region}`;
    // The headers of shared/security-headers.ts, which the local server sends too; in AWS the SPA also signs in
    // against Cognito. X-Content-Type-Options has one value in CloudFront: nosniff.
    const hsts = SECURITY_HEADERS.strictTransportSecurity;
    const headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      responseHeadersPolicyName: accountWideName('headers'),
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.seconds(hsts.maxAgeSeconds), includeSubdomains: hsts.includeSubDomains, preload: hsts.preload, override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption[SECURITY_HEADERS.frameOptions], override: true },
        referrerPolicy: { referrerPolicy: cloudFrontReferrerPolicy(SECURITY_HEADERS.referrerPolicy), override: true },
        contentSecurityPolicy: {
          contentSecurityPolicy: contentSecurityPolicy([`https://cognito-idp.${region}.amazonaws.com`]),
          override: true,
        },
      },
    });
    const apiDomain = Fn.select(2, Fn.split('/', props.api.apiEndpoint));
    this.distribution = new cloudfront.Distribution(this, 'Cdn', {
      defaultRootObject: 'index.html',
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cdn/',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(site, {
          originAccessControl: new cloudfront.S3OriginAccessControl(this, 'SiteAccess', { originAccessControlName: accountWideName('site') }),
        }),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        responseHeadersPolicy: headers,
        functionAssociations: [{
          eventType: cloudfront.FunctionEventType.VIEWER_REQUEST,
          function: new cloudfront.Function(this, 'SpaFallback', { code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK), runtime: cloudfront.FunctionRuntime.JS_2_0 }),
        }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: new origins.HttpOrigin(apiDomain, { protocolPolicy: cloudfront.OriginProtocolPolicy.HTTPS_ONLY }),
          viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.HTTPS_ONLY,
          allowedMethods: cloudfront.AllowedMethods.ALLOW_ALL,
          cachePolicy: cloudfront.CachePolicy.CACHING_DISABLED,
          originRequestPolicy: cloudfront.OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: headers,
        },
      },
    });

    if (existsSync(props.siteDirectory)) {
      const deployment = new s3deploy.BucketDeployment(this, 'Deploy', {
        destinationBucket: site,
        distribution: this.distribution,
        sources: [
          s3deploy.Source.asset(props.siteDirectory, { exclude: NOT_DEPLOYED }),
          s3deploy.Source.jsonData('config.json', { auth: 'cognito', region, userPoolClientId: props.userPoolClientId }),
        ],
        // Old hashed chunks stay: a browser still running the previous index.html may lazy-load them.
        prune: false,
      });
      // CDK's shared upload function (the handler role's scope, holding the role and its policy) is CDK's to shape.
      const uploadFunction = deployment.handlerRole.node.scope;
      if (uploadFunction) NagSuppressions.addResourceSuppressions(uploadFunction, [
        { id: 'AwsSolutions-L1', reason: 'The BucketDeployment upload function is provided by CDK, which pins its runtime.' },
        { id: 'AwsSolutions-IAM4', reason: 'The BucketDeployment upload function uses AWSLambdaBasicExecutionRole for its own logs (CDK-provided).' },
        { id: 'AwsSolutions-IAM5', reason: 'BucketDeployment copies every object of its asset into the site bucket (object wildcards) and invalidates CloudFront, which has no resource-level permission for that.' },
      ], true);
    } else {
      Annotations.of(this).addWarningV2('sanad:web-not-built', `${props.siteDirectory} is missing: run npm run build:web before deploying; the SPA is not uploaded.`);
    }
    NagSuppressions.addResourceSuppressions(this.distribution, [
      { id: 'AwsSolutions-CFR1', reason: 'Ministries use Sanad from many countries; access is controlled by sign-in, not geography.' },
      { id: 'AwsSolutions-CFR2', reason: 'WAF is an optional per-deployment add-on (cost); the API has throttling and per-user rate limits.' },
      { id: 'AwsSolutions-CFR4', reason: 'The default CloudFront certificate is used until a ministry domain is attached; TLS 1.2 policy applies with a custom certificate.' },
    ]);
    NagSuppressions.addResourceSuppressions(logs, [
      { id: 'AwsSolutions-S1', reason: 'This is the access-log bucket itself; logging it would recurse.' },
    ]);
  }
}
