import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/auth/roles.ts';
import { NewUserInput, type User } from '../../../shared/schemas/user.ts';
import { ApiError, api } from '../app/api.ts';
import { usePageHeading } from '../app/use-page-heading.ts';
import { optional, parseForm, type FieldErrors } from '../cases/parse-form.ts';
import { postChange } from '../cases/case-api.ts';
import { fetchOrganizations } from '../referrals/referral-api.ts';
import { UserAuditList } from './UserAuditList.tsx';
import { UnitPicker } from '../units/UnitPicker.tsx';
import { unitName, useScopeUnits } from '../units/unit-api.ts';

/** Roles a tenant admin may grant: everything but the platform operator. */
const GRANTABLE = ROLES.filter((role) => role !== 'platform_operator');

/** The tenant admin's console: the tenant's users, their roles, and new accounts. */
export default function UsersPage() {
  const { t } = useTranslation();
  const heading = usePageHeading();
  const users = useQuery({ queryKey: ['users'], queryFn: async () => (await api<User[]>('/api/v1/users?limit=100')).data });
  const [password, setPassword] = useState<{ username: string; value: string }>();
  return (
    <section>
      <h1 ref={heading} tabIndex={-1}>{t('users.title')}</h1>
      {password && <p role="status" className="notice">{t('users.oneTimePasswordFor', { username: password.username })}: <code data-testid="temporary-password">{password.value}</code></p>}
      {users.isPending && <p role="status">{t('common.loading')}</p>}
      <ul className="record-list">
        {users.data?.map((user) => <UserRow key={user.userId} user={user} onPassword={(value) => setPassword({ username: user.username, value })} />)}
      </ul>
      <NewUserForm onCreated={(username, value) => value && setPassword({ username, value })} />
      <UserAuditList />
    </section>
  );
}

function RoleBoxes({ name, selected }: { name: string; selected: readonly Role[] }) {
  const { t } = useTranslation();
  return (
    <div className="radio-row">
      {GRANTABLE.map((role) => (
        <label key={role} className="checkbox"><input type="checkbox" name={name} value={role} defaultChecked={selected.includes(role)} />{t(`roles.${role}`)}</label>
      ))}
    </div>
  );
}

function UserRow({ user, onPassword }: { user: User; onPassword: (password: string) => void }) {
  const { t, i18n } = useTranslation();
  const scope = useScopeUnits({ includeInactive: true });
  // A profile from before units has no unitId: it is in the root.
  const unitId = user.unitId ?? scope.all.find((unit) => unit.parentId === null)?.id;
  const unit = scope.all.find((candidate) => candidate.id === unitId);
  const queries = useQueryClient();
  const refresh = () => queries.invalidateQueries({ queryKey: ['users'] });
  const patch = useMutation({
    mutationFn: (body: Partial<Pick<User, 'roles' | 'status' | 'unitId'>>) => api(`/api/v1/users/${user.userId}`, { method: 'PATCH', body, headers: { 'if-match': `"${user.version}"` } }),
    onSettled: refresh,
  });
  const reset = useMutation({
    mutationFn: () => postChange<{ temporaryPassword?: string }>(`/api/v1/users/${user.userId}/reset-password`, {}),
    onSuccess: (result) => result.temporaryPassword && onPassword(result.temporaryPassword),
    onSettled: refresh,
  });
  return (
    <li>
      <p><strong>{user.displayName}</strong> <code>{user.username}</code> · {user.roles.map((r) => t(`roles.${r}`)).join(', ')} · {t(`users.statuses.${user.status}`)}{unit && <> · <bdi>{unitName(unit, i18n.language)}</bdi></>}</p>
      <details className="action">
        <summary>{t('users.manage')}</summary>
        <form className="form" onSubmit={(event) => { event.preventDefault(); patch.mutate({ roles: new FormData(event.currentTarget).getAll('roles') as Role[] }); }}>
          <RoleBoxes name="roles" selected={user.roles} />
          <div className="dialog-actions">
            <button type="submit">{t('users.saveRoles')}</button>
            <button type="button" className="secondary" onClick={() => patch.mutate({ status: user.status === 'active' ? 'disabled' : 'active' })}>
              {user.status === 'active' ? t('users.disable') : t('users.enable')}
            </button>
            <button type="button" className="secondary" onClick={() => reset.mutate()}>{t('users.resetPassword')}</button>
          </div>
          {(patch.isError || reset.isError) && <p role="alert" className="error">{t('common.error')}</p>}
        </form>
        <form className="form" onSubmit={(event) => { event.preventDefault(); patch.mutate({ unitId: String(new FormData(event.currentTarget).get('unitId')) }); }}>
          <UnitPicker id={`unit-${user.userId}`} name="unitId" label={t('users.unit')} defaultValue={unitId} key={unitId ?? ''} />
          <div className="dialog-actions">
            <button type="submit">{t('users.saveUnit')}</button>
          </div>
        </form>
      </details>
    </li>
  );
}

