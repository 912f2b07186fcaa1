/** Latency distribution and throughput of one request-making function under fixed concurrency. */
export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Runs `total` requests, `concurrency` at a time; throws if any answer is not the expected status. */
export async function measure(
  request: (i: number) => Promise<Response>,
  options: { total: number; concurrency: number; expectedStatus?: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  async function workerLoop() {
    while (next < options.total) {
      const i = next++;
      const started = performance.now();
      const response = await request(i);
      await response.arrayBuffer();
      latencies.push(performance.now() - started);
      if (response.status !== (options.expectedStatus ?? 200)) {
        throw new Error(`request ${i} answered ${response.status}`);
      }
    }
  }
  const started = performance.now();
  await Promise.all(Array.from({ length: options.concurrency }, workerLoop));
  const elapsedSeconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: options.total / elapsedSeconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}
