import { PLATFORM_TENANT_ID } from '../../shared/auth/roles.ts';

/**
 * What the read-only aggregate role may read, for the child tenant in its session tag: that tenant's dashboard
 * counters (`COUNTERS#<shard>`), and the registry that says whose child it is. Nothing else of the child's.
 */
export const CHILD_AGGREGATE_LEADING_KEYS = [
  'T#${aws:PrincipalTag/tenant}#COUNTERS#*',
  `T#${PLATFORM_TENANT_ID}#TENANTS`,
];
