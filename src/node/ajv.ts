/**
 * The JSON Schema validator, loaded on first use: importing ajv costs ~30 ms, which every run
 * would pay at start-up although most never validate anything (the built-in rules are validated
 * at build time, and a run without a configuration file has nothing else to check).
 */
import { createRequire } from 'node:module';
import type { Ajv } from 'ajv';

let constructor: typeof Ajv | undefined;

export function loadAjv(): typeof Ajv {
  // ajv is CommonJS, so it can be required synchronously where a validator is first needed.
  constructor ??= (createRequire(import.meta.url)('ajv') as { Ajv: typeof Ajv }).Ajv;
  return constructor;
}
