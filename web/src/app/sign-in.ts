import { ApiError, toApiError } from './api.ts';
import { session } from './session.ts';

type AuthConfig = { auth: 'local' } | { auth: 'cognito'; region: string; userPoolClientId: string };

let config: Promise<AuthConfig> | undefined;

/** `/config.json` says how to sign in: the local issuer, or Cognito in AWS. Missing means local. */
function authConfig(): Promise<AuthConfig> {
  config ??= fetch('/config.json')
    .then((response) => (response.ok ? (response.json() as Promise<AuthConfig>) : { auth: 'local' as const }))
    .catch(() => ({ auth: 'local' as const }));
  return config;
}

export async function signIn(username: string, password: string): Promise<void> {
  const settings = await authConfig();
  if (settings.auth === 'cognito') {
    session.save(await cognitoSignIn(settings, username, password));
    return;
  }
  const { token, memberships } = await localPost<{ token: string; memberships: Membership[] }>('/local/login', { username, password });
  session.save(token);
  session.saveMemberships(memberships);
}

/** A token for another tenant of the same person (local stack; in AWS each tenant has its own account). */
export async function switchTenant(tenant: string): Promise<void> {
  const { token } = await localPost<{ token: string }>('/local/switch-tenant', { tenant }, session.token());
  session.save(token);
}

export interface Membership {
  tenantId: string;
  roles: string[];
}

async function localPost<T>(path: string, body: unknown, token?: string | null): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const payload: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(response.status, payload);
  return (payload as { data: T }).data;
}

async function cognitoSignIn(settings: { region: string; userPoolClientId: string }, username: string, password: string): Promise<string> {
  const response = await fetch(`https://cognito-idp.${settings.region}.amazonaws.com/`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
    body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: settings.userPoolClientId, AuthParameters: { USERNAME: username, PASSWORD: password } }),
  });
  const payload = (await response.json().catch(() => ({}))) as { AuthenticationResult?: { IdToken?: string }; ChallengeName?: string };
  const token = payload.AuthenticationResult?.IdToken;
  if (!response.ok || !token) throw new ApiError(401, 'UNAUTHENTICATED', payload.ChallengeName ?? 'Sign-in failed');
  return token;
}
