import { useState, type KeyboardEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { STAGES } from '../../../shared/schemas/case.ts';
import { ApiError } from '../app/api.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { fetchOverview } from './case-api.ts';
import { OverviewPanel } from './panels/OverviewPanel.tsx';
import { AssessmentPanel } from './panels/AssessmentPanel.tsx';
import { CarePlanPanel } from './panels/CarePlanPanel.tsx';
import { FollowUpsPanel } from './panels/FollowUpsPanel.tsx';
import { PlacementsPanel } from './panels/PlacementsPanel.tsx';
import { NotesPanel } from './panels/NotesPanel.tsx';
import { HistoryPanel } from './panels/HistoryPanel.tsx';
import { ReferralsPanel } from '../referrals/ReferralsPanel.tsx';
import { CaseLinks } from '../transfers/CaseLinks.tsx';

const TABS = ['overview', 'assessment', 'care_plan', 'follow_ups', 'placements', 'notes', 'referrals', 'history'] as const;
type Tab = (typeof TABS)[number];

export default function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const heading = usePageHeading();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab') as Tab | null;
  const [tab, setTab] = useState<Tab>(requested && TABS.includes(requested) ? requested : 'overview');
  const query = useQuery({ queryKey: ['case', id], queryFn: () => fetchOverview(id) });
  const overview = query.data;

  if (query.isPending) return <p role="status">{t('common.loading')}</p>;
  if (!overview) {
    const notFound = query.error instanceof ApiError && query.error.status === 404;
    return (
      <section>
        <h1 ref={heading} tabIndex={-1}>{notFound ? t('case.notFound') : t('common.error')}</h1>
        <Link to="/cases">{t('case.back')}</Link>
      </section>
    );
  }
  const kase = overview.case;
  const current = STAGES.indexOf(kase.stage);
  const choose = (next: Tab) => {
    setTab(next);
    setParams((old) => { const p = new URLSearchParams(old); p.set('tab', next); return p; }, { replace: true });
  };
  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
    if (!step) return;
    // Arrow keys follow the reading direction: in a right-to-left page, the next tab is on the left.
    const direction = document.documentElement.dir === 'rtl' ? -step : step;
    const next = TABS[(TABS.indexOf(tab) + direction + TABS.length) % TABS.length]!;
    choose(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

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
      <CaseLinks overview={overview} />
      {kase.pendingApproval && (
        <p className="notice" role="status">{t('case.pending', { kind: t(`approvalKind.${kase.pendingApproval.kind}`) })}</p>
      )}
      <div role="tablist" aria-label={t('case.sections')} className="tabs">
        {TABS.map((name) => (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={tab === name}
            aria-controls={`panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            onClick={() => choose(name)}
            onKeyDown={onTabKey}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
        {tab === 'overview' && <OverviewPanel overview={overview} />}
        {tab === 'assessment' && <AssessmentPanel kase={kase} />}
        {tab === 'care_plan' && <CarePlanPanel kase={kase} />}
        {tab === 'follow_ups' && <FollowUpsPanel overview={overview} />}
        {tab === 'placements' && <PlacementsPanel overview={overview} />}
        {tab === 'notes' && <NotesPanel overview={overview} />}
        {tab === 'referrals' && <ReferralsPanel overview={overview} />}
        {tab === 'history' && <HistoryPanel history={overview.history} />}
      </div>
    </section>
  );
}
