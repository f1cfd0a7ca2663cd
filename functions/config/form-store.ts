import { DEFAULT_FORM, FormDefinition } from '../../shared/forms/form-definition.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { VersionedDocument } from './versioned-document.ts';

export const FORM_PARTITION = 'FORM#case';

/** The tenant's case form, versioned (`T#<t>#FORM#case`). */
export const caseForms = (repository: TenantRepository) =>
  new VersionedDocument<FormDefinition>(repository, FORM_PARTITION, 'form', (item) => FormDefinition.parse(item), () => ({ sections: DEFAULT_FORM.sections }));

/** The item onboarding writes: the default form as version 1. */
export const initialFormItem = () => ({ pk: FORM_PARTITION, sk: 'CURRENT', entity: 'form', ...DEFAULT_FORM });
