/** The median of a set of timings, in milliseconds. */
export function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Times `run` `count` times after a warm-up, interleaving nothing else: returns the p50 in ms. The API call and
 * the raw SDK call it wraps are measured the same way, one after the other, on the same engine.
 */
export async function p50(count: number, run: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, count); i++) await run(i);
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * The p50s of an API call and the raw SDK call it wraps, measured in alternation (api, raw, api, raw, …) after
 * a warm-up of both: each pair sees the same machine, so a noisy neighbour or a CPU slowing down between two
 * separate runs cannot tilt the ratio either way.
 */
export async function pairedP50(count: number, api: (i: number) => Promise<unknown>, raw: (i: number) => Promise<unknown>): Promise<{ api: number; raw: number }> {
  for (let i = 0; i < Math.min(100, count); i++) {
    await api(i);
    await raw(i);
  }
  const apiSamples: number[] = [];
  const rawSamples: number[] = [];
  const time = async (run: () => Promise<unknown>, into: number[]) => {
    const start = performance.now();
    await run();
    into.push(performance.now() - start);
  };
  for (let i = 0; i < count; i++) {
    await time(() => api(i), apiSamples);
    await time(() => raw(i), rawSamples);
  }
  return { api: median(apiSamples), raw: median(rawSamples) };
}

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
