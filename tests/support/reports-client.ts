import { expect } from 'vitest';
import { ApiClient } from './api-client.ts';

/** Creates a user with `roles` through the tenant admin and signs them in. */
export async function signInNewUser(baseUrl: string, admin: ApiClient, username: string, roles: string[]): Promise<ApiClient> {
  const created = await admin.post('/api/v1/users', { username, displayName: username, roles });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return ApiClient.signIn(baseUrl, username, created.body.data.temporaryPassword);
}

/** Waits until an import job is no longer running and returns it. */
export async function waitForImport(client: ApiClient, id: string, timeoutMs = 60_000): Promise<any> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await client.get(`/api/v1/imports/${id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    if (res.body.data.status !== 'running' || Date.now() > until) return res.body.data;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Imports a CSV and waits for the job to finish. */
export async function importCsv(client: ApiClient, csv: string): Promise<any> {
  const started = await client.request('POST', '/api/v1/imports/cases', { rawBody: csv, headers: { 'content-type': 'text/csv' } });
  expect(started.status, JSON.stringify(started.body)).toBe(202);
  return waitForImport(client, started.body.data.id);
}
