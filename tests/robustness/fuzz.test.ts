/**
 * The fuzz job's properties (src/scripts/fuzz/) with a few hundred inputs per
 * target, so `npm test` exercises them; `npm run fuzz` runs 100 000. The seed is
 * fixed (and logged) so a failure here replays with the same inputs.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzMaterial, type Material } from '../../src/scripts/fuzz/generate.js';
import { FuzzServer, lspScenario } from '../../src/scripts/fuzz/lsp.js';
import { checkCore, checkFormat, coreInput, formatInput, fuzzEnv, type FuzzEnv } from '../../src/scripts/fuzz/targets.js';

const SEED = 20_261_124;

let m: Material;
let env: FuzzEnv;

beforeAll(async () => {
  console.log(`fuzz properties: seed ${SEED} (node --expose-gc dist/scripts/fuzz.js --seed ${SEED} --target … replays them)`);
  m = fuzzMaterial();
  env = await fuzzEnv();
});

describe('fuzzed input', () => {
  it('the core analyser: no exception, ranges inside the text on character boundaries, the same JSON twice', () => {
    fc.assert(
      fc.property(coreInput(m), (input) => checkCore(env, input)),
      { numRuns: 300, seed: SEED },
    );
  });

  it('the Markdown front end and the analysis of its mask, also when read in pieces', () => {
    fc.assert(
      fc.property(formatInput(m, 'markdown'), (input) => checkFormat(env, input)),
      { numRuns: 100, seed: SEED },
    );
  });

  it('the HTML front end and the analysis of its mask', () => {
    fc.assert(
      fc.property(formatInput(m, 'html'), (input) => checkFormat(env, input)),
      { numRuns: 150, seed: SEED },
    );
  });
});

describe('the language server under random edits', () => {
  let server: FuzzServer;
  beforeAll(async () => {
    server = await FuzzServer.start();
  });
  afterAll(async () => {
    expect(await server.stop()).toBe(0);
  });

  it('publishes diagnostics inside the document for every version, and after the edits the same as for the text opened fresh', async () => {
    await fc.assert(
      fc.asyncProperty(lspScenario(m, 20), (scenario) => server.run(scenario).then(() => undefined)),
      { numRuns: 15, seed: SEED },
    );
    // Every document was closed: nothing is kept for them.
    expect(await server.status()).toMatchObject({ documents: 0, cachedBlocks: 0 });
  });
});
