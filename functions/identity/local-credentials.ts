import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import * as z from 'zod';
import { PLATFORM_TENANT_ID, Role } from '../../shared/auth/roles.ts';
import { TenantRepository } from '../data/tenant-repository.ts';
import { documentClientFor } from '../data/dynamo-client.ts';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

/** One tenant a person works in: a person may have several, and picks one at sign-in. */
export const Membership = z.object({
  tenantId: z.string(),
  userId: z.string(),
  roles: z.array(Role),
  organizationId: z.string().optional(),
});
export type Membership = z.infer<typeof Membership>;

/** Who a token is issued for: one membership of one person. */
export interface TokenSubject {
  userId: string;
  username: string;
  tenantId: string;
  roles: readonly string[];
  organizationId?: string;
}

export type SignInResult =
  | { outcome: 'ok'; subject: TokenSubject; memberships: Membership[] }
  | { outcome: 'wrong' | 'unknown' | 'locked'; tenantId?: string; retryAfterSeconds?: number };

const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60_000;

const Credentials = z.object({
  username: z.string(),
  passwordHash: z.string(),
  memberships: z.array(Membership).min(1),
  failures: z.number().default(0),
  lockedUntil: z.number().optional(),
  disabledIn: z.array(z.string()).default([]),
  version: z.number().default(1),
});
type Credentials = z.infer<typeof Credentials>;

/**
 * The local stand-in for Cognito's user directory, kept in the control-plane partition space
 * (`T#_platform#LOGIN#<username>`): password hashes (scrypt) and tenant memberships. Absent from AWS.
 */
export class LocalCredentials {
  private readonly repository: TenantRepository;

  constructor(tableName: string) {
    this.repository = new TenantRepository(PLATFORM_TENANT_ID, documentClientFor(PLATFORM_TENANT_ID), tableName);
  }

  async find(username: string): Promise<Credentials | undefined> {
    const item = await this.repository.get(loginKey(username), 'CREDENTIALS');
    return item ? Credentials.parse(item) : undefined;
  }

  /** A new person with a password, or a new membership for a person who already has one. */
  async register(username: string, password: string | undefined, membership: Membership): Promise<{ existingPerson: boolean }> {
    const existing = await this.find(username);
    if (existing) {
      const memberships = [...existing.memberships.filter((m) => m.tenantId !== membership.tenantId), membership];
      await this.save({ ...existing, memberships }, existing.version);
      return { existingPerson: true };
    }
    await this.save({ username, passwordHash: await hash(password ?? randomPassword()), memberships: [membership], failures: 0, disabledIn: [], version: 0 }, 0);
    return { existingPerson: false };
  }

  async update(username: string, change: (current: Credentials) => Credentials): Promise<void> {
    const current = await this.find(username);
    if (!current) return;
    await this.save(change(current), current.version);
  }

  async setPassword(username: string, password: string): Promise<void> {
    const passwordHash = await hash(password);
    await this.update(username, (current) => ({ ...current, passwordHash, failures: 0, lockedUntil: undefined }));
  }

  /**
   * Checks a password: 5 failures in a row lock the account for 15 minutes. Returns the membership for the
   * chosen tenant (or the first), and every membership so the person can switch tenants.
   */
  async signIn(username: string, password: string, tenantId?: string): Promise<SignInResult> {
    const credentials = await this.find(username);
    if (!credentials) return { outcome: 'unknown' };
    const home = credentials.memberships[0]?.tenantId;
    const now = Date.now();
    if (credentials.lockedUntil && credentials.lockedUntil > now) {
      return { outcome: 'locked', tenantId: home, retryAfterSeconds: Math.ceil((credentials.lockedUntil - now) / 1000) };
    }
    if (!(await matches(password, credentials.passwordHash))) {
      const failures = credentials.failures + 1;
      await this.save({ ...credentials, failures, lockedUntil: failures >= MAX_FAILURES ? now + LOCK_MS : undefined }, credentials.version).catch(() => undefined);
      return { outcome: 'wrong', tenantId: home };
    }
    const active = credentials.memberships.filter((m) => !credentials.disabledIn.includes(m.tenantId));
    const membership = active.find((m) => tenantId === undefined || m.tenantId === tenantId);
    if (!membership) return { outcome: 'wrong', tenantId: tenantId ?? home };
    if (credentials.failures > 0 || credentials.lockedUntil) {
      await this.save({ ...credentials, failures: 0, lockedUntil: undefined }, credentials.version).catch(() => undefined);
    }
    return { outcome: 'ok', subject: { ...membership, username: credentials.username }, memberships: active };
  }

  private async save(credentials: Credentials, expectedVersion: number): Promise<void> {
    const { lockedUntil, ...rest } = credentials;
    await this.repository.transact([{
      put: {
        pk: loginKey(credentials.username),
        sk: 'CREDENTIALS',
        entity: 'credentials',
        ...rest,
        ...(lockedUntil ? { lockedUntil } : {}),
        version: expectedVersion + 1,
      },
      condition: expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :expected',
      ...(expectedVersion === 0 ? {} : { names: { '#version': 'version' }, values: { ':expected': expectedVersion } }),
    }]);
  }
}

const loginKey = (username: string) => `LOGIN#${username.toLowerCase()}`;

/** A one-time password people can read out over the phone: no look-alike characters. */
export function randomPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(14);
  return `${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}!7a`;
}

async function hash(password: string): Promise<string> {
  const salt = randomBytes(16);
  const derived = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${derived.toString('base64')}`;
}

async function matches(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}
