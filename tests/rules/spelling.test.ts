import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { loadResources } from '../../src/node/resources.js';

const resources = await loadResources(['sv', 'nb', 'nn'], { lexicons: true });

function unknown(text: string, language: 'sv' | 'nb', knownWords?: string[]): string[] {
  const report = analyse(text, { language, resources, spelling: true, ...(knownWords ? { knownWords: new Set(knownWords) } : {}) });
  return report.diagnostics.filter((d) => d.category === 'spelling').map((d) => d.excerpt);
}

describe('spelling (opt-in)', () => {
  it('reports words the dictionary does not know, with a message in the text’s language', () => {
    const report = analyse('Kommunern har skickat beslutet till förvaltningi.', { language: 'sv', resources, spelling: true });
    const found = report.diagnostics.filter((d) => d.category === 'spelling');
    expect(found.map((d) => d.excerpt)).toEqual(['Kommunern', 'förvaltningi']);
    expect(found[0]).toMatchObject({ ruleId: 'sv/spelling/unknown-word', severity: 'info', message: '”Kommunern” finns inte i ordlistan. Kontrollera stavningen.', suggestions: [] });
  });

  it('skips names, acronyms, numbers, URLs, e-mail addresses and the organisation’s words', () => {
    expect(unknown('Ring Sarkio på KDD om 22/4554 eller skriv till info@kdd.dep.no och www.kdd.dep.no i dag.', 'nb')).toEqual([]);
    expect(unknown('Kursen finns i eOppiva.', 'sv')).toEqual(['eOppiva']);
    expect(unknown('Kursen finns i eOppiva.', 'sv', ['eoppiva'])).toEqual([]);
  });

  it('is off unless asked for', () => {
    const report = analyse('Kommunern har skickat beslutet.', { language: 'sv', resources });
    expect(report.diagnostics.filter((d) => d.category === 'spelling')).toEqual([]);
  });
});
