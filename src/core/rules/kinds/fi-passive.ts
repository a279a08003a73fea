import type { KindCheck, KindMatch, RuleEntry, RuleWord, SentenceView } from '../types.js';
import { adjacent, bySuffixLength, cached, endsWithAny, isName, optionList, optionSet } from './fi-util.js';

/**
 * Finnish passive constructions. Which ones an entry reports is data
 * (`options.constructions`); the endings, auxiliaries and exception words are data
 * too (rules/fi/passive.yaml). The passive is ordinary Finnish, so the rule files
 * decide how loudly each construction is reported:
 *
 * - `agent`: "X:n toimesta / taholta", an agent phrase grafted onto a passive (un-Finnish per Kotus);
 * - `modal`: passive auxiliary + infinitive ("voidaan periä", "tullaan ilmoittamaan");
 * - `necessive`: "on tehtävä", obligation without saying who must act;
 * - `present`, `past`, `conditional`: finite passive forms (tehdään, tehtiin, tehtäisiin);
 * - `negative`: "ei tehdä", "ei tehty";
 * - `perfect`: "on tehty", "oli tehty".
 */

type Construction = 'agent' | 'modal' | 'necessive' | 'present' | 'past' | 'conditional' | 'negative' | 'perfect';

interface PassiveOptions {
  constructions: ReadonlySet<Construction>;
  agentWords: ReadonlySet<string>;
  auxiliaries: ReadonlySet<string>;
  futureAuxiliaries: ReadonlySet<string>;
  copulas: ReadonlySet<string>;
  negators: ReadonlySet<string>;
  adverbs: ReadonlySet<string>;
  personalGenitives: ReadonlySet<string>;
  infinitiveEndings: string[];
  futureEndings: string[];
  necessiveEndings: string[];
  presentEndings: string[];
  pastEndings: string[];
  conditionalEndings: string[];
  connegativeEndings: string[];
  participleEndings: string[];
  negativeParticipleEndings: string[];
  exceptions: ReadonlySet<string>;
  exceptionEndings: string[];
  minLength: number;
}

const CONSTRUCTIONS: readonly Construction[] = ['agent', 'modal', 'necessive', 'present', 'past', 'conditional', 'negative', 'perfect'];

const cache = new WeakMap<RuleEntry, PassiveOptions>();

function compile(entry: RuleEntry): PassiveOptions {
  const wanted = optionSet(entry, 'constructions');
  const minLength = entry.options?.minLength;
  return {
    constructions: new Set(CONSTRUCTIONS.filter((c) => wanted.has(c))),
    agentWords: optionSet(entry, 'agentWords'),
    auxiliaries: optionSet(entry, 'auxiliaries'),
    futureAuxiliaries: optionSet(entry, 'futureAuxiliaries'),
    copulas: optionSet(entry, 'copulas'),
    negators: optionSet(entry, 'negators'),
    adverbs: optionSet(entry, 'adverbs'),
    personalGenitives: optionSet(entry, 'personalGenitives'),
    infinitiveEndings: bySuffixLength(optionList(entry, 'infinitiveEndings')),
    futureEndings: bySuffixLength(optionList(entry, 'futureEndings')),
    necessiveEndings: bySuffixLength(optionList(entry, 'necessiveEndings')),
    presentEndings: bySuffixLength(optionList(entry, 'presentEndings')),
    pastEndings: bySuffixLength(optionList(entry, 'pastEndings')),
    conditionalEndings: bySuffixLength(optionList(entry, 'conditionalEndings')),
    connegativeEndings: bySuffixLength(optionList(entry, 'connegativeEndings')),
    participleEndings: bySuffixLength(optionList(entry, 'participleEndings')),
    negativeParticipleEndings: bySuffixLength(optionList(entry, 'negativeParticipleEndings')),
    exceptions: optionSet(entry, 'exceptions'),
    exceptionEndings: bySuffixLength(optionList(entry, 'exceptionEndings')),
    minLength: typeof minLength === 'number' && Number.isFinite(minLength) ? minLength : 5,
  };
}

/** A word form that ends like the construction and is not a listed look-alike. */
function looksLike(o: PassiveOptions, w: RuleWord, endings: readonly string[]): boolean {
  const lower = w.lower;
  if (lower.length < o.minLength || endings.length === 0) return false;
  if (!endsWithAny(lower, endings)) return false;
  if (o.exceptions.has(lower)) return false;
  // Exception endings also cover compounds: johtava → harhaanjohtava.
  return endsWithAny(lower, o.exceptionEndings) === undefined;
}

