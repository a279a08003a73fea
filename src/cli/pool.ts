/** A small pool of worker threads so many files use every core. */
import { Worker } from 'node:worker_threads';
import type { CheckSettings } from './check-file.js';
import type { Checked, Delivery } from './delivery.js';

export interface WorkerData {
  settings: CheckSettings;
  delivery: Delivery;
}

/** A job as the worker receives it. */
export interface Job {
  id: number;
  path: string;
}

/** A worker's reply: the file's outcome, and the size of its heap so the pool can retire a bloated worker. */
export type Reply = Checked & { id: number; heapTotal: number };

interface Slot {
  worker: Worker;
  held: Map<number, (r: Checked) => void>;
  retiring: boolean;
}

/**
 * Files each worker holds at once. With one, a worker sits idle for a round trip to the main
 * thread after every file (18 % of its time on 10 000 one-page files); a few queued keep it busy
 * without letting one worker hoard the files at the end of a run.
 */
const DEPTH = 4;

/**
 * V8 lets a worker's heap grow far past what it keeps alive while garbage is made fast, so a long
 * run's memory grew with its number of files (2.4 GB for 10 000 one-page files). A worker whose
 * heap passes this size after a file finishes the files it holds and is replaced by a fresh one
 * (start-up ~0.3 s, paid every few thousand one-page files). Capping the worker's heap with
 * `resourceLimits` instead is not safe: a document too big for the cap can abort the whole process
 * rather than just the worker (nodejs/node#47224). Measured in docs/benchmarks.md. KLAR_WORKER_RETIRE_MB
 * overrides the size (the tests set it tiny so that every worker is replaced).
 */
const RETIRE_HEAP_BYTES = (Number(process.env.KLAR_WORKER_RETIRE_MB) || 128) * 1024 * 1024;

export class CheckPool {
  private readonly slots: Slot[] = [];
  private readonly queue: { id: number; path: string; resolve: (r: Checked) => void }[] = [];
  private head = 0;
  private next = 0;
  private closed = false;
  private readonly url = new URL('./worker.js', import.meta.url);

  constructor(
    private readonly size: number,
    private readonly data: WorkerData,
  ) {
    for (let i = 0; i < size; i++) this.slots.push(this.start());
  }

  private start(): Slot {
    const slot: Slot = { worker: new Worker(this.url, { workerData: this.data }), held: new Map(), retiring: false };
    slot.worker.on('message', (reply: Reply) => {
      const resolve = slot.held.get(reply.id);
      slot.held.delete(reply.id);
      if (reply.heapTotal > RETIRE_HEAP_BYTES) slot.retiring = true;
      const { id: _id, heapTotal: _heap, ...checked } = reply;
      resolve?.(checked as Checked);
      this.settle(slot);
    });
    slot.worker.on('error', (error) => {
      // A crashed worker fails the files it holds, not the run: a fresh one takes over the rest.
      for (const resolve of slot.held.values()) resolve({ ok: false, user: false, message: error.message });
      slot.held.clear();
      slot.retiring = true;
      this.settle(slot);
    });
    slot.worker.on('exit', (code) => {
      // A worker that ended without an error event must not leave its files waiting for ever.
      if (slot.held.size === 0 || this.closed) return;
      for (const resolve of slot.held.values()) resolve({ ok: false, user: false, message: `a worker thread stopped (exit code ${code})` });
      slot.held.clear();
      slot.retiring = true;
      this.settle(slot);
    });
    return slot;
  }

  /** Gives the worker more files, or replaces it once a retiring worker has finished its own. */
  private settle(slot: Slot): void {
    if (this.closed) return;
    if (slot.retiring) {
      if (slot.held.size > 0) return;
      void slot.worker.terminate();
      const index = this.slots.indexOf(slot);
      if (this.head >= this.queue.length) {
        this.slots.splice(index, 1);
        return;
      }
      slot = this.start();
      this.slots[index] = slot;
    }
    this.fill(slot);
  }

  private fill(slot: Slot): void {
    while (!slot.retiring && slot.held.size < DEPTH && this.head < this.queue.length) {
      const job = this.queue[this.head] as (typeof this.queue)[number];
      // Drop the queue's reference so finished jobs' paths can be collected.
      (this.queue as unknown[])[this.head] = undefined;
      this.head++;
      slot.held.set(job.id, job.resolve);
      slot.worker.postMessage({ id: job.id, path: job.path } satisfies Job);
    }
  }

  run(path: string): Promise<Checked> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.queue.push({ id, path, resolve });
      // Most free worker first, so the files spread over all of them from the start.
      let best: Slot | undefined;
      for (const slot of this.slots) if (!slot.retiring && slot.held.size < DEPTH && (!best || slot.held.size < best.held.size)) best = slot;
      if (!best && this.slots.length < this.size) this.slots.push((best = this.start()));
      if (best) this.fill(best);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
