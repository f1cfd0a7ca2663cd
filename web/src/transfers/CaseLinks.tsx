import { useEffect } from 'react';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Transfer } from '../../../shared/schemas/transfer.ts';
import { api } from '../app/api.ts';
import type { CaseOverview } from '../cases/case-api.ts';

/**
 * Where a transferred case came from or went, and a transfer still waiting for the other tenant. Reading a
 * waiting transfer brings this tenant's records up to date with the answer, so the case is then reloaded.
 */
export function CaseLinks({ overview }: { overview: CaseOverview }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const { transferredFrom, transferredTo } = overview.case.links ?? {};
  const waiting = overview.transfers.filter((transfer) => transfer.status === 'pending');
  const answers = useQueries({
    queries: waiting.map((transfer) => ({
      queryKey: ['transfer', transfer.transferId],
      queryFn: async () => (await api<Transfer>(`/api/v1/transfers/${transfer.transferId}`)).data,
    })),
  });
  const answered = answers.some((answer) => answer.data && answer.data.status !== 'pending');
  useEffect(() => {
    if (answered) void queries.invalidateQueries({ queryKey: ['case', overview.case.id] });
  }, [answered, queries, overview.case.id]);
  return (
    <>
      {transferredFrom && <p className="notice">{t('transfers.cameFrom', { tenant: transferredFrom.tenantId, caseNumber: transferredFrom.caseNumber ?? '' })}</p>}
      {transferredTo && <p className="notice">{t('transfers.wentTo', { tenant: transferredTo.tenantId, caseNumber: transferredTo.caseNumber ?? '' })}</p>}
      {waiting.map((transfer) => <p key={transfer.transferId} className="notice" role="status">{t('transfers.waiting', { tenant: transfer.toTenantId })}</p>)}
    </>
  );
}
