import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../shared/schemas/case.ts';
import { usePageHeading } from '../app/use-page-heading.ts';

export interface PossibleDuplicate {
  /** Only for a case the user may open; others are named by their number alone. */
  id?: string;
  caseNumber: string;
  score: number;
}

/** After a registration the API found similar cases for: the caseworker checks them before going on. */
export function PossibleDuplicates({ kase, duplicates }: { kase: Case; duplicates: PossibleDuplicate[] }) {
  const { t } = useTranslation();
  const heading = usePageHeading();
  return (
    <section className="notice" aria-labelledby="duplicates-title">
      <h1 id="duplicates-title" ref={heading} tabIndex={-1}>{t('duplicates.title', { caseNumber: kase.caseNumber })}</h1>
      <p>{t('duplicates.explain', { count: duplicates.length })}</p>
      <ul>
        {duplicates.map((duplicate) => (
          <li key={duplicate.caseNumber}>
            {duplicate.id
              ? <Link to={`/cases/${duplicate.id}`}>{t('duplicates.case', { caseNumber: duplicate.caseNumber })}</Link>
              : t('duplicates.case', { caseNumber: duplicate.caseNumber })}
          </li>
        ))}
      </ul>
      <p><Link to={`/cases/${kase.id}`}>{t('duplicates.continue', { caseNumber: kase.caseNumber })}</Link></p>
    </section>
  );
}
