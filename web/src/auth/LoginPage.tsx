import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signIn } from '../app/sign-in.ts';
import { LanguagePicker } from '../app/LanguagePicker.tsx';
import { usePageHeading } from '../app/use-page-heading.ts';

/** Only same-origin paths are followed after sign-in: `?next=` must not send anyone elsewhere. */
const safeNext = (next: string | null) => (next && next.startsWith('/') && !next.startsWith('//') ? next : '/');

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const heading = usePageHeading();
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setFailed(false);
    try {
      await signIn(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
      void navigate(safeNext(params.get('next')), { replace: true });
    } catch {
      setFailed(true);
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
        <form onSubmit={(event) => void submit(event)} noValidate>
          <label htmlFor="username">{t('login.username')}</label>
          <input id="username" name="username" autoComplete="username" required autoCapitalize="none" spellCheck={false} />
          <label htmlFor="password">{t('login.password')}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
          {failed && <p role="alert" className="error">{t('login.failed')}</p>}
          <button type="submit" disabled={busy}>{busy ? t('login.submitting') : t('login.submit')}</button>
        </form>
        <LanguagePicker />
      </div>
    </main>
  );
}
