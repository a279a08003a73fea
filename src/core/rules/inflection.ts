import type { Language } from '../types.js';

/**
 * Inflectional endings tried on a word when its lemma is missing from the
 * generated morphology (an organisation's own terms): "synergier" → synergi,
 * "beviljade" → bevilja. Longest first. From the regular inflection patterns of
 * each language (Svenska Akademiens grammatik; Norsk referansegrammatikk; Iso suomen kielioppi).
 */
export const SUFFIXES: Record<Language, readonly string[]> = {
  sv: ['ernas', 'arnas', 'ornas', 'erna', 'arna', 'orna', 'ande', 'ende', 'ades', 'ade', 'ats', 'dde', 'des', 'tes', 'ens', 'ets', 'en', 'et', 'er', 'ar', 'or', 'na', 'de', 'te', 'ts', 'tt', 'as', 'es', 'n', 'r', 's', 't', 'd'],
  nb: ['enes', 'ende', 'ene', 'ets', 'ens', 'ede', 'te', 'de', 'et', 'en', 'er', 'es', 'ne', 'r', 's', 't', 'a', 'e'],
  nn: ['anes', 'enes', 'ande', 'ane', 'ene', 'ast', 'est', 'ar', 'er', 'en', 'et', 'te', 'de', 'a', 'e', 'r', 's', 't'],
  fi: ['issaan', 'issään', 'illaan', 'illään', 'ssaan', 'ssään', 'ineen', 'ista', 'istä', 'issa', 'issä', 'illa', 'illä', 'ilta', 'iltä', 'ille', 'iksi', 'ista', 'lla', 'llä', 'lta', 'ltä', 'lle', 'ssa', 'ssä', 'sta', 'stä', 'ksi', 'tta', 'ttä', 'ine', 'iin', 'ien', 'jen', 'den', 'tten', 'ja', 'jä', 'na', 'nä', 'si', 'ni', 'mme', 'nne', 'an', 'en', 'in', 'on', 'un', 'yn', 'än', 'ön', 'n', 'a', 'ä', 't', 'i'],
  en: ['ing', 'ies', 'ied', 'es', 'ed', 'er', 's', 'd'],
};
export const MIN_STEM = 4;

/** Candidate base forms of a word: the word with each known ending removed, longest ending first. */
export function strippedForms(lower: string, language: Language): string[] {
  const out: string[] = [];
  for (const suffix of SUFFIXES[language]) {
    if (lower.endsWith(suffix) && lower.length - suffix.length >= MIN_STEM) out.push(lower.slice(0, lower.length - suffix.length));
  }
  return out;
}
