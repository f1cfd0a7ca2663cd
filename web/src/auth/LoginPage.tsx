import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { NewPasswordRequired, signIn, switchTenant } from '../app/sign-in.ts';
import { NewPasswordForm } from './NewPasswordForm.tsx';
import { session } from '../app/session.ts';
import { safeNext } from '../app/return-path.ts';
import { LanguagePicker } from '../app/LanguagePicker.tsx';
import { usePageHeading } from '../app/use-page-heading.ts';

/** What went wrong, in words that tell the person what to do next. */
function failureMessageKey(error: unknown): string {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 401) return 'login.failed';
  if (status === 400) return 'login.missing';
  if (status === 429) return 'login.locked';
  return 'login.unavailable';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const heading = usePageHeading();
  const [failure, setFailure] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [memberships, setMemberships] = useState<{ tenantId: string }[]>([]);
  const [challenge, setChallenge] = useState<NewPasswordRequired | undefined>();
  const next = safeNext(params.get('next'));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailure(undefined);
    try {
      await signIn(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
      const tenants = session.memberships();
      // Someone who works in several tenants picks one before going on.
      if (tenants.length > 1) setMemberships(tenants);
      else void navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof NewPasswordRequired) setChallenge(error);
      else setFailure(failureMessageKey(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="login">
      <div className="login-card">
        <p className="brand">{t('app.name')}</p>
        <p className="tagline">{t('app.tagline')}</p>
        <h1 ref={heading} tabIndex={-1}>{t('login.title')}</h1>
        {challenge && <NewPasswordForm challenge={challenge} onDone={() => void navigate(next, { replace: true })} />}
        <form hidden={challenge !== undefined} onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor="username">{t('login.username')}</label>
          <input id="username" name="username" autoComplete="username" required autoCapitalize="none" spellCheck={false} />
          <label htmlFor="password">{t('login.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
          {failure && <p role="alert" className="error">{t(failure)}</p>}
          <button type="submit" disabled={busy}>{busy ? t('login.submitting') : t('login.submit')}</button>
        </form>
        {memberships.length > 1 && (
          <form onSubmit={(event) => {
            event.preventDefault();
            const chosen = String(new FormData(event.currentTarget).get('tenant'));
            void (chosen === memberships[0]?.tenantId ? Promise.resolve() : switchTenant(chosen))
              .then(() => navigate(next, { replace: true }))
              .catch((error: unknown) => setFailure(failureMessageKey(error)));
          }}>
            <label htmlFor="tenant">{t('login.chooseTenant')}</label>
            <select id="tenant" name="tenant">{memberships.map((m) => <option key={m.tenantId} value={m.tenantId}>{m.tenantId}</option>)}</select>
            <button type="submit">{t('login.continue')}</button>
          </form>
        )}
        <LanguagePicker />
      </div>
    </main>
  );
}
