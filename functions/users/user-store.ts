import { randomUUID } from 'node:crypto';
import { DomainError, notFound } from '../../shared/errors.ts';
import { User } from '../../shared/schemas/user.ts';
import type { Page, TenantRepository, WriteOperation } from '../data/tenant-repository.ts';
import { atVersion } from '../data/conditions.ts';

/** User profile item: `T#<t>#USER#<userId>` / `PROFILE`, listed through byTenant `USERS` by username. */
export const userProfileItem = (user: User) => ({
  pk: `USER#${user.userId}`,
  sk: 'PROFILE',
  entity: 'user',
  gsi2pk: 'USERS',
  gsi2sk: user.username,
  ...user,
});

/** One username per tenant: a claim item written with the profile. */
const usernameClaim = (user: User) => ({ pk: `USERNAME#${user.username}`, sk: 'CLAIM', entity: 'username-claim', userId: user.userId });

export const newUserId = () => `usr-${randomUUID()}`;

export async function findUserProfile(repository: TenantRepository, userId: string): Promise<User | undefined> {
  const item = await repository.get(`USER#${userId}`, 'PROFILE');
  return item ? User.parse(item) : undefined;
}

export async function getUserProfile(repository: TenantRepository, userId: string): Promise<User> {
  const user = await findUserProfile(repository, userId);
  if (!user) throw notFound('User');
  return user;
}

export async function listUsers(repository: TenantRepository, limit: number, cursor?: string): Promise<Page<User>> {
  const page = await repository.query({ index: 'byTenant', partition: 'USERS', limit, cursor });
  return { items: page.items.map((item) => User.parse(item)), nextCursor: page.nextCursor };
}

/** Writes a new profile with its audit entry (`also`); 409 if the username is taken in this tenant. */
export async function insertUser(repository: TenantRepository, user: User, also: WriteOperation[] = []): Promise<void> {
  await repository.transact([
    { put: usernameClaim(user), condition: 'attribute_not_exists(pk)', onConditionFailed: () => new DomainError('CONFLICT', 'This username is taken; choose another', [{ path: 'username', message: 'Taken' }]) },
    { put: userProfileItem(user), condition: 'attribute_not_exists(pk)' },
    ...also,
  ]);
}

export async function replaceUser(repository: TenantRepository, user: User, expectedVersion: number, also: WriteOperation[] = []): Promise<void> {
  await repository.transact([{
    put: userProfileItem(user),
    ...atVersion(expectedVersion, 'user'),
  }, ...also]);
}
