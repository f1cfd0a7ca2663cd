import * as z from 'zod';
import { IsoDate, IsoDateTime, Locale } from './common.ts';
import { CategoryCode, RiskLevel, Sex } from './case.ts';
import { PersonName, refuseUnsafe } from './text.ts';

/** A count as a parent tenant sees a child tenant's: below 5 it is masked, so nobody can be singled out. */
export const MaskedCount = z.union([z.number().int(), z.literal('<5')]);
export type MaskedCount = z.infer<typeof MaskedCount>;

const Counts = <T extends z.ZodType>(count: T) => z.record(z.string(), count);

/** The counts of a dashboard, for a unit's subtree (the tenant's: the root's) — counters only. */
export const DashboardCounts = z.object({
  openCases: z.number().int(),
  closedCases: z.number().int(),
  /** Every case by its stage (`closed` included). */
  byStage: Counts(z.number().int()),
  /** Open cases by risk level, category, and owner (a worker's caseload). */
  byRisk: Counts(z.number().int()),
  byCategory: Counts(z.number().int()),
  byWorker: Counts(z.number().int()),
  /** Open cases waiting for a supervisor's decision, by approval kind, and in all. */
  pendingApprovals: z.number().int(),
  pendingByKind: Counts(z.number().int()),
  overdueFollowUps: z.number().int(),
  /** This year's months (`YYYY-MM`): cases registered in the month, and cases whose (latest) closure fell in it. */
  monthly: z.record(z.string(), z.object({ new: z.number().int(), closed: z.number().int() })),
});
export type DashboardCounts = z.infer<typeof DashboardCounts>;

/**
 * `GET /reports/dashboard[?unit=]`: read from the sharded counters only — constant time whatever the caseload.
 * The counts of `unit` (default the caller's home unit), and `byUnit` the same counts for each direct child.
 */
export const Dashboard = DashboardCounts.extend({
  unit: z.string(),
  byUnit: z.record(z.string(), DashboardCounts),
  /** A unit move is being re-counted in the background: per-unit counts may still show cases where they were. */
  recounting: z.boolean(),
  generatedAt: IsoDateTime,
});
export type Dashboard = z.infer<typeof Dashboard>;

/** One child tenant's aggregates under `?scope=children`: no personal data, no caseloads, small counts masked. */
export const ChildTenantDashboard = z.object({
  tenant: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  openCases: MaskedCount,
  closedCases: MaskedCount,
  byStage: Counts(MaskedCount),
  byRisk: Counts(MaskedCount),
  byCategory: Counts(MaskedCount),
  pendingApprovals: MaskedCount,
});
export type ChildTenantDashboard = z.infer<typeof ChildTenantDashboard>;

export const ChildrenDashboard = z.object({ children: z.array(ChildTenantDashboard), generatedAt: IsoDateTime });

export const DashboardQuery = z.object({ scope: z.enum(['tenant', 'children']).default('tenant'), unit: z.string().max(40).optional() });

/** `2026-H1`, `2026-H2`, `2026` or an ad hoc `2026-01-01..2026-03-31` (both days included). */
export const ReportPeriod = z
  .string()
  .regex(/^(\d{4}(-H[12])?|\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2})$/, 'Use 2026-H1, 2026-H2, 2026 or 2026-01-01..2026-03-31');

export const Circular02Query = z.object({ period: ReportPeriod, lang: Locale.optional(), unit: z.string().max(40).optional() });

export const ReportCounts = z.object({ managed: z.number().int(), new: z.number().int(), closed: z.number().int() });
export type ReportCounts = z.infer<typeof ReportCounts>;

export const Circular02Report = z.object({
  period: z.object({ from: IsoDate, to: IsoDate }),
  /** 15 June for H1, 15 December for a year, 15 January of the next year for H2; none for ad hoc ranges. */
  dueDate: IsoDate.nullable(),
  totals: ReportCounts,
  byCategory: z.record(z.string(), ReportCounts),
  bySex: z.record(z.string(), ReportCounts),
  /** The unit reported on (default the caller's home unit): its subtree's cases. */
  unit: z.string(),
  /** Each direct child unit of `unit`: the same counts for its subtree. */
  byUnit: z.record(z.string(), z.object({ totals: ReportCounts, byCategory: z.record(z.string(), ReportCounts), bySex: z.record(z.string(), ReportCounts) })),
  recounting: z.boolean(),
  generatedAt: IsoDateTime,
});
export type Circular02Report = z.infer<typeof Circular02Report>;
export type UnitReportCounts = Circular02Report['byUnit'][string];

/** A row of the register import, as read from the CSV or XLSX (all cells as text). */
export const ImportRow = z
  .object({
    // Kept as typed (the case id is derived from it), but never with a control character or bidi control.
    externalId: z.string().trim().min(1, 'Required').max(100).regex(/^[^#\s][^#]*$/, 'No # in external ids').superRefine(refuseUnsafe()),
    fullName: PersonName({ max: 200, required: 'Enter the name' }),
    sex: Sex,
    dateOfBirth: IsoDate.optional(),
    location: PersonName({ max: 200, min: 0 }).optional(),
    categories: z.array(CategoryCode).min(1, 'Choose at least one category').max(20),
    riskLevel: RiskLevel,
    status: z.enum(['open', 'closed']).default('open'),
    openedAt: IsoDate.optional(),
    closedAt: IsoDate.optional(),
  })
  .superRefine((row, ctx) => {
    const today = new Date().toISOString().slice(0, 10);
    if (row.status === 'closed' && !row.closedAt) ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'A closed row needs closedAt' });
    if (row.status === 'open' && row.closedAt) ctx.addIssue({ code: 'custom', path: ['status'], message: 'A row with closedAt must have status closed' });
    if (row.openedAt && row.openedAt > today) ctx.addIssue({ code: 'custom', path: ['openedAt'], message: 'openedAt is in the future' });
    if (row.closedAt && row.closedAt > today) ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'closedAt is in the future' });
    if (row.closedAt && row.closedAt < (row.openedAt ?? today)) ctx.addIssue({ code: 'custom', path: ['closedAt'], message: 'closedAt is before openedAt' });
  });
export type ImportRow = z.infer<typeof ImportRow>;

/** `unit`: the id of a unit inside the importer's scope, where the row's case goes (default the importer's home unit). */
export const IMPORT_COLUMNS = ['externalId', 'fullName', 'sex', 'dateOfBirth', 'location', 'categories', 'riskLevel', 'status', 'openedAt', 'closedAt', 'unit'] as const;
/** A column holding an answer to the tenant's case form: `fields.<field id>`. */
export const FIELD_COLUMN_PREFIX = 'fields.';

export const ImportFailure = z.object({ row: z.number().int().min(1), errors: z.array(z.object({ path: z.string(), message: z.string() })) });
export type ImportFailure = z.infer<typeof ImportFailure>;

export const ImportJob = z.object({
  id: z.string(),
  status: z.enum(['running', 'completed', 'failed']),
  rows: z.number().int(),
  /** Rows handled so far (the progress bar). */
  processed: z.number().int(),
  created: z.number().int(),
  unchanged: z.number().int(),
  possibleDuplicates: z.number().int(),
  failed: z.array(ImportFailure),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type ImportJob = z.infer<typeof ImportJob>;

/** `unit`: a unit's subtree inside the caller's scope (default the caller's home unit); `lang`: the language of unit names. */
export const ExportQuery = z.object({ format: z.enum(['csv', 'xlsx']).default('csv'), unit: z.string().max(40).optional(), lang: Locale.optional() });
