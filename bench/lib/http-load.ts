import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

/** What the load worker reports of one autocannon run. */
interface LoadRun {
  requests: { total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Seconds actually run. */
  duration: number;
}

/** Throughput and latency of one HTTP target under load (medians over the rounds). */
export interface HttpLoadResult {
  rps: number;
  /** autocannon records whole milliseconds. */
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Requests per second of each round, to show how steady the measurement was. */
  roundsRps: number[];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/**
 * Loads several HTTP targets with autocannon on loopback and reports each one's median over `rounds`
 * interleaved rounds (A B C A B C …), so that a burst of other work on the machine hits every target alike
 * instead of skewing one of them; each target first gets a discarded warm-up (JIT, pools, caches).
 * autocannon runs in one worker thread (load-worker.mjs), so the load generator does not share the event
 * loop of the servers under test. Any connection error, timeout or non-2xx answer makes the measurement invalid and throws.
 */
export async function compareHttp<K extends string>(
  targets: Record<K, string>,
  opts: { seconds: number; rounds?: number; connections?: number; warmupSeconds?: number },
): Promise<Record<K, HttpLoadResult>> {
  const rounds = opts.rounds ?? 3;
  // autocannon only notices the end of a run at its next sample tick (1 s by default): a short tick keeps
  // fractional round durations from each costing up to a second more than asked.
  const base = { connections: opts.connections ?? 10, pipelining: 1, timeout: 10, sampleInt: 100 };
  const keys = Object.keys(targets) as K[];
  const worker = new Worker(new URL('./load-worker.mjs', import.meta.url));
  const fire = async (o: Record<string, unknown>): Promise<LoadRun> => {
    worker.postMessage(o);
    const [reply] = (await once(worker, 'message')) as [{ result?: LoadRun; error?: string }];
    if (!reply.result) throw new Error(`autocannon: ${reply.error}`);
    return reply.result;
  };
  const runs = new Map<K, LoadRun[]>(keys.map((k) => [k, []]));
  try {
    for (const k of keys) await fire({ ...base, url: targets[k], duration: opts.warmupSeconds ?? 1 });
    for (let r = 0; r < rounds; r++) {
      for (const k of keys) {
        const result = await fire({ ...base, url: targets[k], duration: opts.seconds / rounds });
        const failures = result.errors + result.timeouts + result.non2xx;
        if (failures)
          throw new Error(`${targets[k]}: ${failures} failed requests — the measurement is not valid`);
        runs.get(k)!.push(result);
      }
    }
  } finally {
    await worker.terminate();
  }
  const out = {} as Record<K, HttpLoadResult>;
  for (const k of keys) {
    const rs = runs.get(k)!;
    const roundsRps = rs.map((x) => x.requests.total / x.duration);
    out[k] = {
      rps: median(roundsRps),
      p50Ms: median(rs.map((x) => x.latency.p50)),
      p99Ms: median(rs.map((x) => x.latency.p99)),
      requests: rs.reduce((a, x) => a + x.requests.total, 0),
      roundsRps,
    };
  }
  return out;
}
