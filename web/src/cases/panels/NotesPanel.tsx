import { useTranslation } from 'react-i18next';
import { NoteInput } from '../../../../shared/schemas/case-records.ts';
import { useCan } from '../../app/use-me.ts';
import { formatDateTime } from '../../app/format.ts';
import { postChange, type CaseOverview } from '../case-api.ts';
import { ChangeForm, Field } from '../ChangeForm.tsx';

export function NotesPanel({ overview }: { overview: CaseOverview }) {
  const { t, i18n } = useTranslation();
  const kase = overview.case;
  const canWrite = useCan('case.work');
  return (
    <>
      {overview.notes.length === 0 ? <p className="muted">{t('notes.none')}</p> : (
        <ul className="record-list">
          {overview.notes.map((note) => (
            <li key={note.id}>
              <p className="prose">{note.text}</p>
              <p className="muted small">
                {note.authorName} · {formatDateTime(note.createdAt, i18n.language)}
                {note.confidential && <> · <strong>{t('notes.confidential')}</strong></>}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <ChangeForm schema={NoteInput} seen={kase} submitLabel={t('notes.add')}
          values={(form) => ({ text: form.get('text'), confidential: form.get('confidential') === 'on' })}
          send={(data) => postChange(`/api/v1/cases/${kase.id}/notes`, data)}>
          <Field name="text" label={t('notes.text')}>{(props) => <textarea {...props} rows={3} />}</Field>
          <label className="checkbox"><input type="checkbox" name="confidential" /> {t('notes.confidentialLabel')}</label>
        </ChangeForm>
      )}
    </>
  );
}
