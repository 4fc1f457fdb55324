/**
 * Peak resident memory of this process, sampled every `intervalMs` from a worker thread: the pipeline is synchronous,
 * so a timer on the main thread would not fire while it runs.
 */
import { Worker } from "node:worker_threads";

/** A running sampler. */
export interface RssSampler {
  /** The highest RSS seen so far, in MiB. */
  peakMiB(): number;
  /** Stop sampling. */
  stop(): Promise<void>;
}

const WORKER = `
const { workerData: cells } = require("node:worker_threads");
let peak = 0;
const tick = () => {
  const rss = process.memoryUsage.rss();
  if (rss > peak) peak = rss;
  Atomics.store(cells, 1, Math.ceil(peak / 1048576));
  if (Atomics.load(cells, 0) === 0) setTimeout(tick, INTERVAL);
};
tick();
`;

/** Start sampling `process.memoryUsage().rss`. */
export function startRssSampler(intervalMs = 50): RssSampler {
  const cells = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER.replace("INTERVAL", String(intervalMs)), { eval: true, workerData: cells });
  worker.unref();
  return {
    peakMiB: () => Atomics.load(cells, 1),
    stop: async () => {
      Atomics.store(cells, 0, 1);
      await worker.terminate();
    },
  };
}
