import { LookupsInput } from '../../shared/schemas/lookups.ts';
import { tenantLookups } from './lookup-store.ts';
import { replaceDocumentRoute } from './document-routes.ts';

/** `PUT /lookups` (tenant admin, If-Match): a new version of the lookups. */
export const handler = replaceDocumentRoute('lookup.manage', tenantLookups, LookupsInput);
