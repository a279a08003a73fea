/** A worker thread that checks documents for the main thread's pool. */
import { parentPort, workerData } from 'node:worker_threads';
import { checkDocument, ConfigResolver, type CheckSettings } from './check-file.js';
import { readBytes } from './read.js';
import { UserError } from './errors.js';
import { ConfigError } from '../node/config.js';
import { RuleFileError } from '../node/rules.js';

const settings = workerData as CheckSettings;
const configs = new ConfigResolver(settings.config);

parentPort?.on('message', (job: { id: number; path: string }) => {
  readBytes(job.path)
    .then((bytes) => checkDocument(job.path, bytes, settings, configs))
    .then(
      (result) => parentPort?.postMessage({ id: job.id, ok: true, report: result.report, suppressions: result.suppressions, document: result.document, ...(result.bytes ? { bytes: result.bytes } : {}) }),
      (error: unknown) =>
        parentPort?.postMessage({
          id: job.id,
          ok: false,
          user: error instanceof UserError,
          // A broken configuration or rule file stops the whole run, not just this file.
          fatal: error instanceof ConfigError || error instanceof RuleFileError,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
});
