/**
 * Every built-in rule's own examples, through the real engine: each `bad`
 * sentence must be flagged by that rule, each `good` sentence must not be.
 */
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { LANGUAGES, type Language } from '../../src/core/types.js';
import { loadResources } from '../../src/node/resources.js';
import { loadBuiltinRules } from '../../src/node/rules.js';

const rules = loadBuiltinRules();
const resources = await loadResources([...LANGUAGES], { lexicons: false });

function idsFound(sentence: string, language: Language, profile: 'plain' | 'easy-read'): string[] {
  const report = analyse(sentence, { language, profile, resources, rules });
  return report.diagnostics.map((d) => d.ruleId);
}

describe('built-in rules', () => {
  it('load and validate', () => {
    expect(rules.length).toBeGreaterThan(0);
  });

  for (const language of LANGUAGES) {
    const own = rules.filter((r) => r.language === language);
    if (own.length === 0) continue;
    describe(language, () => {
      it('every rule has at least one bad and one good example', () => {
        const missing = own.filter((r) => r.examples.bad.length === 0 || r.examples.good.length === 0).map((r) => r.id);
        expect(missing).toEqual([]);
      });
      it('flags every bad example and no good example', () => {
        const failures: string[] = [];
        for (const rule of own) {
          const profile = rule.profiles.includes('plain') ? 'plain' : 'easy-read';
          for (const bad of rule.examples.bad) {
            if (!idsFound(bad, language, profile).includes(rule.id)) failures.push(`${rule.id} misses bad example: ${bad}`);
          }
          for (const good of rule.examples.good) {
            if (idsFound(good, language, profile).includes(rule.id)) failures.push(`${rule.id} flags good example: ${good}`);
          }
        }
        expect(failures).toEqual([]);
      });
    });
  }
});
