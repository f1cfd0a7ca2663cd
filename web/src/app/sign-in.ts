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

/** Cognito's error types, as the statuses the sign-in page already explains (API.md codes). */
const COGNITO_FAILURES: Record<string, { status: number; code: string }> = {
  NotAuthorizedException: { status: 401, code: 'UNAUTHENTICATED' },
  UserNotFoundException: { status: 401, code: 'UNAUTHENTICATED' },
  InvalidParameterException: { status: 400, code: 'VALIDATION_FAILED' },
  InvalidPasswordException: { status: 400, code: 'VALIDATION_FAILED' },
  TooManyRequestsException: { status: 429, code: 'RATE_LIMITED' },
  LimitExceededException: { status: 429, code: 'RATE_LIMITED' },
};

/** Cognito asks a person created by an administrator to choose their own password before the first sign-in. */
export class NewPasswordRequired extends Error {
  constructor(
    readonly username: string,
    readonly challengeSession: string,
  ) {
    super('Choose a new password');
  }
}

type CognitoSettings = { region: string; userPoolClientId: string };
type CognitoAnswer = { AuthenticationResult?: { IdToken?: string }; ChallengeName?: string; Session?: string; __type?: string };

/** One call of Cognito's user-pool API, straight from the browser (the SPA client has no secret). */
async function cognito(settings: CognitoSettings, action: string, body: unknown): Promise<{ response: Response; payload: CognitoAnswer }> {
  let response: Response;
  try {
    response = await fetch(`https://cognito-idp.${settings.region}.amazonaws.com/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSCognitoIdentityProviderService.${action}` },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'UNAVAILABLE', 'No connection');
  }
  return { response, payload: (await response.json().catch(() => ({}))) as CognitoAnswer };
}

/** The ID token of a successful answer, or the refusal in the statuses the sign-in page explains. */
function idTokenOf({ response, payload }: { response: Response; payload: CognitoAnswer }): string {
  const token = payload.AuthenticationResult?.IdToken;
  if (response.ok && token) return token;
  // Another challenge (MFA) is not answered by this page: for the person it is a refused sign-in.
  const failure = COGNITO_FAILURES[payload.__type?.split('#').pop() ?? ''] ?? (response.ok ? { status: 401, code: 'UNAUTHENTICATED' } : { status: response.status, code: 'UNAVAILABLE' });
  throw new ApiError(failure.status, failure.code, payload.ChallengeName ?? payload.__type ?? 'Sign-in failed');
}

async function cognitoSignIn(settings: CognitoSettings, username: string, password: string): Promise<string> {
  const answer = await cognito(settings, 'InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: settings.userPoolClientId, AuthParameters: { USERNAME: username, PASSWORD: password } });
  if (answer.payload.ChallengeName === 'NEW_PASSWORD_REQUIRED' && answer.payload.Session) throw new NewPasswordRequired(username, answer.payload.Session);
  return idTokenOf(answer);
}

/** Answers Cognito's new-password challenge and signs in with the new password. */
export async function completeNewPassword(challenge: NewPasswordRequired, newPassword: string): Promise<void> {
  const settings = await authConfig();
  if (settings.auth !== 'cognito') throw new ApiError(400, 'VALIDATION_FAILED', 'Only Cognito asks for a new password');
  session.save(idTokenOf(await cognito(settings, 'RespondToAuthChallenge', {
    ChallengeName: 'NEW_PASSWORD_REQUIRED',
    ClientId: settings.userPoolClientId,
    Session: challenge.challengeSession,
    ChallengeResponses: { USERNAME: challenge.username, NEW_PASSWORD: newPassword },
  })));
}
