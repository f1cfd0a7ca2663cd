import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROUTES, WORKER_ENTRIES } from '../../functions/routes.ts';
import { REPO_ROOT } from '../repo-root.ts';
import { buildLambdaBundle } from './lambda-bundle.ts';

// Inside the repository, so that the bundle's require finds the SDK and exceljs in node_modules as Lambda finds them in the runtime and layer.
const cacheDir = join(REPO_ROOT, 'node_modules', '.cache');
mkdirSync(cacheDir, { recursive: true });
const outDir = mkdtempSync(join(cacheDir, 'sanad-bundle-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Bundles a module of `functions/` as the function construct does and loads it as Lambda's runtime would. */
async function bundleAndLoad(entry: string): Promise<Record<string, unknown>> {
  const file = join(outDir, `${entry.replace(/[/.]/g, '_')}.cjs`);
  const result = await buildLambdaBundle(join(REPO_ROOT, 'functions', entry), file);
  expect(result.errors).toEqual([]);
  expect(result.warnings.map((warning) => warning.text)).toEqual([]);
  return createRequire(import.meta.url)(file) as Record<string, unknown>;
}

describe('the Lambda bundle', () => {
  it('loads every handler as CommonJS, each exporting its handler', async () => {
    for (const entry of [...ROUTES.map((route) => route.entry), ...WORKER_ENTRIES]) {
      const loaded = await bundleAndLoad(entry);
      expect(typeof loaded.handler, entry).toBe('function');
    }
  }, 120_000);

  it('still finds exceljs from inside the bundle (the layer is loaded with a require made from the bundle file)', async () => {
    const { loadExcel } = await bundleAndLoad('http/spreadsheet.ts') as { loadExcel: () => Promise<{ Workbook: unknown }> };
    expect(typeof (await loadExcel()).Workbook).toBe('function');
  });
});
