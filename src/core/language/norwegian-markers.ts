/**
 * Word forms that tell the two Norwegian written standards apart.
 *
 * General language detectors treat "Norwegian" as one language, so bokmål and
 * nynorsk are separated here by forms that only one of the standards uses.
 * The lists were written for klar from the official spelling norms as
 * Språkrådet publishes them (https://sprakradet.no/) and as Bokmålsordboka and
 * Nynorskordboka record them (https://ordbokene.no/). Weights:
 *
 *   3  the form exists in one standard only and is frequent in official texts;
 *   2  one standard only, but the string also occurs as a name, an abbreviation
 *      or a rare word of the other standard;
 *   1  allowed in both standards but clearly preferred in one (nynorsk also
 *      allows "også", "blir" and "derfor", for example), or too short to trust.
 *
 * Forms that are identical in both standards (og, i, på, kan, skal, kommunen …)
 * are not listed: they carry no evidence.
 */

/** Nynorsk-only (or nynorsk-typical) forms. */
export const NYNORSK_MARKERS: ReadonlyMap<string, number> = new Map<string, number>([
  // negation, pronouns, question words
  ['ikkje', 3], ['eg', 2], ['ho', 2], ['dei', 3], ['deira', 3], ['dykk', 2], ['dykkar', 3],
  ['me', 1], ['desse', 3], ['kva', 3], ['korleis', 3], ['kvifor', 3], ['kven', 3], ['kvar', 2],
  ['kvart', 1], ['kvarandre', 3], ['kor', 1],
  // articles and quantifiers
  ['ein', 3], ['eit', 3], ['eitt', 3], ['noko', 3], ['nokon', 3], ['nokre', 3], ['inga', 2],
  ['mykje', 3], ['meir', 3], ['fleire', 3], ['heile', 3], ['heilt', 3], ['eigen', 3], ['eige', 2],
  ['eigne', 2], ['sjølv', 3], ['sjølve', 3],
  // adverbs, conjunctions, prepositions
  ['berre', 3], ['frå', 3], ['òg', 3], ['saman', 3], ['då', 2], ['no', 1], ['difor', 3], ['utan', 3],
  ['medan', 3], ['sidan', 3], ['innan', 2], ['dessutan', 3], ['framleis', 3], ['endå', 2],
  ['korkje', 3], ['hjå', 2], ['vidare', 3], ['seinare', 3], ['betre', 3], ['dømes', 3], ['døme', 3],
  // verbs
  ['vere', 2], ['vera', 2], ['vore', 2], ['vert', 2], ['verte', 2], ['vart', 2], ['vorte', 3],
  ['gjer', 3], ['gjere', 3], ['gjera', 3], ['kjem', 3], ['kome', 2], ['seier', 2], ['seie', 2],
  ['fekk', 3], ['gjekk', 3], ['gje', 3], ['gjev', 3], ['gjeve', 3], ['sjå', 3], ['veit', 1],
  ['treng', 2], ['bur', 2], ['spørje', 3], ['søkje', 2], ['søkjer', 2], ['følgje', 2],
  ['tenkje', 2], ['rettleie', 2],
  // nouns and other content words
  ['stad', 2], ['staden', 2], ['skule', 2], ['tilbod', 3], ['høve', 2], ['verksemd', 3],
  ['verksemda', 3], ['oppgåve', 3], ['oppgåva', 3], ['oppgåver', 3], ['løyve', 3], ['eigedom', 3],
  ['pengar', 3], ['dagar', 2], ['rettleiing', 3], ['rettleiar', 3], ['tilsette', 2], ['tilsett', 1],
  ['søkjar', 3], ['søkjarar', 3], ['lova', 1], ['saka', 1], ['kommunar', 3], ['månad', 3],
  ['månaden', 3], ['månader', 3], ['månadene', 3], ['sommar', 3], ['opnar', 3],
  ['opne', 2], ['opna', 2], ['låg', 3], ['høg', 1], ['høge', 1], ['høgt', 1],
  ['noreg', 3], ['noregs', 3], ['rettar', 2], ['brukar', 3], ['jobbar', 3],
  ['valde', 2], ['skulen', 2], ['skular', 2], ['motteke', 3], ['teke', 2],
  ['halde', 2], ['born', 2], ['borna', 2], ['velje', 2], ['selje', 2], ['telje', 2],
  ['skilje', 2], ['spel', 2], ['spele', 2], ['spelt', 2], ['høgsterett', 3],
]);

