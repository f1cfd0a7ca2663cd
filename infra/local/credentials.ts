import { randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { z } from 'zod';
import { PLATFORM_TENANT_ID, Role } from '../../shared/auth/roles.ts';
import { TenantRepository } from '../../functions/data/tenant-repository.ts';
import { documentClientFor } from '../../functions/data/dynamo-client.ts';
import type { TokenSubject } from './local-issuer.ts';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

/** One tenant a person works in: a person may have several, and picks one at sign-in. */
const Membership = z.object({
  tenantId: z.string(),
  userId: z.string(),
  roles: z.array(Role),
  organizationId: z.string().optional(),
});
type Membership = z.infer<typeof Membership>;

const Credentials = z.object({ username: z.string(), passwordHash: z.string(), memberships: z.array(Membership).min(1) });

/**
 * The local stand-in for Cognito's user directory, kept in the control-plane partition space
 * (`T#_platform#LOGIN#<username>`): password hashes (scrypt) and tenant memberships. Absent from AWS.
 */
export class LocalCredentials {
  private readonly repository: TenantRepository;

  constructor(tableName: string) {
    this.repository = new TenantRepository(PLATFORM_TENANT_ID, documentClientFor(PLATFORM_TENANT_ID), tableName);
  }

  async register(username: string, password: string, memberships: Membership[]): Promise<void> {
    const salt = randomBytes(16);
    const hash = await scrypt(password, salt, 32);
    await this.repository.transact([{
      put: {
        pk: `LOGIN#${username.toLowerCase()}`,
        sk: 'CREDENTIALS',
        entity: 'credentials',
        username,
        passwordHash: `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`,
        memberships,
      },
    }]);
  }

  /** The token subject for a correct password (in the chosen tenant, or the first), else undefined. */
  async signIn(username: string, password: string, tenantId?: string): Promise<TokenSubject | undefined> {
    const item = await this.repository.get(`LOGIN#${username.toLowerCase()}`, 'CREDENTIALS');
    const parsed = Credentials.safeParse(item);
    if (!parsed.success || !(await matches(password, parsed.data.passwordHash))) return undefined;
    const membership = parsed.data.memberships.find((m) => tenantId === undefined || m.tenantId === tenantId);
    if (!membership) return undefined;
    return { ...membership, username: parsed.data.username };
  }
}

async function matches(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}
