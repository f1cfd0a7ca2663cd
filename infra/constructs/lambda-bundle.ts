import { build, type BuildResult } from 'esbuild';

/**
 * How every handler is bundled, in esbuild's terms: the CDK function construct deploys with it and the
 * benchmark measures bundles built with it, so the figures are those of what deploys.
 *
 * CommonJS, not ESM: the AWS SDK that nodejs22.x provides is CommonJS, and an ESM bundle's `import` of it
 * makes Node scan each SDK file for its export names first; `require` skips that (module init of the largest
 * bundle: ~105 ms as ESM, ~72 ms as CommonJS on the 2-core development machine). Source maps without the
 * sources: stack traces in the logs still point at our TypeScript, and Node parses a quarter of the map.
 */
export const LAMBDA_BUNDLE = {
  format: 'cjs',
  target: 'node22',
  minify: true,
  sourcemap: true,
  sourcesContent: false,
  mainFields: ['module', 'main'],
  // nodejs22.x ships the AWS SDK v3: leaving it out keeps bundles small.
  external: ['@aws-sdk/*'],
  // The handlers are ESM in the repository; the one `import.meta.url` they read (to create a require) gets the
  // bundle's own file URL.
  define: { 'import.meta.url': '__bundleFileUrl' },
  banner: "const __bundleFileUrl = require('node:url').pathToFileURL(__filename).href;",
} as const;

/** Node options of every function: readable stack traces from the source maps. */
export const LAMBDA_NODE_OPTIONS = '--enable-source-maps';

/**
 * Bundles a handler module outside CDK exactly as CDK does (for the benchmark and the bundle tests). Write it to a
 * `.cjs` file: the repository's package.json says "type": "module", a deployed bundle has no package.json.
 */
export function buildLambdaBundle(entryPath: string, outfile: string): Promise<BuildResult> {
  const { banner, external, mainFields, ...options } = LAMBDA_BUNDLE;
  return build({
    ...options, entryPoints: [entryPath], bundle: true, platform: 'node', outfile,
    external: [...external], mainFields: [...mainFields], banner: { js: banner }, logLevel: 'silent',
  });
}
