import { caseForms } from './form-store.ts';
import { readDocumentRoute } from './document-routes.ts';

/** `GET /forms/case`: the tenant's case form definition. */
export const handler = readDocumentRoute('form.read', caseForms);