function NewUserForm({ onCreated }: { onCreated: (username: string, temporaryPassword?: string) => void }) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  // Partner users belong to one of the tenant's partner organisations.
  const organizations = useQuery({ queryKey: ['organizations'], queryFn: fetchOrganizations });
  // New people start in the admin's own unit (the root, for most admins) unless another is chosen.
  const homeUnitId = useScopeUnits().homeUnitId;
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failed, setFailed] = useState<string | false>(false);
  const submit = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const parsed = parseForm(NewUserInput, {
      username: data.get('username'), displayName: data.get('displayName'), email: optional(data.get('email')),
      roles: data.getAll('newRoles'), organizationId: optional(data.get('organizationId')), unitId: optional(data.get('unitId')),
    });
    setErrors(parsed.errors ?? {});
    setFailed(false);
    if (!parsed.data) return;
    try {
      const created = await postChange<{ user: User; temporaryPassword?: string }>('/api/v1/users', parsed.data);
      onCreated(created.user.username, created.temporaryPassword);
      form.reset();
      void queries.invalidateQueries({ queryKey: ['users'] });
    } catch (error) {
      if (error instanceof ApiError && error.details.some((detail) => detail.path === 'unitId')) setErrors({ unitId: error.message });
      setFailed(error instanceof ApiError && error.status === 409 ? 'users.usernameTaken' : 'common.error');
    }
  };
  const error = (name: string) => errors[name] && <p className="field-error">{t('errors.generic')}</p>;
  return (
    <form className="form" onSubmit={(event) => { event.preventDefault(); void submit(event.currentTarget); }} noValidate>
      <h2>{t('users.add')}</h2>
      <label htmlFor="new-username">{t('login.username')}</label>
      <input id="new-username" name="username" spellCheck={false} autoCapitalize="none" />{error('username')}
      <label htmlFor="new-displayName">{t('users.displayName')}</label>
      <input id="new-displayName" name="displayName" />{error('displayName')}
      <label htmlFor="new-email">{t('users.email')}</label>
      <input id="new-email" name="email" type="email" />{error('email')}
      <fieldset><legend>{t('users.roles')}</legend><RoleBoxes name="newRoles" selected={[]} />{error('roles')}</fieldset>
      <label htmlFor="new-organizationId">{t('users.organization')}</label>
      <select id="new-organizationId" name="organizationId">
        <option value="">{t('common.none')}</option>
        {organizations.data?.map((organization) => <option key={organization.id} value={organization.id}>{organization.name}</option>)}
      </select>{error('organizationId')}
      <UnitPicker id="new-unitId" name="unitId" label={t('users.unit')} defaultValue={homeUnitId} key={homeUnitId ?? ''} />{error('unitId')}
      {failed && <p role="alert" className="error">{t(failed)}</p>}
      <button type="submit">{t('users.create')}</button>
    </form>
  );
}
