/**
 * English passive voice: a form of "be" (or "get") followed by a past participle, as in
 * "will be sent", "has been decided", "are not usually charged", "got damaged".
 *
 * All word lists come from the entry's `options` (rules/en/passive.yaml): the be- and get-forms,
 * auxiliaries, the adverbs allowed in between, irregular participles, and the exceptions that keep
 * precision up — adjectival participles ("is interested", "are located"), existential "there are
 * limited places", idioms ("are used to"), compound adjectives ("state-funded").
 */

import type { KindCheck, KindMatch, RuleEntry, SentenceView } from '../types.js';
import { cachedData, listMap, numberOption, onlySpaceBetween, stringList, stringOption, stringSet, wordKey } from './en-options.js';

interface PassiveData {
  be: ReadonlySet<string>;
  get: ReadonlySet<string>;
  auxiliaries: ReadonlySet<string>;
  adverbs: ReadonlySet<string>;
  adverbSuffix: string | undefined;
  maxGap: number;
  existential: ReadonlySet<string>;
  irregular: ReadonlySet<string>;
  notParticiples: ReadonlySet<string>;
  adjectival: ReadonlySet<string>;
  adjectivalPrefixes: readonly string[];
  getExceptions: ReadonlySet<string>;
  idioms: ReadonlyMap<string, ReadonlySet<string>>;
  hyphenPrefixes: ReadonlySet<string>;
}

const cache = new WeakMap<RuleEntry, PassiveData>();

function build(options: Record<string, unknown> | undefined): PassiveData {
  return {
    be: stringSet(options, 'be'),
    get: stringSet(options, 'get'),
    auxiliaries: stringSet(options, 'auxiliaries'),
    adverbs: stringSet(options, 'adverbs'),
    adverbSuffix: stringOption(options, 'adverbSuffix'),
    maxGap: numberOption(options, 'maxGap', 2),
    existential: stringSet(options, 'existential'),
    irregular: stringSet(options, 'irregular'),
    notParticiples: stringSet(options, 'notParticiples'),
    adjectival: stringSet(options, 'adjectival'),
    adjectivalPrefixes: stringList(options, 'adjectivalPrefixes'),
    getExceptions: stringSet(options, 'getExceptions'),
    idioms: listMap(options, 'idioms'),
    hyphenPrefixes: stringSet(options, 'hyphenPrefixes'),
  };
}

function isParticiple(word: string, d: PassiveData): boolean {
  if (d.irregular.has(word)) return true;
  if (d.notParticiples.has(word)) return false;
  const hyphen = word.lastIndexOf('-');
  if (hyphen >= 0) {
    // "re-examined" is a verb form; "state-funded", "well-known" are compound adjectives.
    return d.hyphenPrefixes.has(word.slice(0, hyphen)) && isParticiple(word.slice(hyphen + 1), d);
  }
  // -eed words (need, proceed, exceed) are not participles; "agreed" and friends are listed as irregular.
  return word.length >= 4 && word.endsWith('ed') && !word.endsWith('eed');
}

/** "unlimited", "unaffected": a regular participle with a negative prefix describes a state. */
function isAdjectival(word: string, d: PassiveData): boolean {
  if (d.adjectival.has(word)) return true;
  if (d.irregular.has(word)) return false;
  for (const prefix of d.adjectivalPrefixes) {
    if (word.length > prefix.length + 4 && word.startsWith(prefix)) return true;
  }
  return false;
}

function isAdverb(word: string, d: PassiveData): boolean {
  if (d.adverbs.has(word)) return true;
  const suffix = d.adverbSuffix;
  return suffix !== undefined && word.length > suffix.length + 2 && word.endsWith(suffix);
}

function startsUpper(form: string): boolean {
  const c = form.charAt(0);
  return c !== c.toLowerCase();
}

const SPACES = /\s+/g;

function find(s: SentenceView, d: PassiveData): KindMatch[] {
  const { words, text } = s;
  const out: KindMatch[] = [];
  for (let i = 1; i < words.length; i++) {
    const participle = words[i]!;
    const p = wordKey(participle);
    if (!isParticiple(p, d) || isAdjectival(p, d)) continue;

    const idiom = d.idioms.get(p);
    const next = words[i + 1];
    if (idiom && next && idiom.has(wordKey(next)) && onlySpaceBetween(text, participle.end, next.start)) continue;

    // The nearest be/get form to the left, over at most maxGap adverbs ("are not usually charged").
    let aux = -1;
    let isGet = false;
    let gaps = 0;
    for (let j = i - 1; j >= 0; j--) {
      const w = words[j]!;
      if (!onlySpaceBetween(text, w.end, words[j + 1]!.start)) break;
      const k = wordKey(w);
      if (d.be.has(k)) {
        aux = j;
        break;
      }
      if (d.get.has(k)) {
        aux = j;
        isGet = true;
        break;
      }
      if (gaps >= d.maxGap || !isAdverb(k, d)) break;
      gaps++;
    }
    if (aux < 0) continue;
    if (isGet && d.getExceptions.has(p)) continue;
    // "is Ahmed": a capitalised word after a lower-case verb is a name, not a participle.
    if (startsUpper(participle.form) && !startsUpper(words[aux]!.form)) continue;

    // The whole verb group belongs to the finding: "must not be signed", "has been decided".
    let start = aux;
    for (let k = aux - 1; k >= 0; k--) {
      const w = words[k]!;
      if (!onlySpaceBetween(text, w.end, words[k + 1]!.start)) break;
      const key = wordKey(w);
      if (d.auxiliaries.has(key) || d.be.has(key)) start = k;
      else if (!isAdverb(key, d)) break;
    }
    const before = words[start - 1];
    if (before && d.existential.has(wordKey(before)) && onlySpaceBetween(text, before.end, words[start]!.start)) continue;

    const from = words[start]!.start;
    out.push({
      start: from,
      end: participle.end,
      params: { match: text.slice(from, participle.end).replace(SPACES, ' '), participle: participle.form },
    });
  }
  return out;
}

/** The `passive` kind for English. */
export const passiveEn: KindCheck = (sentence, entry) => {
  try {
    return find(sentence, cachedData(cache, entry, build));
  } catch {
    return [];
  }
};
