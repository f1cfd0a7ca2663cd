import { afterEach, beforeAll, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { initI18n } from '../i18n/i18n.ts';
import { LoginPage } from './LoginPage.tsx';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

beforeAll(() => {
  localStorage.setItem('sanad.lang', 'en');
  initI18n();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

it('lets a person created by an administrator choose a password at the first sign-in, then goes on', async () => {
  const cognito = vi.fn()
    .mockResolvedValueOnce(json(200, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'session-1' }))
    .mockResolvedValueOnce(json(200, { AuthenticationResult: { IdToken: 'new-token' } }));
  vi.stubGlobal('fetch', vi.fn(async (url: string) => (url === '/config.json'
    ? json(200, { auth: 'cognito', region: 'eu-west-1', userPoolClientId: 'c' })
    : cognito())));
  render(
    <MemoryRouter initialEntries={['/login?next=/cases']}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/cases" element={<p>Caseload reached</p>} />
      </Routes>
    </MemoryRouter>,
  );
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'newcomer' } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'temporary-1' } });
  fireEvent.submit(screen.getByLabelText('Username').closest('form')!);

  const fresh = await screen.findByLabelText('New password');
  fireEvent.change(fresh, { target: { value: 'a long passphrase' } });
  fireEvent.change(screen.getByLabelText('New password again'), { target: { value: 'a different one' } });
  fireEvent.submit(fresh.closest('form')!);
  expect((await screen.findByRole('alert')).textContent).toBe('The two passwords are not the same.');
  expect(cognito).toHaveBeenCalledTimes(1);

  fireEvent.change(screen.getByLabelText('New password again'), { target: { value: 'a long passphrase' } });
  fireEvent.submit(fresh.closest('form')!);
  await screen.findByText('Caseload reached');
  await waitFor(() => expect(sessionStorage.getItem('sanad.token')).toBe('new-token'));
});
