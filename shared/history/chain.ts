import type { FieldChange } from './diff.ts';

/** The algorithm of a keyed entry: HMAC-SHA256 with the tenant's history key, bound to the case. */
export const KEYED_ALG = 'hmac-sha256';

/**
 * A history entry as stored: each carries the hash of the one before, so a removed or edited entry shows.
 * Entries written since history is keyed say so (`alg`) and their `hash` is a MAC with the tenant's key;
 * entries written before carry no `alg` and a plain SHA-256 (`unkeyed`).
 */
export interface ChainedEntry {
  seq: number;
  at: string;
  actor: { userId: string; username: string };
  action: string;
  changes: FieldChange[];
  prevHash: string | null;
  alg?: typeof KEYED_ALG;
  hash: string;
}

/**
 * Where a case's chain stands, kept on the case item and written in the same transaction as each entry: how
 * many entries, the newest one's hash, and a MAC of those two with the tenant's key (absent on cases whose
 * newest entry predates keyed history).
 */
export interface ChainHead {
  historyCount: number;
  historyHead: string | null;
  historyHeadMac?: string;
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

/** A hash or MAC of a text, hex: shared/ stays free of node-only crypto, so the caller passes it in. */
export type Digest = (text: string) => string;

/**
 * How a chain is checked: `keyed` is the MAC of the case's chain (the tenant's key, bound to the case),
 * `unkeyed` the plain SHA-256 of entries written before history was keyed.
 */
export interface ChainDigests {
  keyed: Digest;
  unkeyed: Digest;
}

export function entryHash(entry: Omit<ChainedEntry, 'hash'>, digest: Digest): string {
  return digest(canonicalJson(entry));
}

/** The MAC of a chain head: says that the entry `historyHead` is the newest, the `historyCount`-th. */
export function headMac(head: Pick<ChainHead, 'historyCount' | 'historyHead'>, keyed: Digest): string {
  // A top-level key no entry has: a head's message can never be an entry's.
  return keyed(canonicalJson({ chainHead: { historyCount: head.historyCount, historyHead: head.historyHead } }));
}

export interface EntryContent {
  at: string;
  action: string;
  actor: { userId: string; username: string };
  changes: FieldChange[];
}

/** The next, keyed link of a chain and the head that points at it. */
export function appendEntry(head: ChainHead, content: EntryContent, keyed: Digest): { entry: ChainedEntry; head: Required<ChainHead> } {
  const unsigned = {
    seq: head.historyCount,
    at: content.at,
    actor: { userId: content.actor.userId, username: content.actor.username },
    action: content.action,
    changes: content.changes,
    prevHash: head.historyHead,
    alg: KEYED_ALG,
  } as const;
  const entry: ChainedEntry = { ...unsigned, hash: entryHash(unsigned, keyed) };
  const next = { historyCount: head.historyCount + 1, historyHead: entry.hash };
  return { entry, head: { ...next, historyHeadMac: headMac(next, keyed) } };
}

/**
 * Why a chain does not hold, at `brokenAt`:
 * - `missing`: the entry of that seq is not there (deleted), or the head counts more entries than there are;
 * - `sequence`: entries out of order or repeated;
 * - `link`: the entry does not point at the hash of the one before;
 * - `hash`: its hash is not the MAC (or, unkeyed, the SHA-256) of its content — altered, or hashed with
 *   another key or without the key;
 * - `algorithm`: an algorithm this code does not know;
 * - `unkeyed-after-keyed`: an unkeyed entry after a keyed one — nothing unkeyed is written any more;
 * - `head`: the case's head does not point at the newest entry, or its MAC does not hold;
 * - `unkeyed`: no entry is keyed, so no key vouches for the chain, and unkeyed chains are not accepted.
 */
export const CHAIN_BREAKS = ['missing', 'sequence', 'link', 'hash', 'algorithm', 'unkeyed-after-keyed', 'head', 'unkeyed'] as const;
export type ChainBreak = (typeof CHAIN_BREAKS)[number];

export interface ChainVerification {
  valid: boolean;
  entries: number;
  /** The seq of the first entry whose link or hash does not hold (or that is missing). */
  brokenAt?: number;
  reason?: ChainBreak;
  /**
   * How many entries predate keyed history (plain SHA-256); only when some do. They are always the oldest:
   * while a keyed entry follows them its MAC covers them too; when all are unkeyed, no key vouches for them.
   */
  unkeyed?: number;
}

export interface VerifyOptions {
  /** The case's head: the chain must end at it, hold as many entries as it counts, and its MAC must hold. */
  head?: ChainHead;
  /** Whether a chain without any keyed entry is accepted (history written before keys, never written since). */
  acceptUnkeyed?: boolean;
}

/** Walks the chain oldest first and reports the first break, then checks it against the case's head. */
export function verifyChain(entries: readonly ChainedEntry[], digests: ChainDigests, options: VerifyOptions = {}): ChainVerification {
  const unkeyed = entries.filter((entry) => entry.alg === undefined).length;
  const result = (valid: boolean, broken?: { at: number; reason: ChainBreak }): ChainVerification => ({
    valid,
    entries: entries.length,
    ...(broken ? { brokenAt: broken.at, reason: broken.reason } : {}),
    ...(unkeyed > 0 ? { unkeyed } : {}),
  });
  let previous: string | null = null;
  let keyedSeen = false;
  for (const [index, entry] of entries.entries()) {
    const { hash, ...rest } = entry;
    if (entry.seq !== index) return result(false, { at: index, reason: entry.seq > index ? 'missing' : 'sequence' });
    if (entry.prevHash !== previous) return result(false, { at: index, reason: 'link' });
    if (entry.alg !== undefined && entry.alg !== KEYED_ALG) return result(false, { at: index, reason: 'algorithm' });
    if (entry.alg === undefined && keyedSeen) return result(false, { at: index, reason: 'unkeyed-after-keyed' });
    keyedSeen ||= entry.alg === KEYED_ALG;
    if (entryHash(rest, entry.alg === KEYED_ALG ? digests.keyed : digests.unkeyed) !== hash) return result(false, { at: index, reason: 'hash' });
    previous = hash;
  }
  const { head } = options;
  if (!head) return result(true);
  // Every case has its registration entry: an empty chain is one whose entries were all removed.
  if (entries.length === 0 || entries.length < head.historyCount) return result(false, { at: entries.length, reason: 'missing' });
  const newest = entries.length - 1;
  if (entries.length > head.historyCount || head.historyHead !== previous) return result(false, { at: Math.min(newest, head.historyCount), reason: 'head' });
  if (keyedSeen) {
    if (head.historyHeadMac !== headMac(head, digests.keyed)) return result(false, { at: newest, reason: 'head' });
  } else if (!options.acceptUnkeyed) {
    return result(false, { at: 0, reason: 'unkeyed' });
  }
  return result(true);
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
