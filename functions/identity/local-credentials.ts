import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import * as z from 'zod';
import { PLATFORM_TENANT_ID, Role } from '../../shared/auth/roles.ts';
import { TenantRepository } from '../data/tenant-repository.ts';
import { documentClientFor } from '../data/dynamo-client.ts';
import { DomainError } from '../../shared/errors.ts';
import { ACCOUNT_POLICY, ADDRESS_POLICY, SignInThrottle, Throttled } from './sign-in-throttle.ts';

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
  | { outcome: 'wrong'; tenantId?: string }
  | { outcome: 'throttled'; tenantId?: string; retryAfterSeconds: number };

const Credentials = z.object({
  username: z.string(),
  passwordHash: z.string(),
  memberships: z.array(Membership).min(1),
  disabledIn: z.array(z.string()).default([]),
  version: z.number().default(1),
});
type Credentials = z.infer<typeof Credentials>;

/** Hashed once per process: unknown usernames are checked against it, so they cost what known ones cost. */
let decoyHash: Promise<string> | undefined;

export const usernameTaken = () => new DomainError('CONFLICT', 'This username is taken; choose another', [{ path: 'username', message: 'Taken' }]);

/**
 * The local stand-in for Cognito's user directory, kept in the control-plane partition space
 * (`T#_platform#LOGIN#<username>`): password hashes (scrypt) and tenant memberships. Usernames are global, as
 * in a Cognito user pool; the first membership is the person's home tenant. Absent from AWS.
 */
export class LocalCredentials {
  private readonly repository: TenantRepository;
  private readonly throttle: SignInThrottle;

  constructor(tableName: string) {
    this.repository = new TenantRepository(PLATFORM_TENANT_ID, documentClientFor(PLATFORM_TENANT_ID), tableName);
    this.throttle = new SignInThrottle(this.repository);
  }

  async find(username: string): Promise<Credentials | undefined> {
    const item = await this.repository.get(loginKey(username), 'CREDENTIALS');
    return item ? Credentials.parse(item) : undefined;
  }

  /** A new person with a password and a home tenant; 409 if the username exists anywhere (never says where). */
  async createPerson(username: string, password: string, membership: Membership): Promise<void> {
    await this.save({ username, passwordHash: await hash(password), memberships: [membership], disabledIn: [], version: 0 }, 0);
  }

  /** Removes a person created moments ago whose profile could not be written (the identity is rolled back). */
  async removePerson(username: string): Promise<void> {
    await this.repository.transact([{ delete: { pk: loginKey(username), sk: 'CREDENTIALS' } }]);
  }

  /**
   * Another tenant for an existing person. Only the platform operator grants it (a tenant admin creating a
   * username taken elsewhere gets 409): it is the one path by which a person's password reaches a second tenant.
   */
  async addMembership(username: string, membership: Membership): Promise<void> {
    const existing = await this.find(username);
    if (!existing) throw new DomainError('VALIDATION_FAILED', 'No such person', [{ path: 'username', message: 'Unknown username' }]);
    if (existing.memberships.some((m) => m.tenantId === membership.tenantId)) throw new DomainError('CONFLICT', 'The person is already a member of this tenant');
    await this.save({ ...existing, memberships: [...existing.memberships, membership] }, existing.version);
  }

  /** The person's home tenant (the one whose admin may reset the password), or undefined for an unknown name. */
  async homeTenantOf(username: string): Promise<string | undefined> {
    return (await this.find(username))?.memberships[0]?.tenantId;
  }

  async update(username: string, change: (current: Credentials) => Credentials): Promise<void> {
    const current = await this.find(username);
    if (!current) return;
    await this.save(change(current), current.version);
  }

  async setPassword(username: string, password: string): Promise<void> {
    const passwordHash = await hash(password);
    await this.update(username, (current) => ({ ...current, passwordHash }));
  }

  /**
   * Checks a password after claiming an attempt from the throttle (per account name and per client address,
   * known names or not). Unknown names, wrong passwords and disabled memberships all answer `wrong`, after the
   * same scrypt work. Returns the membership for the chosen tenant (or the first), and every membership so the
   * person can switch tenants.
   */
  async signIn(username: string, password: string, tenantId: string | undefined, address: string): Promise<SignInResult> {
    const name = username.toLowerCase();
    const account = { partition: `SIGNIN#ACCOUNT#${name}`, policy: ACCOUNT_POLICY };
    const client = { partition: `SIGNIN#ADDRESS#${address}`, policy: ADDRESS_POLICY };
    const [credentials, refused] = await Promise.all([
      this.find(name),
      this.throttle.claim([account, client]).then(() => undefined, (error: unknown) => error),
    ]);
    if (refused instanceof Throttled) return { outcome: 'throttled', tenantId: credentials?.memberships[0]?.tenantId, retryAfterSeconds: refused.retryAfterSeconds };
    if (refused) throw refused;
    const home = credentials?.memberships[0]?.tenantId;
    const passwordMatches = await matches(password, credentials?.passwordHash ?? (await (decoyHash ??= hash(randomPassword()))));
    if (!credentials || !passwordMatches) return { outcome: 'wrong', tenantId: home };
    const active = credentials.memberships.filter((m) => !credentials.disabledIn.includes(m.tenantId));
    const membership = active.find((m) => tenantId === undefined || m.tenantId === tenantId);
    if (!membership) return { outcome: 'wrong', tenantId: tenantId ?? home };
    await this.throttle.succeeded(account, client);
    return { outcome: 'ok', subject: { ...membership, username: credentials.username }, memberships: active };
  }

  private async save(credentials: Credentials, expectedVersion: number): Promise<void> {
    await this.repository.transact([{
      put: {
        pk: loginKey(credentials.username),
        sk: 'CREDENTIALS',
        entity: 'credentials',
        ...credentials,
        version: expectedVersion + 1,
      },
      condition: expectedVersion === 0 ? 'attribute_not_exists(pk)' : '#version = :expected',
      ...(expectedVersion === 0 ? { onConditionFailed: usernameTaken } : { names: { '#version': 'version' }, values: { ':expected': expectedVersion } }),
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
