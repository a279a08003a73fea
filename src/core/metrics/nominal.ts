/**
 * Nominal style: the share of words that carry a nominalisation or participle suffix.
 *
 * Official prose packs actions into nouns ("betalning sker" for "du betalar"). Språkbanken's
 * nominal quotient measures this with part-of-speech tags, counting nouns, prepositions and
 * participles against pronouns, adverbs and verbs
 * (https://spraakbanken.gu.se/en/analyses/sbx-swe-readability-sparv-nk); klar has no tagger, so
 * it counts the derivational suffixes that form most such nouns, and the participle endings,
 * which the quotient counts as nominal too. Deverbal nominalisations such as Finnish -minen are
 * among the officialese patterns collected for klar's calibration set (shared/eval/SOURCES.md).
 *
 * The suffix lists were written from the grammar of each language, not fitted: at least three
 * letters of stem (so "ingen", "ihminen" and "ande" do not count), the suffix, then the
 * inflectional endings the suffix takes. It is a heuristic: "tidning" counts, "omkring" too.
 */
import type { Language } from '../types.js';

const STEM = '\\p{L}{3,}';

const SUFFIX: Readonly<Record<Language, RegExp>> = {
  // -ning (betalning), -het (möjlighet), -else (händelse), -tion/-sion, -itet; participles
  // -ande/-ende (sökande, gällande); endings -en/-ar/-arna/-er/-erna/-n/-na, genitive -s.
  sv: new RegExp(`^${STEM}(?:ning|het|else|tion|sion|itet|ande|ende)(?:en|ar|arna|er|erna|n|na)?s?$`, 'u'),
  // Bokmål: -ing (betaling), -het, -else, -sjon, -itet, -nad (søknad); participle -ende.
  nb: new RegExp(`^${STEM}(?:ing|het|else|sjon|itet|nad|ende)(?:en|er|ene|a)?s?$`, 'u'),
  // Nynorsk: as bokmål plus -heit; participle -ande; endings -a/-ar/-ane/-i as well.
  nn: new RegExp(`^${STEM}(?:ing|het|heit|else|sjon|itet|nad|ande)(?:en|er|ene|a|ar|ane|i)?s?$`, 'u'),
  // Finnish: -minen (maksaminen) and its case forms on mise-/mis-; -us/-ys (hakemus) with
  // stems ukse-/ykse- and partitive -usta/-ystä; -uus/-yys (mahdollisuus) with uude-/yyde-, -uutta.
  fi: new RegExp(
    `^${STEM}(?:minen|mis(?:e\\p{L}{0,5}|i\\p{L}{0,5}|t[aä]|ten)|[uy]s|[uy]kse\\p{L}{0,5}|[uy]st[aä]|(?:uu|yy)(?:s|de\\p{L}{0,5}|tt[aä]|ksi))$`,
    'u',
  ),
  // English: -tion/-sion, -ment, -ness, -ity, -ance/-ence, -ancy/-ency, plural -s.
  en: new RegExp(`^${STEM}(?:tion|sion|ment|ness|ity|ance|ence|ancy|ency)s?$`, 'u'),
};

export function isNominal(language: Language, form: string): boolean {
  return SUFFIX[language].test(form.toLowerCase());
}

export function nominalShare(language: Language, forms: readonly string[]): number | null {
  if (forms.length === 0) return null;
  let nominal = 0;
  for (const form of forms) if (isNominal(language, form)) nominal += 1;
  return nominal / forms.length;
}
