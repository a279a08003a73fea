/**
 * The server's own words (action titles, hover labels, notices) in the five UI
 * languages. The editor's UI language picks them (the `locale` of `initialize`);
 * findings themselves stay in the language of the text.
 */
import type { Language } from '../core/types.js';
import { uiStrings, type UiStrings } from '../cli/formatters/ui-strings.js';

export interface ServerStrings {
  locale: Language;
  ui: UiStrings;
  replaceWith(text: string): string;
  explainWord(word: string): string;
  disableOnLine(ruleId: string): string;
  disableInFile(ruleId: string): string;
  addToWordList(word: string): string;
  spellingSuggestions(word: string): string;
  noSpellingSuggestions(word: string): string;
  /** The placeholder a writer replaces with the reason for a suppression. */
  reasonPlaceholder: string;
  source: string;
  rulePage: string;
  inEnglish: string;
  section: string;
  /** Related information of a consistency finding. */
  ownStandardHere(word: string): string;
  tooLarge(name: string, megabytes: string, limit: string): string;
  cannotRead(message: string): string;
  wordAdded(word: string, file: string): string;
}

const en: ServerStrings = {
  locale: 'en',
  ui: uiStrings('en'),
  replaceWith: (t) => `Replace with “${t}”`,
  explainWord: (w) => `Explain “${w}” after the word`,
  disableOnLine: (id) => `Turn off ${id} on this line`,
  disableInFile: (id) => `Turn off ${id} in this file`,
  addToWordList: (w) => `Add “${w}” to the project’s word list`,
  spellingSuggestions: (w) => `Spelling suggestions for “${w}”`,
  noSpellingSuggestions: (w) => `No spelling suggestions for “${w}”`,
  reasonPlaceholder: 'reason',
  source: 'Source',
  rulePage: 'Rule page',
  inEnglish: 'In English',
  section: 'Section',
  ownStandardHere: (w) => `The text writes “${w}” here`,
  tooLarge: (name, mb, limit) =>
    `klar: ${name} is ${mb} MB; klar checks documents up to ${limit} MB while you edit. Run “klar check” on it instead.`,
  cannotRead: (m) => `klar cannot check this document: ${m}`,
  wordAdded: (w, f) => `klar: added “${w}” to ${f}`,
};

const sv: ServerStrings = {
  locale: 'sv',
  ui: uiStrings('sv'),
  replaceWith: (t) => `Ersätt med ”${t}”`,
  explainWord: (w) => `Förklara ”${w}” efter ordet`,
  disableOnLine: (id) => `Stäng av ${id} på den här raden`,
  disableInFile: (id) => `Stäng av ${id} i den här filen`,
  addToWordList: (w) => `Lägg till ”${w}” i projektets ordlista`,
  spellingSuggestions: (w) => `Stavningsförslag för ”${w}”`,
  noSpellingSuggestions: (w) => `Inga stavningsförslag för ”${w}”`,
  reasonPlaceholder: 'skäl',
  source: 'Källa',
  rulePage: 'Regelsida',
  inEnglish: 'På engelska',
  section: 'Avsnitt',
  ownStandardHere: (w) => `Texten skriver ”${w}” här`,
  tooLarge: (name, mb, limit) =>
    `klar: ${name} är ${mb} MB; klar kontrollerar dokument på upp till ${limit} MB medan du skriver. Kör ”klar check” på det i stället.`,
  cannotRead: (m) => `klar kan inte kontrollera dokumentet: ${m}`,
  wordAdded: (w, f) => `klar: lade till ”${w}” i ${f}`,
};

