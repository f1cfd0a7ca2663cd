import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { AssetHashType, DockerImage } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { REPO_ROOT } from '../repo-root.ts';

const requireHere = createRequire(import.meta.url);
const EXCELJS_VERSION = (requireHere('exceljs/package.json') as { version: string }).version;

/**
 * exceljs as a Lambda layer, bundled into one file with esbuild at synth time (offline, no npm install): the
 * routes that read or write XLSX load it with `require` on their first spreadsheet request, so their own
 * bundles stay small and their cold starts short.
 */
export class SpreadsheetLayer extends Construct {
  readonly layer: lambda.LayerVersion;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.layer = new lambda.LayerVersion(this, 'Layer', {
      description: `exceljs ${EXCELJS_VERSION}, bundled`,
      compatibleRuntimes: [lambda.Runtime.NODEJS_22_X],
      compatibleArchitectures: [lambda.Architecture.ARM_64],
      code: lambda.Code.fromAsset(REPO_ROOT, {
        assetHash: `exceljs-${EXCELJS_VERSION}`,
        assetHashType: AssetHashType.CUSTOM,
        bundling: {
          // Never used: local bundling always succeeds; CDK requires an image to be named.
          image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:22'),
          local: {
            tryBundle(outputDir: string) {
              const packageDir = join(outputDir, 'nodejs', 'node_modules', 'exceljs');
              mkdirSync(packageDir, { recursive: true });
              buildSync({
                entryPoints: [requireHere.resolve('exceljs')],
                bundle: true, minify: true, platform: 'node', format: 'cjs', target: 'node22',
                outfile: join(packageDir, 'index.js'), logLevel: 'error',
              });
              writeFileSync(join(packageDir, 'package.json'), JSON.stringify({ name: 'exceljs', version: EXCELJS_VERSION, main: 'index.js' }));
              return true;
            },
          },
        },
      }),
    });
  }
}
