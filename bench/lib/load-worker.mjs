/**
 * The load generator's thread (see compareHttp in http-load.ts): runs autocannon on request from the main
 * thread and posts back the figures. One long-lived worker instead of autocannon's own `workers` option,
 * which starts a fresh thread for every run — about a second each on a busy 2-core machine. Plain
 * JavaScript because worker threads do not get the tsx loader of the main thread on Node 20.
 */
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
// Off the main thread autocannon hands back its raw, encoded histograms (it expects to be one of its own
// workers); its aggregation turns them into the usual figures.
const aggregateResult = require('autocannon/lib/aggregateResult');

parentPort.on('message', (opts) => {
  autocannon(opts, (err, raw) => {
    if (err) return parentPort.postMessage({ error: err.message });
    const r = aggregateResult(raw, opts);
    // Only plain numbers cross the thread boundary.
    parentPort.postMessage({
      result: {
        requests: { total: r.requests.total },
        latency: { p50: r.latency.p50, p99: r.latency.p99 },
        errors: r.errors,
        timeouts: r.timeouts,
        non2xx: r.non2xx,
        duration: r.duration,
      },
    });
  });
});
