import type { Morphology } from './types.js';

const EMPTY: readonly string[] = [];

/**
 * Builds a form ↔ lemma index from `form<TAB>lemma` lines (the generated
 * dictionaries/morphology/<lang>.tsv files). Lines starting with # are comments.
 */
export function morphologyFromTsv(tsv: string): Morphology {
  const lemmas = new Map<string, string[]>();
  const forms = new Map<string, string[]>();
  for (const line of tsv.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const form = line.slice(0, tab).trim().normalize('NFC').toLowerCase();
    const lemma = line.slice(tab + 1).trim().normalize('NFC').toLowerCase();
    if (!form || !lemma) continue;
    const l = lemmas.get(form);
    if (l) l.push(lemma);
    else lemmas.set(form, [lemma]);
    const f = forms.get(lemma);
    if (f) f.push(form);
    else forms.set(lemma, [form]);
  }
  return {
    lemmasOf: (form) => lemmas.get(form) ?? EMPTY,
    formsOf: (lemma) => forms.get(lemma) ?? EMPTY,
  };
}
