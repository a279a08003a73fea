/**
 * English readability: the formula set of retext-readability
 * (https://github.com/retextjs/retext-readability, lib/index.js), computed for a whole span
 * rather than per sentence, plus Flesch–Kincaid grade, which retext-readability does not report.
 *
 * Counting follows retext-readability with two deliberate differences:
 * - letters are `\p{L}` characters, not the length of the token (apostrophes do not count);
 * - difficult (Dale–Chall) and unfamiliar (Spache) words are counted per token, as the formulas
 *   define them, whereas retext-readability subtracts the number of *distinct* familiar words
 *   from the token count, which makes a repeated easy word count as hard.
 */
import { automatedReadability } from 'automated-readability';
import { colemanLiau } from 'coleman-liau';
import { daleChall } from 'dale-chall';
import { daleChallFormula } from 'dale-chall-formula';
import { flesch } from 'flesch';
import { gunningFog } from 'gunning-fog';
import { smogFormula } from 'smog-formula';
import { spache } from 'spache';
import { spacheFormula } from 'spache-formula';
import { syllable } from 'syllable';

import type { EnglishReadability } from '../types.js';

export interface EnglishInput {
  words: readonly { form: string; letters: number }[];
  /** Words per sentence (sentences without words are ignored). */
  sentenceLengths: readonly number[];
}

/** New Dale–Chall (1995) list of easy words, via the `dale-chall` package. */
const DALE_CHALL_EASY: ReadonlySet<string> = new Set(daleChall);
/** Revised Spache (1974) list of familiar words, via the `spache` package. */
const SPACHE_FAMILIAR: ReadonlySet<string> = new Set(spache);

export function englishReadability(input: EnglishInput): EnglishReadability {
  const sentence = input.sentenceLengths.filter((length) => length > 0).length;
  const word = input.words.length;
  let syllables = 0;
  let letters = 0;
  let polysillabicWord = 0;
  let complexPolysillabicWord = 0;
  let difficultWord = 0;
  let unfamiliarWord = 0;

  for (const { form, letters: wordLetters } of input.words) {
    const lower = form.toLowerCase();
    const count = syllable(form);
    syllables += count;
    letters += wordLetters;
    if (count >= 3) {
      polysillabicWord += 1;
      // retext-readability's proper-noun test: a capitalised polysyllable is not "complex".
      if (form.charAt(0) === lower.charAt(0)) complexPolysillabicWord += 1;
    }
    if (!DALE_CHALL_EASY.has(lower)) difficultWord += 1;
    if (!SPACHE_FAMILIAR.has(lower)) unfamiliarWord += 1;
  }

  const counts = {
    sentence,
    word,
    syllable: syllables,
    letter: letters,
    character: letters,
    polysillabicWord,
    complexPolysillabicWord,
    difficultWord,
    unfamiliarWord,
  };
  const defined = sentence > 0 && word > 0;

  return {
    fleschReadingEase: finite(flesch(counts)),
    fleschKincaidGrade: defined ? finite(fleschKincaid(word, sentence, syllables)) : null,
    gunningFog: finite(gunningFog(counts)),
    // SMOG is defined on sentences; without any, smog-formula would return its constant.
    smog: defined ? finite(smogFormula(counts)) : null,
    colemanLiau: finite(colemanLiau(counts)),
    automatedReadability: finite(automatedReadability(counts)),
    daleChall: finite(daleChallFormula(counts)),
    spache: finite(spacheFormula(counts)),
  };
}

/**
 * Flesch–Kincaid grade level: 0.39 · words/sentences + 11.8 · syllables/words − 15.59
 * (Kincaid, Fishburne, Rogers & Chissom 1975, Research Branch Report 8-75, Naval Technical
 * Training Command).
 */
function fleschKincaid(words: number, sentences: number, syllables: number): number {
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
