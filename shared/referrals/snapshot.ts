import type { Case } from '../schemas/case.ts';
import type { Note } from '../schemas/case-records.ts';
import type { ShareSection, Snapshot } from '../schemas/referral.ts';

/**
 * What a referral shares: only the consented sections, copied from the case as it is now. Built the same way
 * on the server (at referral time) and in the SPA (the wizard's preview), so the preview is exactly what the
 * partner will read. Tenant form fields and confidential notes are never part of it.
 */
export function buildSnapshot(kase: Case, notes: readonly Note[], share: readonly ShareSection[]): Snapshot {
  const sections = new Set(share);
  const snapshot: Snapshot = {};
  const { fullName, sex, dateOfBirth, ageYears, location } = kase.child;
  if (sections.has('child.basic') || sections.has('child.contact')) {
    snapshot.child = {
      ...(sections.has('child.basic') ? { fullName, sex, ...defined({ dateOfBirth, ageYears }) } : {}),
      ...(sections.has('child.contact') ? defined({ location }) : {}),
    };
  }
  if (sections.has('assessment')) {
    snapshot.assessment = {
      categories: [...kase.categories],
      riskLevel: kase.riskLevel,
      needs: [...(kase.assessment?.needs ?? [])],
      ...defined({ summary: kase.assessment?.summary }),
    };
  }
  if (sections.has('care_plan') && kase.carePlan) {
    snapshot.carePlan = {
      goals: kase.carePlan.goals.map(({ goal, services, dueDate }) => ({ goal, services: [...services], dueDate })),
      summary: kase.carePlan.summary,
    };
  }
  if (sections.has('notes')) {
    snapshot.notes = notes.filter((note) => !note.confidential).map(({ text, createdAt }) => ({ text, createdAt }));
  }
  return snapshot;
}

function defined<T extends Record<string, unknown>>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}
