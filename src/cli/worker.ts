/** A worker thread that checks documents for the main thread's pool. */
import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocument, ConfigResolver } from './check-file.js';
import { deliver, type Checked } from './delivery.js';
import { readBytes } from './read.js';
import { UserError } from './errors.js';
import { ConfigError } from '../node/config.js';
import { RuleFileError } from '../node/rules.js';
import type { Job, Reply, WorkerData } from './pool.js';

const { settings, delivery } = workerData as WorkerData;
const configs = new ConfigResolver(settings.config);

function reply(id: number, checked: Checked): void {
  // The JSON bytes are moved to the main thread, not copied.
  // TextEncoder output always owns a plain ArrayBuffer (never a SharedArrayBuffer), which can be transferred.
  const transfer = checked.ok && checked.kind === 'json' ? [checked.chunk.buffer as ArrayBuffer] : [];
  parentPort?.postMessage({ ...checked, id, heapTotal: getHeapStatistics().total_heap_size } satisfies Reply, transfer);
}

async function handle(job: Job, bytes: Promise<Uint8Array>): Promise<void> {
  let checked: Checked;
  try {
    checked = deliver(await checkDocument(job.path, await bytes, settings, configs), delivery);
  } catch (error) {
    checked = {
      ok: false,
      user: error instanceof UserError,
      // A broken configuration or rule file stops the whole run, not just this file.
      fatal: error instanceof ConfigError || error instanceof RuleFileError,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  try {
    reply(job.id, checked);
  } catch (error) {
    // A reply that cannot be sent must still answer the job, or the run would wait for ever.
    reply(job.id, { ok: false, user: false, message: error instanceof Error ? error.message : String(error) });
  }
}

/** The files the pool queued here are analysed one after another; only their bytes are read ahead. */
let chain: Promise<void> = Promise.resolve();

parentPort?.on('message', (job: Job) => {
  // Read ahead while the files before it are analysed: a read waits on the disk, not on this thread.
  const bytes = readBytes(job.path);
  bytes.catch(() => undefined); // handled when its turn comes; this only keeps it from counting as unhandled
  chain = chain.then(() => handle(job, bytes));
});
