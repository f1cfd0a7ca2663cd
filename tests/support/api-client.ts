import { DEMO_PASSWORD } from '../../infra/local/demo-data.ts';

export interface ApiResult<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** A thin HTTP client for the API tests: JSON in, parsed JSON (or text) out, never throws on status. */
export class ApiClient {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}

  static async signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<ApiClient> {
    const response = await fetch(`${baseUrl}/local/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const body = (await response.json()) as { data?: { token: string } };
    if (!body.data) throw new Error(`Sign-in failed for ${username}: ${response.status}`);
    return new ApiClient(baseUrl, body.data.token);
  }

  async request<T = any>(method: string, path: string, options: { body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
  }

  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, { headers });
  }

  /** Every item of a list route, page after page (`meta.nextCursor`); fails on any page that is not 200. */
  async getAll<T = any>(path: string): Promise<T[]> {
    const items: T[] = [];
    let cursor: string | null = null;
    do {
      const separator = path.includes('?') ? '&' : '?';
      const res: ApiResult<{ data: T[]; meta: { nextCursor: string | null } }> = await this.get(`${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`);
      if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      items.push(...res.body.data);
      cursor = res.body.meta.nextCursor;
    } while (cursor);
    return items;
  }

  post<T = any>(path: string, body: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, { body, headers });
  }
}

/** A valid registration body, with overrides. */
export function newCase(overrides: Record<string, unknown> = {}) {
  return {
    child: { fullName: 'Nguyễn Thị Hồng', sex: 'female', dateOfBirth: '2014-05-01' },
    categories: ['neglect'],
    riskLevel: 'medium',
    ...overrides,
  };
}