/** Bokmål-only (or bokmål-typical) forms. */
export const BOKMAL_MARKERS: ReadonlyMap<string, number> = new Map<string, number>([
  // negation, pronouns (hv- question words are caught by prefix below)
  ['ikke', 3], ['jeg', 3], ['hun', 3], ['de', 2], ['dem', 3], ['dere', 3], ['deres', 3],
  ['disse', 3],
  // articles and quantifiers
  ['en', 3], ['et', 3], ['ett', 2], ['noe', 3], ['noen', 3], ['mye', 3], ['mer', 3], ['flere', 3],
  ['hele', 3], ['helt', 3], ['egen', 3], ['eget', 3], ['egne', 3], ['selv', 3], ['selve', 2],
  // adverbs, conjunctions, prepositions
  ['bare', 3], ['fra', 3], ['også', 1], ['sammen', 3], ['da', 2], ['nå', 2], ['derfor', 1],
  ['uten', 3], ['mens', 3], ['siden', 3], ['innen', 2], ['dessuten', 3], ['fremdeles', 3],
  ['frem', 2], ['verken', 3], ['videre', 3], ['senere', 3], ['bedre', 3], ['tidligere', 3],
  // verbs
  ['være', 3], ['vært', 3], ['ble', 3], ['blir', 1], ['bli', 1], ['blitt', 1], ['gjør', 3],
  ['gjøre', 3], ['kommer', 3], ['sier', 3], ['fikk', 3], ['gikk', 3], ['gi', 1], ['gir', 1],
  ['gitt', 1], ['vet', 2], ['trenger', 3], ['spørre', 3],
  // nouns and other content words
  ['sted', 3], ['stedet', 3], ['skole', 1], ['tilbud', 3], ['virksomhet', 3], ['oppgave', 3],
  ['oppgaven', 3], ['oppgaver', 3], ['eiendom', 3], ['penger', 3], ['dager', 2], ['veiledning', 3],
  ['veileder', 3], ['veilederen', 3], ['ansatte', 1], ['søker', 1], ['søkere', 2], ['loven', 1],
  ['saken', 1], ['kommuner', 2], ['kommunene', 2], ['eksempel', 1], ['måned', 3], ['måneden', 3],
  ['måneder', 3], ['månedene', 3], ['sommer', 3], ['åpen', 3], ['åpent', 3], ['åpne', 2],
  ['åpner', 3], ['lav', 2], ['lave', 2], ['lavt', 2], ['høy', 2], ['høye', 2], ['høyt', 2],
  ['norge', 3], ['norges', 3], ['skrevet', 3], ['funnet', 3], ['gjelder', 2], ['bruker', 1],
  ['valgte', 1], ['skolen', 1], ['skoler', 1], ['skolene', 1], ['mottatt', 3], ['holde', 2],
  ['holdes', 2], ['holder', 2], ['finner', 2], ['velge', 2], ['velger', 2], ['spill', 2],
  ['spille', 2], ['spilt', 2], ['høyesterett', 3],
]);

/** Forms that end in `-ane` in bokmål too ("bane" and its compounds, a few nouns). */
const ANE_EXCEPTIONS = /(?:bane|mane)$|^(?:vane|fane|hane|trane|plane|rane|orkane|membrane)$/;
/** Words ending in `-ast` in both standards (but "brukast" is a nynorsk passive). */
const AST_EXCEPTIONS =
  /(?:utkast|oppkast|innkast|øyekast|omkast|fast|last|kontrast|ballast|palast|podcast|entusiast|fantast|gymnast)$/;
/** Loanwords and month names ending in `-ar` in both standards. */
const AR_EXCEPTIONS =
  /(?:januar|februar|seminar|kommentar|formular|inventar|bibliotekar|elementar|dokumentar|vokabular|eksemplar|honorar|radar|dollar|vikar|notar|altar|kaviar|jaguar|hangar|cheddar|hektar|nektar|par|svar|klar|var|har)$/;
/** Compounds of shared words and suffixes: (over)tar, (bi)drar, (beste)far, (sår)bar, (bade)kar. */
const AR_SHARED_ENDINGS = /(?:tar|drar|far|bar|kar)$/;

/**
 * Word-shape rules for forms no list can enumerate: the derivational suffixes
 * -leg/-lig and -heit/-het, the hv-/kv- spelling, teneste/tjeneste and the
 * nynorsk masculine plural -ane.
 */
