import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Answers each URL from a table; the calls are kept to check what was sent. */
function serve(routes: Record<string, () => Response>) {
  const fetchMock = vi.fn(async (url: string) => (routes[url] ?? (() => new Response('', { status: 404 })))());
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

// sign-in.ts reads /config.json once per page load: each test loads it afresh.
const load = () => import('./sign-in.ts');

beforeEach(() => {
  vi.resetModules();
  sessionStorage.clear();
});
afterEach(() => vi.unstubAllGlobals());

describe('signIn', () => {
  it('uses the local issuer when there is no /config.json', async () => {
    const fetchMock = serve({ '/local/login': () => json(200, { data: { token: 'local-token', expiresAt: '2030-01-01T00:00:00Z', memberships: [] } }) });
    await (await load()).signIn('caseworker.vn-na', 'sanad-demo');
    expect(sessionStorage.getItem('sanad.token')).toBe('local-token');
    const [, init] = fetchMock.mock.calls.find(([url]) => url === '/local/login') as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body))).toEqual({ username: 'caseworker.vn-na', password: 'sanad-demo' });
  });

  it('asks Cognito with USER_PASSWORD_AUTH and keeps the ID token, which carries the tenant and groups', async () => {
    const cognito = 'https://cognito-idp.ap-southeast-1.amazonaws.com/';
    const fetchMock = serve({
      '/config.json': () => json(200, { auth: 'cognito', region: 'ap-southeast-1', userPoolClientId: 'client-1' }),
      [cognito]: () => json(200, { AuthenticationResult: { IdToken: 'id-token', AccessToken: 'access-token' } }),
    });
    await (await load()).signIn('caseworker.mm', 'secret');
    expect(sessionStorage.getItem('sanad.token')).toBe('id-token');
    const [, init] = fetchMock.mock.calls.find(([url]) => url === cognito) as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({ 'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth', 'content-type': 'application/x-amz-json-1.1' });
    expect(JSON.parse(String(init.body))).toEqual({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client-1', AuthParameters: { USERNAME: 'caseworker.mm', PASSWORD: 'secret' } });
  });

  it("reports Cognito's refusals with the statuses the login page explains", async () => {
    const cognito = 'https://cognito-idp.eu-west-1.amazonaws.com/';
    const answer = { current: json(400, { __type: 'NotAuthorizedException', message: 'Incorrect username or password.' }) };
    serve({ '/config.json': () => json(200, { auth: 'cognito', region: 'eu-west-1', userPoolClientId: 'c' }), [cognito]: () => answer.current });
    const { signIn } = await load();
    await expect(signIn('x', 'wrong')).rejects.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    answer.current = json(400, { __type: 'com.amazonaws#TooManyRequestsException' });
    await expect(signIn('x', 'wrong')).rejects.toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    answer.current = json(200, { ChallengeName: 'SOFTWARE_TOKEN_MFA', Session: 's' });
    await expect(signIn('x', 'secret')).rejects.toMatchObject({ status: 401 });
    expect(sessionStorage.getItem('sanad.token')).toBeNull();
  });

  it('answers the new-password challenge of a person an administrator created, then signs in', async () => {
    const cognito = 'https://cognito-idp.eu-west-1.amazonaws.com/';
    const answers = [
      json(200, { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'challenge-session' }),
      json(400, { __type: 'InvalidPasswordException', message: 'Password does not conform to policy' }),
      json(200, { AuthenticationResult: { IdToken: 'first-token' } }),
    ];
    const fetchMock = serve({ '/config.json': () => json(200, { auth: 'cognito', region: 'eu-west-1', userPoolClientId: 'c' }), [cognito]: () => answers.shift()! });
    const { signIn, completeNewPassword, NewPasswordRequired } = await load();
    const challenge = await signIn('newcomer', 'temporary').catch((error: unknown) => error);
    expect(challenge).toBeInstanceOf(NewPasswordRequired);
    await expect(completeNewPassword(challenge as InstanceType<typeof NewPasswordRequired>, 'short')).rejects.toMatchObject({ status: 400 });
    await completeNewPassword(challenge as InstanceType<typeof NewPasswordRequired>, 'a long and good passphrase');
    expect(sessionStorage.getItem('sanad.token')).toBe('first-token');
    const [, init] = fetchMock.mock.calls.filter(([url]) => url === cognito).at(-1) as unknown as [string, RequestInit];
    expect(init.headers).toMatchObject({ 'x-amz-target': 'AWSCognitoIdentityProviderService.RespondToAuthChallenge' });
    expect(JSON.parse(String(init.body))).toEqual({
      ChallengeName: 'NEW_PASSWORD_REQUIRED', ClientId: 'c', Session: 'challenge-session',
      ChallengeResponses: { USERNAME: 'newcomer', NEW_PASSWORD: 'a long and good passphrase' },
    });
  });
});
