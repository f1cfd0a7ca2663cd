import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { appendEntry, canonicalJson, entryHash, headMac, verifyChain, type ChainDigests, type ChainedEntry, type ChainHead, type Digest } from './chain.ts';

const sha256: Digest = (text) => createHash('sha256').update(text).digest('hex');
const macWith = (key: string): Digest => (text) => createHmac('sha256', key).update(text).digest('hex');
const digests: ChainDigests = { keyed: macWith('tenant key'), unkeyed: sha256 };
const actor = { userId: 'u1', username: 'caseworker' };
const content = (i: number) => ({ at: `2026-12-0${i + 1}T00:00:00.000Z`, action: i === 0 ? 'create' : 'add_note', actor, changes: [{ path: `notes.n${i}.text`, from: null, to: `visit ${i}` }] });

/** A chain of `n` keyed entries as the functions write it, and the head the case would hold. */
function keyedChain(n: number, keyed = digests.keyed, start: { entries: ChainedEntry[]; head: ChainHead } = { entries: [], head: { historyCount: 0, historyHead: null } }) {
  let { head } = start;
  const entries = [...start.entries];
  for (let i = entries.length; i < n; i++) {
    const next = appendEntry(head, content(i), keyed);
    entries.push(next.entry);
    head = next.head;
  }
  return { entries, head };
}

/** Entries as written before history was keyed: no `alg`, plain SHA-256, and a head without a MAC. */
function unkeyedChain(n: number) {
  const entries: ChainedEntry[] = [];
  let previous: string | null = null;
  for (let i = 0; i < n; i++) {
    const unsigned: Omit<ChainedEntry, 'hash'> = { seq: i, ...content(i), prevHash: previous };
    const entry: ChainedEntry = { ...unsigned, hash: entryHash(unsigned, sha256) };
    entries.push(entry);
    previous = entry.hash;
  }
  return { entries, head: { historyCount: n, historyHead: previous } as ChainHead };
}

/** Rewrites entries from `from` on with `digest`, relinking each to the one before: what a forger does. */
function rehash(entries: ChainedEntry[], from: number, digest: Digest, alg: 'keep' | 'drop' = 'keep'): ChainedEntry[] {
  const out = entries.slice(0, from);
  for (const entry of entries.slice(from)) {
    const { hash: _hash, alg: entryAlg, ...rest } = entry;
    const unsigned = { ...rest, prevHash: out.at(-1)?.hash ?? null, ...(alg === 'keep' && entryAlg ? { alg: entryAlg } : {}) };
    out.push({ ...unsigned, hash: entryHash(unsigned, digest) });
  }
  return out;
}