const fi: ServerStrings = {
  locale: 'fi',
  ui: uiStrings('fi'),
  replaceWith: (t) => `Korvaa: ”${t}”`,
  explainWord: (w) => `Selitä ”${w}” sanan jälkeen`,
  disableOnLine: (id) => `Poista ${id} käytöstä tällä rivillä`,
  disableInFile: (id) => `Poista ${id} käytöstä tässä tiedostossa`,
  addToWordList: (w) => `Lisää ”${w}” projektin sanaluetteloon`,
  spellingSuggestions: (w) => `Oikeinkirjoitusehdotukset: ”${w}”`,
  noSpellingSuggestions: (w) => `Ei oikeinkirjoitusehdotuksia: ”${w}”`,
  reasonPlaceholder: 'syy',
  source: 'Lähde',
  rulePage: 'Säännön sivu',
  inEnglish: 'Englanniksi',
  section: 'Osio',
  ownStandardHere: (w) => `Teksti kirjoittaa tässä ”${w}”`,
  tooLarge: (name, mb, limit) =>
    `klar: ${name} on ${mb} Mt; klar tarkistaa kirjoittaessa enintään ${limit} Mt:n asiakirjat. Aja sille ”klar check”.`,
  cannotRead: (m) => `klar ei voi tarkistaa asiakirjaa: ${m}`,
  wordAdded: (w, f) => `klar: ”${w}” lisätty tiedostoon ${f}`,
};

const nb: ServerStrings = {
  locale: 'nb',
  ui: uiStrings('nb'),
  replaceWith: (t) => `Erstatt med «${t}»`,
  explainWord: (w) => `Forklar «${w}» etter ordet`,
  disableOnLine: (id) => `Slå av ${id} på denne linjen`,
  disableInFile: (id) => `Slå av ${id} i denne filen`,
  addToWordList: (w) => `Legg til «${w}» i prosjektets ordliste`,
  spellingSuggestions: (w) => `Staveforslag for «${w}»`,
  noSpellingSuggestions: (w) => `Ingen staveforslag for «${w}»`,
  reasonPlaceholder: 'begrunnelse',
  source: 'Kilde',
  rulePage: 'Regelside',
  inEnglish: 'På engelsk',
  section: 'Avsnitt',
  ownStandardHere: (w) => `Teksten skriver «${w}» her`,
  tooLarge: (name, mb, limit) =>
    `klar: ${name} er ${mb} MB; klar sjekker dokumenter på opptil ${limit} MB mens du skriver. Kjør «klar check» på det i stedet.`,
  cannotRead: (m) => `klar kan ikke sjekke dokumentet: ${m}`,
  wordAdded: (w, f) => `klar: la til «${w}» i ${f}`,
};

const nn: ServerStrings = {
  locale: 'nn',
  ui: uiStrings('nn'),
  replaceWith: (t) => `Byt ut med «${t}»`,
  explainWord: (w) => `Forklar «${w}» etter ordet`,
  disableOnLine: (id) => `Slå av ${id} på denne linja`,
  disableInFile: (id) => `Slå av ${id} i denne fila`,
  addToWordList: (w) => `Legg til «${w}» i ordlista til prosjektet`,
  spellingSuggestions: (w) => `Staveforslag for «${w}»`,
  noSpellingSuggestions: (w) => `Ingen staveforslag for «${w}»`,
  reasonPlaceholder: 'grunngiving',
  source: 'Kjelde',
  rulePage: 'Regelside',
  inEnglish: 'På engelsk',
  section: 'Avsnitt',
  ownStandardHere: (w) => `Teksten skriv «${w}» her`,
  tooLarge: (name, mb, limit) =>
    `klar: ${name} er ${mb} MB; klar sjekkar dokument på opptil ${limit} MB medan du skriv. Køyr «klar check» på det i staden.`,
  cannotRead: (m) => `klar kan ikkje sjekke dokumentet: ${m}`,
  wordAdded: (w, f) => `klar: la til «${w}» i ${f}`,
};

const STRINGS: Record<Language, ServerStrings> = { en, sv, fi, nb, nn };

/** The strings for an editor locale such as "sv", "nb-NO" or "en-US"; English for any other. */
export function serverStrings(locale: string | undefined): ServerStrings {
  const tag = (locale ?? '').toLowerCase();
  if (tag.startsWith('sv')) return sv;
  if (tag.startsWith('fi')) return fi;
  if (tag.startsWith('nn')) return nn;
  if (tag.startsWith('nb') || tag === 'no' || tag.startsWith('no-')) return nb;
  return en;
}
