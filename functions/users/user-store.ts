import { User } from '../../shared/schemas/user.ts';
import type { TenantRepository } from '../data/tenant-repository.ts';

/** User profile item: `T#<t>#USER#<userId>` / `PROFILE`. */
export const userProfileItem = (user: User) => ({ pk: `USER#${user.userId}`, sk: 'PROFILE', entity: 'user', ...user });

export async function findUserProfile(repository: TenantRepository, userId: string): Promise<User | undefined> {
  const item = await repository.get(`USER#${userId}`, 'PROFILE');
  return item ? User.parse(item) : undefined;
}