function shapeEvidence(word: string): { nb: number; nn: number } {
  // Bokmål hv- corresponds to nynorsk kv- throughout (hva/kva, hvem/kven …).
  if (word.length >= 3 && word.startsWith('hv')) return { nb: 3, nn: 0 };
  if (word.length < 4) return { nb: 0, nn: 0 };
  if (word.startsWith('tjenest')) return { nb: 3, nn: 0 };
  if (word.startsWith('tenest')) return { nb: 0, nn: 3 };
  // syk-/sjuk-: bokmål also allows sjuk, nynorsk has no syk (sykkel is shared).
  if (word.startsWith('syk') && !/^syk[kl]/.test(word)) return { nb: 2, nn: 0 };
  // bustad/bolig, bustønad/bostøtte
  if (word.startsWith('bustad') || word.startsWith('bustønad')) return { nb: 0, nn: 3 };
  if (word.startsWith('bolig')) return { nb: 2, nn: 0 };
  if (word.length >= 6) {
    // mogleg/mulig, vanlegvis/vanligvis, tidlegare/tidligere. "-lege" is left
    // out on purpose: "lege" and "fastlege" (doctor) are shared nouns.
    if (/leg(?:t|are|ast|aste|vis)?$/.test(word)) return { nb: 0, nn: 2 };
    // Not after l: forskjellig, (fri)villig keep -ig in nynorsk too.
    if (/[^l]lig(?:e|t|ere|st|ste|vis|het|heten|heter)?$/.test(word)) return { nb: 2, nn: 0 };
    // moglegheit/mulighet, -heita/-heten
    if (/heit(?:a|ar|er|ene|ane)?$/.test(word)) return { nb: 0, nn: 2 };
    if (/het(?:en|er|ene)?$/.test(word)) return { nb: 2, nn: 0 };
    // -semd (verksemd) is the nynorsk counterpart of -somhet.
    if (/semd(?:a|er|ene)?$/.test(word)) return { nb: 0, nn: 2 };
    if (/gjevar(?:ar|en|ane)?$/.test(word)) return { nb: 0, nn: 3 };
    if (/giver(?:e|en|ne)?$/.test(word)) return { nb: 3, nn: 0 };
    // ovanfor/ovenfor, utanfor/utenfor, innanfor/innenfor
    if (word.endsWith('anfor')) return { nb: 0, nn: 3 };
    if (word.endsWith('enfor')) return { nb: 3, nn: 0 };
    // Feminine -ing nouns: nynorsk plural -ingar(-ingane), bokmål -inger(-ingene).
    // Short words are left out: finger, ringer, bringer are shared or verbs.
    if (word.length >= 9 && /ing(?:ar|ane)$/.test(word)) return { nb: 0, nn: 2 };
    if (word.length >= 9 && /ing(?:er|ene)$/.test(word)) return { nb: 2, nn: 0 };
    if (word.endsWith('ane') && !ANE_EXCEPTIONS.test(word)) return { nb: 0, nn: 2 };
    // j-forms of verbs (dekkje, leggjer) exist in nynorsk only; kanskje,
    // teskje and bikkje are shared.
    if (/[kg]j(?:e|er|ast|ande)$/.test(word) && !/(?:skj|bikkj)(?:e|er)$/.test(word)) return { nb: 0, nn: 2 };
    // s-passive and superlative -ast (brukast, viktigast) against bokmål -es/-st.
    if (word.length >= 7 && word.endsWith('ast') && !AST_EXCEPTIONS.test(word)) return { nb: 0, nn: 1 };
  }
  return { nb: 0, nn: 0 };
}

/**
 * Nynorsk present tense of a-verbs (brukar, jobbar) and masculine plurals
 * (dagar) end in -ar where bokmål has -er. Only for words written in lower
 * case: many Norwegian first names end in -ar (Gunnar, Einar, Ivar).
 */
function arEvidence(word: string): number {
  if (word.length < 6 || !word.endsWith('ar') || AR_EXCEPTIONS.test(word) || AR_SHARED_ENDINGS.test(word)) return 0;
  return 1;
}

export interface VariantScore {
  nb: number;
  nn: number;
}

/** Sums the marker weights of words as written in the text. */
export function scoreNorwegianMarkers(words: Iterable<string>): VariantScore {
  let nb = 0;
  let nn = 0;
  for (const written of words) {
    const word = written.toLowerCase();
    const listedNn = NYNORSK_MARKERS.get(word);
    const listedNb = BOKMAL_MARKERS.get(word);
    if (listedNn !== undefined || listedNb !== undefined) {
      nn += listedNn ?? 0;
      nb += listedNb ?? 0;
      continue;
    }
    const shape = shapeEvidence(word);
    nb += shape.nb;
    nn += shape.nn;
    if (shape.nb === 0 && shape.nn === 0 && written === word) nn += arEvidence(word);
  }
  return { nb, nn };
}
