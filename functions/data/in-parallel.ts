/** Runs the tasks with at most `concurrency` at a time; each task is told which worker (0…) runs it. */
export async function inParallel<T>(tasks: ((worker: number) => Promise<T>)[], concurrency: number): Promise<T[]> {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (_: unknown, id: number) => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!(id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
  return results;
}
