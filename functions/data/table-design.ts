/**
 * The single table's physical design, shared by the CDK table construct, the local stack's table creation
 * and the repository. Every partition key — the table's and each index's — starts with `T#<tenant>#`, so the
 * IAM condition `dynamodb:LeadingKeys = T#${aws:PrincipalTag/tenant}#*` can fence a tenant in.
 */
export const TABLE_DESIGN = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    /** A user's caseload, newest update first: `T#<t>#OWNER#<userId>` / `<updatedAt>#<caseId>`. */
    byOwner: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** The tenant's caseload, newest update first: `T#<t>#CASES` / `<updatedAt>#<caseId>`. */
    byTenant: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
} as const;

export type IndexName = keyof typeof TABLE_DESIGN.indexes;
export const INDEX_NAMES = Object.keys(TABLE_DESIGN.indexes) as IndexName[];

export const DEFAULT_TABLE_NAME = 'sanad';
