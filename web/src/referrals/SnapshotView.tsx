import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../shared/schemas/referral.ts';
import { formatDate } from '../app/format.ts';

/** What was shared with the partner, section by section — the same view serves the wizard's preview. */
export function SnapshotView({ snapshot }: { snapshot: Snapshot }) {
  const { t, i18n } = useTranslation();
  const { child, assessment, carePlan, notes } = snapshot;
  const empty = !child && !assessment && !carePlan && !notes;
  if (empty) return <p className="muted">{t('referrals.nothingShared')}</p>;
  return (
    <div className="snapshot">
      {child && (
        <dl className="details">
          {child.fullName !== undefined && <><dt>{t('register.fullName')}</dt><dd>{child.fullName}</dd></>}
          {child.sex !== undefined && <><dt>{t('register.sex')}</dt><dd>{t(`sex.${child.sex}`)}</dd></>}
          {child.dateOfBirth !== undefined && <><dt>{t('register.dateOfBirth')}</dt><dd>{formatDate(child.dateOfBirth, i18n.language)}</dd></>}
          {child.ageYears !== undefined && <><dt>{t('referrals.age')}</dt><dd>{child.ageYears}</dd></>}
          {child.location !== undefined && <><dt>{t('register.location')}</dt><dd>{child.location}</dd></>}
        </dl>
      )}
      {assessment && (
        <>
          <h3>{t('shareSection.assessment')}</h3>
          <p>{assessment.categories.map((code) => t(`category.${code}`, { defaultValue: code })).join(', ')} · {t(`risk.${assessment.riskLevel}`)}</p>
          {assessment.needs.length > 0 && <ul>{assessment.needs.map((need) => <li key={need}>{need}</li>)}</ul>}
          {assessment.summary && <p className="prose">{assessment.summary}</p>}
        </>
      )}
      {carePlan && (
        <>
          <h3>{t('shareSection.care_plan')}</h3>
          <ul>{carePlan.goals.map((goal) => <li key={goal.goal}>{goal.goal} — {formatDate(goal.dueDate, i18n.language)}{goal.services.length > 0 && ` (${goal.services.join(', ')})`}</li>)}</ul>
          <p className="prose">{carePlan.summary}</p>
        </>
      )}
      {notes && (
        <>
          <h3>{t('shareSection.notes')}</h3>
          {notes.length === 0 ? <p className="muted">{t('notes.none')}</p> : <ul>{notes.map((note) => <li key={note.createdAt} className="prose">{note.text}</li>)}</ul>}
        </>
      )}
    </div>
  );
}
