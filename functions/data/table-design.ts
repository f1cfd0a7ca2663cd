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
    /**
     * A unit's subtree of a byTenant list, one index per depth below the root (the tree is at most 6 levels):
     * an item under unit path [root, a, b] carries `gsiu1pk = <byTenant partition>#U#a` and
     * `gsiu2pk = …#U#b`, sorted like its byTenant entry (`gsi2sk`). A supervisor of `b` (depth 2) lists
     * `byUnit2` / `CASES#U#b`: one Query, newest first, nothing filtered after it.
     */
    byUnit1: { partitionKey: 'gsiu1pk', sortKey: 'gsi2sk' },
    byUnit2: { partitionKey: 'gsiu2pk', sortKey: 'gsi2sk' },
    byUnit3: { partitionKey: 'gsiu3pk', sortKey: 'gsi2sk' },
    byUnit4: { partitionKey: 'gsiu4pk', sortKey: 'gsi2sk' },
    byUnit5: { partitionKey: 'gsiu5pk', sortKey: 'gsi2sk' },
  },
} as const;

export type IndexName = keyof typeof TABLE_DESIGN.indexes;
export const INDEX_NAMES = Object.keys(TABLE_DESIGN.indexes) as IndexName[];

export const DEFAULT_TABLE_NAME = 'sanad';
