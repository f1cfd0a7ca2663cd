import * as z from 'zod';
import { compileFormSchema, type FieldValues } from '../../shared/forms/compile.ts';
import type { FormDefinition } from '../../shared/forms/form-definition.ts';
import type { Child } from '../../shared/schemas/case.ts';
import type { Lookups } from '../../shared/schemas/lookups.ts';
import { toMyanmarUnicode } from '../../shared/search/normalize.ts';
import { parseOrThrow } from '../../shared/validation.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';
import { caseForms } from '../config/form-store.ts';
import { tenantLookups } from '../config/lookup-store.ts';

/** What a case's categories and form fields are checked against: the tenant's form and lookups in force. */
export class CaseRules {
  private constructor(
    readonly form: FormDefinition,
    readonly lookups: Lookups,
  ) {}

  static async load(repository: TenantRepository): Promise<CaseRules> {
    const [form, lookups] = await Promise.all([caseForms(repository).current(), tenantLookups(repository).current()]);
    return new CaseRules(form, lookups);
  }

  /**
   * Checks categories (codes of the tenant's lookups: 400 `categories.<i>`) and form fields (400
   * `fields.<id>`), all problems in one error, and answers the fields as stored: shown, non-blank answers only.
   */
  check(input: { categories?: readonly string[]; fields?: Record<string, unknown> }): { fields?: FieldValues } {
    const checked = parseOrThrow(this.schema(), input);
    return checked.fields ? { fields: checked.fields } : {};
  }

  private compiled?: ReturnType<CaseRules['compile']>;

  /** Compiled once per rules: an import checks thousands of rows against the same form. */
  private schema() {
    this.compiled ??= this.compile();
    return this.compiled;
  }

  private compile() {
    const codes = new Set(this.lookups.categories.map((category) => category.code));
    const locations = this.lookups.locations;
    return z.object({
      categories: z.array(z.string().refine((code) => codes.has(code), { message: 'Use one of the categories of your tenant' })).optional(),
      fields: compileFormSchema(this.form, locations.length > 0 ? { locationIds: new Set(locations.map((location) => location.id)) } : {}).optional(),
    });
  }

  /**
   * PATCH of `fields`: the patch merges into what is stored, then the form in force checks the result. Answers
   * to fields that older form versions had and this one has not are kept as they are unless the patch clears
   * them (null); the patch may not name fields the form does not have.
   */
  mergeFields(stored: Record<string, unknown>, patch: Record<string, unknown>): FieldValues {
    const inForm = new Set(this.form.sections.flatMap((section) => section.fields.map((field) => field.id)));
    const legacy: Record<string, unknown> = {};
    const current: Record<string, unknown> = {};
    for (const [id, value] of Object.entries({ ...stored, ...patch })) {
      if (inForm.has(id) || (id in patch && patch[id] !== null)) current[id] = value;
      else if (!(id in patch)) legacy[id] = value;
    }
    return { ...(legacy as FieldValues), ...this.check({ fields: current }).fields };
  }
}

/** Names typed in Zawgyi are stored in Unicode, so they display everywhere and search finds them. */
export function unicodeChild<C extends Partial<Child>>(child: C): C {
  return {
    ...child,
    ...(child.fullName === undefined ? {} : { fullName: toMyanmarUnicode(child.fullName) }),
    ...(child.location === undefined ? {} : { location: toMyanmarUnicode(child.location) }),
  };
}
