import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { FormDefinition, FormSection } from '../../../shared/forms/form-definition.ts';
import { api, ApiError } from '../app/api.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { moveItem, newField, newSection, updateField, updateFields } from './builder-model.ts';
import { TranslatedInputs } from './TranslatedInputs.tsx';
import { FieldEditor } from './FieldEditor.tsx';
import { FormPreview } from './FormPreview.tsx';
import { FORM_QUERY_KEY, useCaseForm, type LoadedForm } from './form-api.ts';

/** `/admin/forms`: the tenant admin edits the case form; a save sends If-Match and reports a 412 plainly. */
export default function FormBuilderPage() {
  const { t } = useTranslation();
  const heading = usePageHeading();
  const form = useCaseForm();
  // Kept here: a save gives the form a new ETag, and the builder below starts afresh from the saved version.
  const [savedVersion, setSavedVersion] = useState<number>();
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('forms.builderTitle')}</h1>
      {form.isPending && <p role="status">{t('common.loading')}</p>}
      {form.isError && <p role="alert" className="error">{t('common.error')}</p>}
      {savedVersion !== undefined && <p role="status">{t('forms.saved', { version: savedVersion })}</p>}
      {form.data && <Builder key={form.data.etag ?? form.data.definition.version} loaded={form.data} onSaved={setSavedVersion} />}
    </section>
  );
}

function Builder({ loaded, onSaved }: { loaded: LoadedForm; onSaved: (version: number) => void }) {
  const { t, i18n } = useTranslation();
  const queries = useQueryClient();
  const [sections, setSections] = useState<FormSection[]>(loaded.definition.sections);
  const save = useMutation({
    mutationFn: async () =>
      api<FormDefinition>('/api/v1/forms/case', {
        method: 'PUT',
        body: { sections },
        headers: { 'if-match': loaded.etag ?? `"${loaded.definition.version}"` },
      }),
    onSuccess: (result) => {
      onSaved(result.data.version);
      queries.setQueryData(FORM_QUERY_KEY, { definition: result.data, etag: result.etag });
    },
  });
  const failure = save.error instanceof ApiError ? save.error : undefined;
  const allFields = sections.flatMap((section) => section.fields);

  return (
    <div className="builder">
      <form className="form" onSubmit={(event) => { event.preventDefault(); save.mutate(); }} noValidate>
        {sections.map((section, s) => (
          <fieldset key={s}>
            <legend>{t('forms.section', { number: new Intl.NumberFormat(i18n.language).format(s + 1) })}</legend>
            <label htmlFor={`section-${s}-id`}>{t('forms.sectionId')}</label>
            <input id={`section-${s}-id`} value={section.id} onChange={(event) => setSections(sections.map((x, i) => (i === s ? { ...x, id: event.target.value } : x)))} />
            <TranslatedInputs id={`section-${s}-title`} label={t('forms.sectionTitle')} value={section.title}
              onChange={(title) => setSections(sections.map((x, i) => (i === s ? { ...x, title } : x)))} />
            <ol className="builder-fields">
              {section.fields.map((field, f) => (
                <FieldEditor
                  key={f}
                  field={field}
                  earlier={allFields.slice(0, allFields.indexOf(field))}
                  first={f === 0}
                  last={f === section.fields.length - 1}
                  onChange={(change) => setSections(updateField(sections, s, f, change))}
                  onMove={(by) => setSections(updateFields(sections, s, moveItem(section.fields, f, by)))}
                  onRemove={() => setSections(updateFields(sections, s, section.fields.filter((_, j) => j !== f)))}
                />
              ))}
            </ol>
            <button type="button" onClick={() => setSections(updateFields(sections, s, [...section.fields, newField(sections)]))}>{t('forms.addField')}</button>{' '}
            <button type="button" onClick={() => setSections(sections.filter((_, i) => i !== s))}>{t('forms.removeSection')}</button>
          </fieldset>
        ))}
        <button type="button" onClick={() => setSections([...sections, newSection(sections)])}>{t('forms.addSection')}</button>
        {failure?.status === 412 && (
          <p role="alert" className="error">
            {t('forms.conflict')}{' '}
            <button type="button" className="link-button" onClick={() => void queries.invalidateQueries({ queryKey: FORM_QUERY_KEY })}>{t('forms.reload')}</button>
          </p>
        )}
        {failure && failure.status !== 412 && (
          <p role="alert" className="error">{t('forms.invalid', { message: failure.details.map((d) => `${d.path}: ${d.message}`).join('; ') || failure.message })}</p>
        )}
        <button type="submit" disabled={save.isPending}>{t('forms.save')}</button>
      </form>
      <FormPreview sections={sections} />
    </div>
  );
}
