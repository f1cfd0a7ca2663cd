import { FormDefinitionInput } from '../../shared/forms/form-definition.ts';
import { caseForms } from './form-store.ts';
import { replaceDocumentRoute } from './document-routes.ts';

/** `PUT /forms/case` (tenant admin, If-Match): a new version of the case form. */
export const handler = replaceDocumentRoute('form.manage', caseForms, FormDefinitionInput);
