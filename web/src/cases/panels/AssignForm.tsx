import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Case } from '../../../../shared/schemas/case.ts';
import { AssignInput } from '../../../../shared/schemas/lifecycle.ts';
import type { User } from '../../../../shared/schemas/user.ts';
import { api } from '../../app/api.ts';
import { postChange } from '../case-api.ts';
import { ChangeForm, Field } from '../ChangeForm.tsx';

/** The tenant's people who can work cases, for the supervisor's assign control and for showing names. */
export function useCaseWorkers(enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'case-workers'],
    enabled,
    queryFn: async () => (await api<User[]>('/api/v1/users?limit=100')).data
      .filter((user) => user.status === 'active' && user.roles.some((role) => role === 'caseworker' || role === 'supervisor')),
  });
}

export function AssignForm({ kase }: { kase: Case }) {
  const { t } = useTranslation();
  const workers = useCaseWorkers(true).data ?? [];
  const candidates = workers.filter((user) => user.userId !== kase.ownerId && !kase.assignedTo.includes(user.userId));
  return (
    <details className="action">
      <summary>{t('actions.assign')}</summary>
      <ChangeForm schema={AssignInput} seen={kase} submitLabel={t('actions.assign')}
        values={(form) => ({ userId: form.get('userId') })}
        send={(data, version) => postChange(`/api/v1/cases/${kase.id}/assign`, data, version)}>
        <Field name="userId" label={t('fields.assignee')}>
          {(props) => <select {...props}>{candidates.map((user) => <option key={user.userId} value={user.userId}>{user.displayName} ({user.username})</option>)}</select>}
        </Field>
      </ChangeForm>
    </details>
  );
}
