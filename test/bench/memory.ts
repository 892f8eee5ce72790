import { readFileSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * Peak memory of this process while `fn` runs. The main thread samples heap and RSS every ~10 ms, but it
 * cannot while a long synchronous step (JSON.parse, zod, PGlite's WebAssembly) holds the event loop, so a
 * worker thread samples RSS (process-wide) on its own every 10 ms, and where Linux allows the kernel's own
 * high-water mark (VmHWM, reset through /proc/self/clear_refs) is read too.
 */
export interface MemoryPeak {
  baseRssMb: number;
  peakRssMb: number;
  baseHeapMb: number;
  peakHeapMb: number;
  /** Kernel-reported peak RSS over the call; null where /proc does not allow the reset. */
  hwmRssMb: number | null;
  samples: number;
}

const MB = 1024 * 1024;
const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

const SAMPLER = `
const { workerData, parentPort } = require('node:worker_threads');
const peak = new Float64Array(workerData);
const timer = setInterval(() => { const r = process.memoryUsage.rss(); if (r > peak[0]) peak[0] = r; peak[1]++; }, 10);
parentPort.on('message', () => { clearInterval(timer); parentPort.close(); });
`;

function resetHighWaterMark(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

function highWaterMark(): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

export async function peakMemory<T>(fn: () => Promise<T>): Promise<{ value: T; memory: MemoryPeak }> {
  const shared = new SharedArrayBuffer(16);
  const peak = new Float64Array(shared);
  const worker = new Worker(SAMPLER, { eval: true, workerData: shared, execArgv: [] });
  await new Promise((resolve) => worker.once('online', resolve));
  const base = process.memoryUsage();
  peak[0] = base.rss;
  let peakHeap = base.heapUsed;
  let samples = 0;
  const sample = () => {
    const m = process.memoryUsage();
    if (m.rss > peak[0]!) peak[0] = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
    samples++;
  };
  const hwm = resetHighWaterMark();
  const timer = setInterval(sample, 10);
  try {
    const value = await fn();
    sample();
    const kernel = hwm ? highWaterMark() : null;
    return {
      value,
      memory: {
        baseRssMb: mb(base.rss),
        peakRssMb: mb(Math.max(peak[0]!, kernel ?? 0)),
        baseHeapMb: mb(base.heapUsed),
        peakHeapMb: mb(peakHeap),
        hwmRssMb: kernel === null ? null : mb(kernel),
        samples: samples + peak[1]!,
      },
    };
  } finally {
    clearInterval(timer);
    worker.postMessage('stop');
    await worker.terminate();
  }
}
