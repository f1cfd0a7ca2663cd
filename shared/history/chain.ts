import type { FieldChange } from './diff.ts';

/** A history entry as stored: each carries the hash of the one before, so a removed or edited entry shows. */
export interface ChainedEntry {
  seq: number;
  at: string;
  actor: { userId: string; username: string };
  action: string;
  changes: FieldChange[];
  prevHash: string | null;
  hash: string;
}

/** Canonical JSON (sorted keys), so a hash never depends on property order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export type Sha256 = (text: string) => string;

export function entryHash(entry: Omit<ChainedEntry, 'hash'>, sha256: Sha256): string {
  return sha256(canonicalJson(entry));
}

export interface ChainVerification {
  valid: boolean;
  entries: number;
  /** The seq of the first entry whose link or hash does not hold. */
  brokenAt?: number;
}

/** Walks the chain oldest first and reports the first break. */
export function verifyChain(entries: readonly ChainedEntry[], sha256: Sha256): ChainVerification {
  let previous: string | null = null;
  for (const [index, entry] of entries.entries()) {
    const { hash, ...rest } = entry;
    if (entry.seq !== index || entry.prevHash !== previous || entryHash(rest, sha256) !== hash) {
      return { valid: false, entries: entries.length, brokenAt: index };
    }
    previous = hash;
  }
  return { valid: true, entries: entries.length };
}

/** Rebuilds a record from its history: each change sets `path` to `to` (null removes it). */
export function replay(entries: readonly Pick<ChainedEntry, 'changes'>[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const { changes } of entries) {
    for (const { path, to } of changes) {
      const keys = path.split('.');
      let target = record;
      for (const key of keys.slice(0, -1)) {
        target[key] ??= {};
        target = target[key] as Record<string, unknown>;
      }
      const last = keys[keys.length - 1]!;
      if (to === null) delete target[last];
      else target[last] = structuredClone(to);
    }
  }
  return record;
}