describe('a keyed chain and the head on the case', () => {
  it('verifies as written, each entry marked hmac-sha256 and the head MAC-ed', () => {
    const { entries, head } = keyedChain(3);
    expect(entries.map((entry) => entry.alg)).toEqual(['hmac-sha256', 'hmac-sha256', 'hmac-sha256']);
    expect(head).toEqual({ historyCount: 3, historyHead: entries[2]!.hash, historyHeadMac: headMac({ historyCount: 3, historyHead: entries[2]!.hash }, digests.keyed) });
    expect(verifyChain(entries, digests, { head })).toEqual({ valid: true, entries: 3 });
  });

  it('a deleted newest entry: the head counts one more than there is', () => {
    const { entries, head } = keyedChain(3);
    expect(verifyChain(entries.slice(0, 2), digests, { head })).toEqual({ valid: false, entries: 2, brokenAt: 2, reason: 'missing' });
    // The walk alone cannot see it: that is why the case holds its head.
    expect(verifyChain(entries.slice(0, 2), digests).valid).toBe(true);
  });

  it('a deleted newest entry with the head moved back to the one before: the old head MAC is not there to copy', () => {
    const { entries } = keyedChain(3);
    const rolledBack = { historyCount: 2, historyHead: entries[1]!.hash };
    expect(verifyChain(entries.slice(0, 2), digests, { head: rolledBack })).toMatchObject({ valid: false, brokenAt: 1, reason: 'head' });
    expect(verifyChain(entries.slice(0, 2), digests, { head: { ...rolledBack, historyHeadMac: headMac(rolledBack, macWith('a guess')) } })).toMatchObject({ valid: false, brokenAt: 1, reason: 'head' });
  });

  it('a deleted middle entry, reordered entries, an entry added past the head', () => {
    const { entries, head } = keyedChain(4);
    expect(verifyChain([entries[0]!, entries[2]!, entries[3]!], digests, { head })).toMatchObject({ valid: false, brokenAt: 1, reason: 'missing' });
    expect(verifyChain([entries[0]!, entries[2]!, entries[1]!, entries[3]!], digests, { head })).toMatchObject({ valid: false, brokenAt: 1 });
    const longer = keyedChain(5).entries;
    expect(verifyChain(longer, digests, { head })).toMatchObject({ valid: false, brokenAt: 4, reason: 'head' });
  });

  it('every entry removed: a case always has its registration entry', () => {
    const { head } = keyedChain(2);
    expect(verifyChain([], digests, { head })).toMatchObject({ valid: false, brokenAt: 0, reason: 'missing' });
    expect(verifyChain([], digests, { head: { historyCount: 0, historyHead: null } })).toMatchObject({ valid: false, brokenAt: 0, reason: 'missing' });
  });

  it('an altered entry, even with the following links rebuilt', () => {
    const { entries, head } = keyedChain(3);
    const altered = entries.map((entry, i) => (i === 1 ? { ...entry, changes: [{ path: 'notes.n1.text', from: null, to: 'something else' }] } : entry));
    expect(verifyChain(altered, digests, { head })).toMatchObject({ valid: false, brokenAt: 1, reason: 'hash' });
  });

  it('an entry re-hashed with plain SHA-256, marked keyed or not', () => {
    const { entries, head } = keyedChain(3);
    expect(verifyChain(rehash(entries, 1, sha256), digests, { head })).toMatchObject({ valid: false, brokenAt: 1, reason: 'hash' });
    // Passed off as an entry from before keys: nothing unkeyed follows a keyed entry.
    expect(verifyChain(rehash(entries, 2, sha256, 'drop'), digests, { head })).toMatchObject({ valid: false, brokenAt: 2, reason: 'unkeyed-after-keyed' });
    // The first one: the next entry's MAC covers the hash it links to.
    const first = rehash(entries, 0, sha256, 'drop').slice(0, 1);
    expect(verifyChain([...first, ...entries.slice(1)], digests, { head })).toMatchObject({ valid: false, brokenAt: 1, reason: 'link' });
  });

  it("an entry re-hashed with another tenant's key, or another case's", () => {
    const { entries, head } = keyedChain(3);
    expect(verifyChain(rehash(entries, 2, macWith('another tenant')), digests, { head })).toMatchObject({ valid: false, brokenAt: 2, reason: 'hash' });
    // A case's entries and head moved to another case: the MAC of each case's chain differs (the caller binds it).
    expect(verifyChain(entries, { ...digests, keyed: macWith('tenant key, another case') }, { head })).toMatchObject({ valid: false, brokenAt: 0, reason: 'hash' });
  });

  it('a whole chain rebuilt, head included, without the key', () => {
    const { entries } = keyedChain(3);
    const forged = rehash(entries, 0, macWith('not the key'));
    const forgedHead = { historyCount: 3, historyHead: forged[2]!.hash, historyHeadMac: headMac({ historyCount: 3, historyHead: forged[2]!.hash }, macWith('not the key')) };
    expect(verifyChain(forged, digests, { head: forgedHead })).toMatchObject({ valid: false, brokenAt: 0, reason: 'hash' });
    // Rebuilt as if written before keys (plain SHA-256, no marks, no head MAC): no key vouches for it.
    const downgraded = rehash(entries, 0, sha256, 'drop');
    const downgradedHead = { historyCount: 3, historyHead: downgraded[2]!.hash };
    expect(verifyChain(downgraded, digests, { head: downgradedHead })).toEqual({ valid: false, entries: 3, brokenAt: 0, reason: 'unkeyed', unkeyed: 3 });
  });

  it('an algorithm it does not know', () => {
    const { entries, head } = keyedChain(2);
    const other = rehash([entries[0]!, { ...entries[1]!, alg: 'sha1' as never }], 1, digests.keyed);
    expect(verifyChain(other, digests, { head })).toMatchObject({ valid: false, brokenAt: 1, reason: 'algorithm' });
  });
});

describe('history from before the chain was keyed', () => {
  it('hashes exactly as it did (plain SHA-256 of the canonical entry, no alg)', () => {
    const [entry] = unkeyedChain(1).entries;
    const { hash, ...rest } = entry!;
    expect(hash).toBe(sha256(canonicalJson(rest)));
    expect(canonicalJson(rest)).not.toContain('alg');
  });

  it('verifies, counted as unkeyed, once a keyed entry follows it: that MAC covers the links before it', () => {
    const legacy = unkeyedChain(2);
    const { entries, head } = keyedChain(3, digests.keyed, legacy);
    expect(verifyChain(entries, digests, { head })).toEqual({ valid: true, entries: 3, unkeyed: 2 });
    const altered = entries.map((entry, i) => (i === 0 ? { ...entry, action: 'import' } : entry));
    expect(verifyChain(rehash(altered, 0, sha256, 'drop').slice(0, 2).concat(entries.slice(2)), digests, { head })).toMatchObject({ valid: false, brokenAt: 2, reason: 'link' });
  });

  it('alone (never written since), verifies only where unkeyed chains are accepted', () => {
    const { entries, head } = unkeyedChain(3);
    expect(verifyChain(entries, digests, { head, acceptUnkeyed: true })).toEqual({ valid: true, entries: 3, unkeyed: 3 });
    expect(verifyChain(entries, digests, { head })).toEqual({ valid: false, entries: 3, brokenAt: 0, reason: 'unkeyed', unkeyed: 3 });
    // Accepted or not, it must still end at the head.
    expect(verifyChain(entries.slice(0, 2), digests, { head, acceptUnkeyed: true })).toMatchObject({ valid: false, brokenAt: 2, reason: 'missing' });
  });
});
