import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../app/api.ts';
import { completeNewPassword, type NewPasswordRequired } from '../app/sign-in.ts';

/** The first sign-in of someone an administrator created: they choose their own password, typed twice. */
export function NewPasswordForm({ challenge, onDone }: { challenge: NewPasswordRequired; onDone: () => void }) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = String(form.get('newPassword') ?? '');
    if (password !== String(form.get('confirmPassword') ?? '')) {
      setProblem('login.passwordsDiffer');
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await completeNewPassword(challenge, password);
      onDone();
    } catch (error) {
      setProblem(error instanceof ApiError && error.status === 400 ? 'login.weakPassword' : 'login.unavailable');
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <h2>{t('login.newPasswordTitle')}</h2>
      <p>{t('login.newPasswordHelp')}</p>
      <label htmlFor="newPassword">{t('login.newPassword')}</label>
      <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" required />
      <label htmlFor="confirmPassword">{t('login.confirmPassword')}</label>
      <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" required />
      {problem && <p role="alert" className="error">{t(problem)}</p>}
      <button type="submit" disabled={busy}>{t('login.setPassword')}</button>
    </form>
  );
}
