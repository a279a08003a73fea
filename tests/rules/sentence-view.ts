/** Test helpers for rule kinds: a sentence as the engine hands it to a kind, and a stub morphology. */
import type { Morphology, SentenceView } from '../../src/core/rules/types.js';

const WORD = /\p{L}[\p{L}\p{M}'’:-]*/gu;

/**
 * Words with absolute offsets. `before` shifts the sentence inside a longer text:
 * the text before it, or a number of spaces.
 */
export function sentenceView(sentence: string, before: string | number = 0): SentenceView {
  const prefix = typeof before === 'string' ? before : ' '.repeat(before);
  const offset = prefix.length;
  const text = prefix + sentence;
  const words = [...sentence.matchAll(WORD)].map((m) => {
    const start = offset + (m.index ?? 0);
    return { form: m[0], lower: m[0].normalize('NFC').toLowerCase(), start, end: start + m[0].length };
  });
  return { text, start: offset, end: text.length, words };
}

/** A morphology that knows only the forms a test needs: form → lemma. */
export function stubMorphology(table: Record<string, string | string[]>): Morphology {
  const lemmas = (form: string): string[] => {
    const l = table[form];
    return l === undefined ? [] : Array.isArray(l) ? l : [l];
  };
  return {
    lemmasOf: lemmas,
    formsOf: (lemma) => Object.keys(table).filter((f) => lemmas(f).includes(lemma)),
  };
}
