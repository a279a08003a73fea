/** A small pool of worker threads so many files use every core. */
import { Worker } from 'node:worker_threads';
import type { CheckSettings } from './check-file.js';
import type { FileReport } from './formatters/types.js';
import type { SuppressionUse } from './suppress.js';
import type { SourceDocument } from '../formats/types.js';

export type PoolResult =
  | { ok: true; report: FileReport; suppressions: SuppressionUse[]; document: SourceDocument; bytes?: Uint8Array }
  | { ok: false; user: boolean; fatal?: boolean; message: string };

export class CheckPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[] = [];
  private readonly queue: { id: number; path: string }[] = [];
  private readonly pending = new Map<number, (r: PoolResult) => void>();
  private readonly busy = new Map<Worker, number>();
  private next = 0;

  constructor(size: number, settings: CheckSettings) {
    const url = new URL('./worker.js', import.meta.url);
    this.workers = Array.from({ length: size }, () => {
      const w = new Worker(url, { workerData: settings });
      w.on('message', (msg: PoolResult & { id: number }) => {
        this.busy.delete(w);
        this.pending.get(msg.id)?.(msg);
        this.pending.delete(msg.id);
        this.dispatch(w);
      });
      w.on('error', (error) => {
        // A crashed worker fails its current job, not the run.
        const id = this.busy.get(w);
        if (id !== undefined) {
          this.pending.get(id)?.({ ok: false, user: false, message: error.message });
          this.pending.delete(id);
        }
      });
      this.idle.push(w);
      return w;
    });
  }

  private dispatch(w: Worker): void {
    const job = this.queue.shift();
    if (!job) {
      this.idle.push(w);
      return;
    }
    this.busy.set(w, job.id);
    w.postMessage(job);
  }

  run(path: string): Promise<PoolResult> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.queue.push({ id, path });
      const w = this.idle.pop();
      if (w) this.dispatch(w);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
