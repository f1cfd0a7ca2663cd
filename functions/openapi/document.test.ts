import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './document.ts';
import { ROUTES } from '../routes.ts';

describe('OpenAPI document', () => {
  const document = buildOpenApiDocument();

  it('describes every route the API serves', () => {
    for (const route of ROUTES) {
      const operations = document.paths?.[route.path] as Record<string, unknown> | undefined;
      expect(operations?.[route.method.toLowerCase()], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it('derives the Case schema from the shared zod schema', () => {
    const schema = document.components?.schemas?.Case as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['id', 'caseNumber', 'stage', 'version', 'child']));
    expect(schema.required).toContain('caseNumber');
  });
});
