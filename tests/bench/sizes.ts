import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROUTES, WORKER_ENTRIES } from '../../functions/routes.ts';
import { REPO_ROOT } from '../../infra/local/stack.ts';
import { buildLambdaBundle, LAMBDA_NODE_OPTIONS } from '../../infra/constructs/lambda-bundle.ts';
import { median } from './measure.ts';

/** Gzipped KB of the JavaScript the login page loads: the entry script and what it preloads. */
export function spaInitialJsGzKb(): number {
  const dist = join(REPO_ROOT, 'web', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((match) => match[1]!);
  const bytes = scripts.reduce((sum, path) => sum + gzipSync(readFileSync(join(dist, path))).length, 0);
  return bytes / 1024;
}

/**
 * Bundles every handler (and the background workers) as CDK does (`LAMBDA_BUNDLE`: minified CommonJS for Node 22, AWS SDK
 * external) and measures the largest bundle and its module init time in a fresh Node process started as Lambda
 * starts it (`LAMBDA_NODE_OPTIONS`: source maps on).
 */
export async function lambdaBundles(): Promise<{ maxBundleKb: number; largest: string; initMs: number }> {
  const outDir = join(REPO_ROOT, 'bench-results', 'bundles');
  mkdirSync(outDir, { recursive: true });
  let largest = { entry: '', file: '', bytes: 0 };
  for (const entry of [...ROUTES.map((route) => route.entry), ...WORKER_ENTRIES]) {
    const file = join(outDir, `${entry.replace(/[/.]/g, '_')}.cjs`);
    await buildLambdaBundle(join(REPO_ROOT, 'functions', entry), file);
    const bytes = statSync(file).size;
    if (bytes > largest.bytes) largest = { entry, file, bytes };
  }
  const initRuns = Array.from({ length: 9 }, () => Number(execFileSync(process.execPath, [LAMBDA_NODE_OPTIONS, '-e',
    `const t = performance.now(); require(${JSON.stringify(largest.file)}); console.log(performance.now() - t);`], { cwd: REPO_ROOT, encoding: 'utf8' }).trim()));
  return { maxBundleKb: largest.bytes / 1024, largest: largest.entry, initMs: median(initRuns) };
}
