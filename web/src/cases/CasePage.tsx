import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../../shared/schemas/case.ts';
import { ApiError } from '../app/api.ts';
import { formatDate, formatDateTime } from '../app/format.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { fetchCase } from './case-api.ts';

export default function CasePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const heading = usePageHeading();
  const query = useQuery({ queryKey: ['case', id], queryFn: () => fetchCase(id) });
  const kase = query.data;
  const notFound = query.error instanceof ApiError && query.error.status === 404;

  if (query.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!kase) {
    return (
      <section>
        <h1 ref={heading} tabIndex={-1}>{notFound ? t('case.notFound') : t('common.error')}</h1>
        <Link to="/cases">{t('case.back')}</Link>
      </section>
    );
  }
  const current = STAGES.indexOf(kase.stage);
  const none = t('common.none');
  return (
    <section>
      <p><Link to="/cases">{t('case.back')}</Link></p>
      <h1 ref={heading} tabIndex={-1}>{kase.caseNumber}</h1>
      <p className="lead">{kase.child.fullName}</p>
      <nav aria-label={t('case.progress')}>
        <ol className="progress">
          {STAGES.map((stage, index) => (
            <li key={stage} className={index < current ? 'done' : index === current ? 'current' : ''} aria-current={index === current ? 'step' : undefined}>
              {t(`stage.${stage}`)}
            </li>
          ))}
        </ol>
      </nav>
      <dl className="details">
        <dt>{t('case.status')}</dt><dd>{t(`status.${kase.status}`)}</dd>
        <dt>{t('case.risk')}</dt><dd><span className={`risk risk-${kase.riskLevel}`}>{t(`risk.${kase.riskLevel}`)}</span></dd>
        <dt>{t('register.sex')}</dt><dd>{t(`sex.${kase.child.sex}`)}</dd>
        <dt>{t('register.dateOfBirth')}</dt><dd>{kase.child.dateOfBirth ? formatDate(kase.child.dateOfBirth, i18n.language) : none}</dd>
        <dt>{t('register.location')}</dt><dd>{kase.child.location ?? none}</dd>
        <dt>{t('case.categories')}</dt><dd>{kase.categories.map((code) => t(`category.${code}`, { defaultValue: code })).join(', ')}</dd>
        <dt>{t('case.created')}</dt><dd>{formatDateTime(kase.createdAt, i18n.language)}</dd>
        <dt>{t('case.updated')}</dt><dd>{formatDateTime(kase.updatedAt, i18n.language)}</dd>
        <dt>{t('case.version')}</dt><dd>{kase.version}</dd>
      </dl>
    </section>
  );
}
