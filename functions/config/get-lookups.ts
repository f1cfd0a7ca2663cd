import { tenantLookups } from './lookup-store.ts';
import { readDocumentRoute } from './document-routes.ts';

/** `GET /lookups`: the tenant's categories and location tree. */
export const handler = readDocumentRoute('lookup.read', tenantLookups);
