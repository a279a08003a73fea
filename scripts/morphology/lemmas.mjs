// Collects the lemmas a language's rules need inflected forms for: the `lemmas`
// of `word` entries and every `{lemma}` inside `phrases`.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function collectLemmas(lang) {
  const folder = join(root, 'rules', lang);
  const lemmas = new Set();
  if (!existsSync(folder)) return [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
    const doc = parse(readFileSync(join(folder, file), 'utf8'));
    for (const rule of doc?.rules ?? []) {
      for (const lemma of rule.lemmas ?? []) lemmas.add(lemma.normalize('NFC').toLowerCase());
      for (const phrase of rule.phrases ?? []) {
        for (const m of phrase.matchAll(/\{([^}]+)\}/g)) lemmas.add(m[1].normalize('NFC').toLowerCase());
      }
    }
  }
  return [...lemmas].sort();
}

/** Writes form<TAB>lemma lines, sorted and deduplicated, with a header comment. */
export function morphologyTsv(pairs, header) {
  const lines = [...new Set(pairs.map(([f, l]) => `${f.normalize('NFC').toLowerCase()}\t${l.normalize('NFC').toLowerCase()}`))].sort();
  return `# ${header}\n${lines.join('\n')}\n`;
}
