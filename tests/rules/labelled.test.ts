/**
 * Our own labelled sentences (tests/labelled/<lang>.tsv): the rules must find the
 * marked expressions (recall ≥ 0.85) and little else (precision ≥ 0.9).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { emptyTally, parseLabelled, precision, recall, tallySentence } from '../../src/eval/labelled.js';
import { LANGUAGES } from '../../src/core/types.js';
import { loadResources } from '../../src/node/resources.js';
import { loadBuiltinRules } from '../../src/node/rules.js';

const rules = loadBuiltinRules();
const resources = await loadResources([...LANGUAGES], { lexicons: false });

describe('labelled sentences', () => {
  for (const language of LANGUAGES) {
    const file = join(import.meta.dirname, '..', 'labelled', `${language}.tsv`);
    it.skipIf(!existsSync(file))(`${language}: precision ≥ 0.9 and recall ≥ 0.85`, () => {
      const items = parseLabelled(readFileSync(file, 'utf8'));
      expect(items.length).toBeGreaterThanOrEqual(60);
      const t = emptyTally();
      for (const item of items) tallySentence(t, item, analyse(item.sentence, { language, profile: 'plain', resources, rules }).diagnostics);
      const report = `precision ${precision(t)?.toFixed(2)}, recall ${recall(t)?.toFixed(2)}\nfalse positives:\n${t.falsePositives.join('\n')}\nmisses:\n${t.misses.join('\n')}`;
      expect(precision(t) ?? 0, report).toBeGreaterThanOrEqual(0.9);
      expect(recall(t) ?? 0, report).toBeGreaterThanOrEqual(0.85);
    });
  }
});