/**
 * The word after `i`, skipping at most one listed adverb ("on myös tehtävä",
 * "voidaan tarvittaessa periä"); undefined when punctuation intervenes.
 */
function nextContent(s: SentenceView, o: PassiveOptions, i: number): number | undefined {
  const words = s.words;
  for (let j = i + 1; j < words.length && j <= i + 2; j++) {
    const prev = words[j - 1] as RuleWord;
    const w = words[j] as RuleWord;
    if (!adjacent(s.text, prev.end, w.start)) return undefined;
    if (j === i + 1 && o.adverbs.has(w.lower) && j + 1 < words.length) continue;
    return j;
  }
  return undefined;
}

function range(words: readonly RuleWord[], from: number, to: number): KindMatch {
  return { start: (words[from] as RuleWord).start, end: (words[to] as RuleWord).end };
}

export const passiveFi: KindCheck = (s, entry) => {
  const o = cached(cache, entry, compile);
  const c = o.constructions;
  if (c.size === 0) return [];
  const words = s.words;
  const out: KindMatch[] = [];
  // Words already inside a reported construction, so one verb is reported once.
  let coveredUntil = -1;
  const push = (from: number, to: number): void => {
    out.push(range(words, from, to));
    coveredUntil = to;
  };

  for (let i = 0; i < words.length; i++) {
    if (i <= coveredUntil) continue;
    const w = words[i] as RuleWord;
    const lower = w.lower;

    if (c.has('agent') && o.agentWords.has(lower) && i > 0) {
      const prev = words[i - 1] as RuleWord;
      // "kunnan toimesta": the agent is a genitive; "omasta toimesta" (on one's own initiative) is not.
      if (prev.lower.endsWith('n') && adjacent(s.text, prev.end, w.start)) {
        out.push(range(words, i - 1, i));
        coveredUntil = i;
        continue;
      }
    }

    const future = o.futureAuxiliaries.has(lower);
    if (c.has('modal') && (future || o.auxiliaries.has(lower))) {
      // "voidaan periä" takes the A-infinitive; "tullaan ilmoittamaan" the MA-illative
      // (without it, "tullaan" is just "one comes").
      const j = nextContent(s, o, i);
      const verb = j === undefined ? undefined : (words[j] as RuleWord);
      if (j !== undefined && verb && endsWithAny(verb.lower, future ? o.futureEndings : o.infinitiveEndings) && !isName(words, j)) {
        push(i, j);
        continue;
      }
    }

    if (c.has('necessive') && o.copulas.has(lower)) {
      const before = i > 0 ? (words[i - 1] as RuleWord).lower : '';
      // "Sinun on haettava" names who must act; only the agentless necessive hides it.
      if (!o.personalGenitives.has(before)) {
        const j = nextContent(s, o, i);
        if (j !== undefined && !isName(words, j) && looksLike(o, words[j] as RuleWord, o.necessiveEndings)) {
          push(i, j);
          continue;
        }
      }
    }

    if (c.has('perfect') && o.copulas.has(lower)) {
      const j = nextContent(s, o, i);
      if (j !== undefined && !isName(words, j) && looksLike(o, words[j] as RuleWord, o.participleEndings)) {
        push(i, j);
        continue;
      }
    }

    if (c.has('negative') && o.negators.has(lower)) {
      const j = nextContent(s, o, i);
      if (j !== undefined && !isName(words, j)) {
        const verb = words[j] as RuleWord;
        // "ei tehdä", "ei tehty"; reflexive verbs' connegatives (ei onnistu, ei muodostu) end like participles, hence a narrower list.
        if (looksLike(o, verb, o.connegativeEndings) || looksLike(o, verb, o.negativeParticipleEndings)) {
          push(i, j);
          continue;
        }
      }
    }

    if (isName(words, i)) continue;
    if (
      (c.has('present') && looksLike(o, w, o.presentEndings)) ||
      (c.has('past') && looksLike(o, w, o.pastEndings)) ||
      (c.has('conditional') && looksLike(o, w, o.conditionalEndings))
    ) {
      push(i, i);
    }
  }
  return out;
};
