import { expect, it } from 'vitest';
import { median, pairedP50 } from './measure.ts';

it('takes the middle value, or the mean of the two middle ones', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
});

it("pairs the two calls sample by sample and answers each one's median", async () => {
  const calls: string[] = [];
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const { api, raw } = await pairedP50(5, async (i) => { calls.push(`api${i}`); await sleep(12); }, async (i) => { calls.push(`raw${i}`); await sleep(2); });
  expect(calls.slice(-4)).toEqual(['api3', 'raw3', 'api4', 'raw4']);
  expect(api).toBeGreaterThan(raw);
  expect(api).toBeGreaterThanOrEqual(11);
});
