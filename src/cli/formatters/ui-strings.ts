/**
 * klar's own words in its five UI languages (`--locale`): labels, summaries and headings of the
 * human formats. Findings are not here: they come from the core and the rules in the text's language.
 */
import type { Language, Profile, Report, Severity } from '../../core/types.js';

/** Names of the difficulty features (src/core/metrics/difficulty.ts) as a reader understands them. */
type FactorPhrases = Record<string, { high: string; low: string }>;

export interface UiStrings {
  language: string;
  languageNames: Record<Language, string>;
  languageSource: Record<Report['languageSource'], string>;
  profiles: Record<Profile, string>;
  /** "133 words" with the right number agreement. */
  words(n: number): string;
  sentences(n: number): string;
  wordsLabel: string;
  sentencesLabel: string;
  meanSentenceLength: string;
  longWordShare: string;
  difficulty: string;
  /** Followed by a colon and the strongest factor of the difficulty score. */
  mostlyBecause: string;
  /** Shown under the difficulty chart: how to read the scale. */
  difficultyScale: string;
  factors: FactorPhrases;
  severity: Record<Severity, string>;
  /** Column heading for the severity. */
  severityLabel: string;
  /** "8 warnings", "1 error". */
  count(severity: Severity, n: number): string;
  problems(n: number): string;
  inFiles(n: number): string;
  noProblems(files: number): string;
  page(n: number): string;
  paragraph(n: number): string;
  categories: Record<string, string>;
  file: string;
  category: string;
  total: string;
  where: string;
  message: string;
  andMore(n: number): string;
  findings: string;
  reportTitle: string;
  documentText: string;
  difficultyPerSection: string;
  findingsPerCategory: string;
  summary: string;
  beforeFirstHeading: string;
  suggestions: string;
  rule: string;
  explanation: string;
  noFindings: string;
  noText: string;
  backToText: string;
  madeBy(version: string): string;
  /** GitHub's cap on annotations, said when a run has more. */
  annotationLimit: string;
}

const plural = (n: number, one: string, other: string): string => `${n} ${n === 1 ? one : other}`;

const en: UiStrings = {
  language: 'language',
  languageNames: { sv: 'Swedish', fi: 'Finnish', nb: 'Norwegian Bokmål', nn: 'Norwegian Nynorsk', en: 'English' },
  languageSource: { option: 'given', declared: 'declared by the document', detected: 'detected', default: 'default' },
  profiles: { plain: 'plain language', 'easy-read': 'easy-read' },
  words: (n) => plural(n, 'word', 'words'),
  sentences: (n) => plural(n, 'sentence', 'sentences'),
  wordsLabel: 'Words',
  sentencesLabel: 'Sentences',
  meanSentenceLength: 'Words per sentence',
  longWordShare: 'Long words (over 6 letters)',
  difficulty: 'difficulty',
  mostlyBecause: 'mostly because of',
  difficultyScale: '0–100, higher is harder',
  factors: {
    meanSentenceLength: { high: 'long sentences', low: 'short sentences' },
    wordWeightedSentenceLength: { high: 'long sentences', low: 'short sentences' },
    longWordShare: { high: 'many long words', low: 'few long words' },
    meanWordLength: { high: 'long words', low: 'short words' },
    rareWordShare: { high: 'many uncommon words', low: 'common words' },
    mattr: { high: 'many different words', low: 'few different words' },
    nominalShare: { high: 'many nouns made from verbs', low: 'few nouns made from verbs' },
    survo: { high: 'a high Survo score', low: 'a low Survo score' },
  },
  severity: { error: 'error', warning: 'warning', info: 'info' },
  severityLabel: 'Severity',
  count: (s, n) => (s === 'error' ? plural(n, 'error', 'errors') : s === 'warning' ? plural(n, 'warning', 'warnings') : `${n} info`),
  problems: (n) => plural(n, 'problem', 'problems'),
  inFiles: (n) => `in ${plural(n, 'file', 'files')}`,
  noProblems: (n) => `no problems in ${plural(n, 'file', 'files')}`,
  page: (n) => `page ${n}`,
  paragraph: (n) => `paragraph ${n}`,
  categories: {
    officialese: 'officialese',
    jargon: 'jargon',
    'easy-read': 'easy-read',
    abbreviation: 'abbreviation',
    passive: 'passive voice',
    nominalisation: 'nominalisation',
    'double-negation': 'double negation',
    'long-compound': 'long compound',
    spelling: 'spelling',
    consistency: 'consistency',
    'long-sentence': 'long sentence',
    'long-word': 'long word',
  },
  file: 'File',
  category: 'Category',
  total: 'Total',
  where: 'Where',
  message: 'Message',
  andMore: (n) => `…and ${n} more`,
  findings: 'Findings',
  reportTitle: 'klar report',
  documentText: 'Text',
  difficultyPerSection: 'Difficulty per section',
  findingsPerCategory: 'Findings per category',
  summary: 'Summary',
  beforeFirstHeading: '(before the first heading)',
  suggestions: 'Write instead',
  rule: 'Rule',
  explanation: 'Explanation',
  noFindings: 'No findings.',
  noText: 'The text of this document is not included in the report.',
  backToText: 'back to the text',
  madeBy: (v) => `Made by klar ${v}. The scores are a guide for the writer, not a verdict on the text.`,
  annotationLimit: 'GitHub shows at most 10 annotations of each kind per step; the log lists every finding.',
};

const sv: UiStrings = {
  language: 'språk',
  languageNames: { sv: 'svenska', fi: 'finska', nb: 'norska (bokmål)', nn: 'norska (nynorska)', en: 'engelska' },
  languageSource: { option: 'angivet', declared: 'angivet i dokumentet', detected: 'identifierat', default: 'standard' },
  profiles: { plain: 'klarspråk', 'easy-read': 'lättläst' },
  words: (n) => `${n} ord`,
  sentences: (n) => plural(n, 'mening', 'meningar'),
  wordsLabel: 'Ord',
  sentencesLabel: 'Meningar',
  meanSentenceLength: 'Ord per mening',
  longWordShare: 'Långa ord (över 6 bokstäver)',
  difficulty: 'svårighet',
  mostlyBecause: 'mest på grund av',
  difficultyScale: '0–100, högre är svårare',
  factors: {
    meanSentenceLength: { high: 'långa meningar', low: 'korta meningar' },
    wordWeightedSentenceLength: { high: 'långa meningar', low: 'korta meningar' },
    longWordShare: { high: 'många långa ord', low: 'få långa ord' },
    meanWordLength: { high: 'långa ord', low: 'korta ord' },
    rareWordShare: { high: 'många ovanliga ord', low: 'vanliga ord' },
    mattr: { high: 'många olika ord', low: 'få olika ord' },
    nominalShare: { high: 'många substantiveringar', low: 'få substantiveringar' },
    survo: { high: 'högt Survo-värde', low: 'lågt Survo-värde' },
  },
  severity: { error: 'fel', warning: 'varning', info: 'info' },
  severityLabel: 'Nivå',
  count: (s, n) => (s === 'error' ? `${n} fel` : s === 'warning' ? plural(n, 'varning', 'varningar') : `${n} info`),
  problems: (n) => `${n} problem`,
  inFiles: (n) => `i ${plural(n, 'fil', 'filer')}`,
  noProblems: (n) => `inga problem i ${plural(n, 'fil', 'filer')}`,
  page: (n) => `sida ${n}`,
  paragraph: (n) => `stycke ${n}`,
  categories: {
    officialese: 'myndighetsspråk',
    jargon: 'jargong',
    'easy-read': 'lättläst',
    abbreviation: 'förkortning',
    passive: 'passiv form',
    nominalisation: 'substantivering',
    'double-negation': 'dubbel negation',
    'long-compound': 'långt sammansatt ord',
    spelling: 'stavning',
    consistency: 'enhetlighet',
    'long-sentence': 'lång mening',
    'long-word': 'långt ord',
  },
  file: 'Fil',
  category: 'Kategori',
  total: 'Totalt',
  where: 'Var',
  message: 'Meddelande',
  andMore: (n) => `…och ${n} till`,
  findings: 'Anmärkningar',
  reportTitle: 'klar-rapport',
  documentText: 'Text',
  difficultyPerSection: 'Svårighet per avsnitt',
  findingsPerCategory: 'Anmärkningar per kategori',
  summary: 'Sammanfattning',
  beforeFirstHeading: '(före första rubriken)',
  suggestions: 'Skriv hellre',
  rule: 'Regel',
  explanation: 'Förklaring',
  noFindings: 'Inga anmärkningar.',
  noText: 'Dokumentets text finns inte med i rapporten.',
  backToText: 'tillbaka till texten',
  madeBy: (v) => `Skapad av klar ${v}. Värdena är ett stöd för skribenten, inte ett omdöme om texten.`,
  annotationLimit: 'GitHub visar högst 10 anteckningar av varje slag per steg; loggen listar alla anmärkningar.',
};

const fi: UiStrings = {
  language: 'kieli',
  languageNames: { sv: 'ruotsi', fi: 'suomi', nb: 'norja (bokmål)', nn: 'norja (nynorsk)', en: 'englanti' },
  languageSource: { option: 'annettu', declared: 'ilmoitettu asiakirjassa', detected: 'tunnistettu', default: 'oletus' },
  profiles: { plain: 'selkeä yleiskieli', 'easy-read': 'selkokieli' },
  words: (n) => plural(n, 'sana', 'sanaa'),
  sentences: (n) => plural(n, 'virke', 'virkettä'),
  wordsLabel: 'Sanat',
  sentencesLabel: 'Virkkeet',
  meanSentenceLength: 'Sanaa virkkeessä',
  longWordShare: 'Pitkät sanat (yli 6 kirjainta)',
  difficulty: 'vaikeus',
  mostlyBecause: 'pääsyy',
  difficultyScale: '0–100, suurempi on vaikeampi',
  factors: {
    meanSentenceLength: { high: 'pitkät virkkeet', low: 'lyhyet virkkeet' },
    wordWeightedSentenceLength: { high: 'pitkät virkkeet', low: 'lyhyet virkkeet' },
    longWordShare: { high: 'paljon pitkiä sanoja', low: 'vähän pitkiä sanoja' },
    meanWordLength: { high: 'pitkät sanat', low: 'lyhyet sanat' },
    rareWordShare: { high: 'paljon harvinaisia sanoja', low: 'yleiset sanat' },
    mattr: { high: 'paljon eri sanoja', low: 'vähän eri sanoja' },
    nominalShare: { high: 'runsas substantiivityyli', low: 'vähän substantiivityyliä' },
    survo: { high: 'korkea Survo-arvo', low: 'matala Survo-arvo' },
  },
  severity: { error: 'virhe', warning: 'varoitus', info: 'huomautus' },
  severityLabel: 'Taso',
  count: (s, n) =>
    s === 'error' ? plural(n, 'virhe', 'virhettä') : s === 'warning' ? plural(n, 'varoitus', 'varoitusta') : plural(n, 'huomautus', 'huomautusta'),
  problems: (n) => plural(n, 'ongelma', 'ongelmaa'),
  // After a numeral Finnish keeps the singular: "3 tiedostossa".
  inFiles: (n) => `${n} tiedostossa`,
  noProblems: (n) => `ei ongelmia ${n} tiedostossa`,
  page: (n) => `sivu ${n}`,
  paragraph: (n) => `kappale ${n}`,
  categories: {
    officialese: 'kankea virkakieli',
    jargon: 'ammattijargon',
    'easy-read': 'selkokieli',
    abbreviation: 'lyhenne',
    passive: 'passiivi',
    nominalisation: 'substantiivityyli',
    'double-negation': 'kaksoiskielto',
    'long-compound': 'pitkä yhdyssana',
    spelling: 'oikeinkirjoitus',
    consistency: 'johdonmukaisuus',
    'long-sentence': 'pitkä virke',
    'long-word': 'pitkä sana',
  },
  file: 'Tiedosto',
  category: 'Luokka',
  total: 'Yhteensä',
  where: 'Missä',
  message: 'Viesti',
  andMore: (n) => `…ja ${n} muuta`,
  findings: 'Havainnot',
  reportTitle: 'klar-raportti',
  documentText: 'Teksti',
  difficultyPerSection: 'Vaikeus jaksoittain',
  findingsPerCategory: 'Havainnot luokittain',
  summary: 'Yhteenveto',
  beforeFirstHeading: '(ennen ensimmäistä otsikkoa)',
  suggestions: 'Kirjoita mieluummin',
  rule: 'Sääntö',
  explanation: 'Selitys',
  noFindings: 'Ei havaintoja.',
  noText: 'Asiakirjan teksti ei ole mukana raportissa.',
  backToText: 'takaisin tekstiin',
  madeBy: (v) => `Raportin laati klar ${v}. Luvut ovat kirjoittajan apuna, eivät tekstin arvosana.`,
  annotationLimit: 'GitHub näyttää vaihetta kohden enintään 10 kunkin lajin merkintää; lokissa ovat kaikki havainnot.',
};

const nb: UiStrings = {
  language: 'språk',
  languageNames: { sv: 'svensk', fi: 'finsk', nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' },
  languageSource: { option: 'angitt', declared: 'angitt i dokumentet', detected: 'gjenkjent', default: 'standard' },
  profiles: { plain: 'klarspråk', 'easy-read': 'lettlest' },
  words: (n) => `${n} ord`,
  sentences: (n) => plural(n, 'setning', 'setninger'),
  wordsLabel: 'Ord',
  sentencesLabel: 'Setninger',
  meanSentenceLength: 'Ord per setning',
  longWordShare: 'Lange ord (over 6 bokstaver)',
  difficulty: 'vanskegrad',
  mostlyBecause: 'mest på grunn av',
  difficultyScale: '0–100, høyere er vanskeligere',
  factors: {
    meanSentenceLength: { high: 'lange setninger', low: 'korte setninger' },
    wordWeightedSentenceLength: { high: 'lange setninger', low: 'korte setninger' },
    longWordShare: { high: 'mange lange ord', low: 'få lange ord' },
    meanWordLength: { high: 'lange ord', low: 'korte ord' },
    rareWordShare: { high: 'mange uvanlige ord', low: 'vanlige ord' },
    mattr: { high: 'mange forskjellige ord', low: 'få forskjellige ord' },
    nominalShare: { high: 'mange substantiveringer', low: 'få substantiveringer' },
    survo: { high: 'høy Survo-verdi', low: 'lav Survo-verdi' },
  },
  severity: { error: 'feil', warning: 'advarsel', info: 'info' },
  severityLabel: 'Nivå',
  count: (s, n) => (s === 'error' ? `${n} feil` : s === 'warning' ? plural(n, 'advarsel', 'advarsler') : `${n} info`),
  problems: (n) => plural(n, 'problem', 'problemer'),
  inFiles: (n) => `i ${plural(n, 'fil', 'filer')}`,
  noProblems: (n) => `ingen problemer i ${plural(n, 'fil', 'filer')}`,
  page: (n) => `side ${n}`,
  paragraph: (n) => `avsnitt ${n}`,
  categories: {
    officialese: 'kansellistil',
    jargon: 'sjargong',
    'easy-read': 'lettlest',
    abbreviation: 'forkortelse',
    passive: 'passiv',
    nominalisation: 'substantivering',
    'double-negation': 'dobbel nektelse',
    'long-compound': 'langt sammensatt ord',
    spelling: 'rettskriving',
    consistency: 'konsekvens',
    'long-sentence': 'lang setning',
    'long-word': 'langt ord',
  },
  file: 'Fil',
  category: 'Kategori',
  total: 'Totalt',
  where: 'Hvor',
  message: 'Melding',
  andMore: (n) => `…og ${n} til`,
  findings: 'Funn',
  reportTitle: 'klar-rapport',
  documentText: 'Tekst',
  difficultyPerSection: 'Vanskegrad per del',
  findingsPerCategory: 'Funn per kategori',
  summary: 'Sammendrag',
  beforeFirstHeading: '(før første overskrift)',
  suggestions: 'Skriv heller',
  rule: 'Regel',
  explanation: 'Forklaring',
  noFindings: 'Ingen funn.',
  noText: 'Teksten i dokumentet er ikke med i rapporten.',
  backToText: 'tilbake til teksten',
  madeBy: (v) => `Laget av klar ${v}. Tallene er en hjelp for skribenten, ikke en dom over teksten.`,
  annotationLimit: 'GitHub viser høyst 10 merknader av hvert slag per steg; loggen viser alle funn.',
};

const nn: UiStrings = {
  language: 'språk',
  languageNames: { sv: 'svensk', fi: 'finsk', nb: 'bokmål', nn: 'nynorsk', en: 'engelsk' },
  languageSource: { option: 'gitt', declared: 'oppgitt i dokumentet', detected: 'oppdaga', default: 'standard' },
  profiles: { plain: 'klarspråk', 'easy-read': 'lettlest' },
  words: (n) => `${n} ord`,
  sentences: (n) => plural(n, 'setning', 'setningar'),
  wordsLabel: 'Ord',
  sentencesLabel: 'Setningar',
  meanSentenceLength: 'Ord per setning',
  longWordShare: 'Lange ord (over 6 bokstavar)',
  difficulty: 'vanskegrad',
  mostlyBecause: 'mest på grunn av',
  difficultyScale: '0–100, høgare er vanskelegare',
  factors: {
    meanSentenceLength: { high: 'lange setningar', low: 'korte setningar' },
    wordWeightedSentenceLength: { high: 'lange setningar', low: 'korte setningar' },
    longWordShare: { high: 'mange lange ord', low: 'få lange ord' },
    meanWordLength: { high: 'lange ord', low: 'korte ord' },
    rareWordShare: { high: 'mange uvanlege ord', low: 'vanlege ord' },
    mattr: { high: 'mange ulike ord', low: 'få ulike ord' },
    nominalShare: { high: 'mange substantiveringar', low: 'få substantiveringar' },
    survo: { high: 'høg Survo-verdi', low: 'låg Survo-verdi' },
  },
  severity: { error: 'feil', warning: 'åtvaring', info: 'info' },
  severityLabel: 'Nivå',
  count: (s, n) => (s === 'error' ? `${n} feil` : s === 'warning' ? plural(n, 'åtvaring', 'åtvaringar') : `${n} info`),
  problems: (n) => `${n} problem`,
  inFiles: (n) => `i ${plural(n, 'fil', 'filer')}`,
  noProblems: (n) => `ingen problem i ${plural(n, 'fil', 'filer')}`,
  page: (n) => `side ${n}`,
  paragraph: (n) => `avsnitt ${n}`,
  categories: {
    officialese: 'kansellistil',
    jargon: 'sjargong',
    'easy-read': 'lettlest',
    abbreviation: 'forkorting',
    passive: 'passiv',
    nominalisation: 'substantivering',
    'double-negation': 'dobbel nekting',
    'long-compound': 'langt samansett ord',
    spelling: 'rettskriving',
    consistency: 'konsekvens',
    'long-sentence': 'lang setning',
    'long-word': 'langt ord',
  },
  file: 'Fil',
  category: 'Kategori',
  total: 'Totalt',
  where: 'Kvar',
  message: 'Melding',
  andMore: (n) => `…og ${n} til`,
  findings: 'Funn',
  reportTitle: 'klar-rapport',
  documentText: 'Tekst',
  difficultyPerSection: 'Vanskegrad per del',
  findingsPerCategory: 'Funn per kategori',
  summary: 'Samandrag',
  beforeFirstHeading: '(før første overskrift)',
  suggestions: 'Skriv heller',
  rule: 'Regel',
  explanation: 'Forklaring',
  noFindings: 'Ingen funn.',
  noText: 'Teksten i dokumentet er ikkje med i rapporten.',
  backToText: 'tilbake til teksten',
  madeBy: (v) => `Laga av klar ${v}. Tala er ei hjelp for skribenten, ikkje ein dom over teksten.`,
  annotationLimit: 'GitHub viser høgst 10 merknader av kvart slag per steg; loggen viser alle funn.',
};

export const UI_STRINGS: Readonly<Record<Language, UiStrings>> = { sv, fi, nb, nn, en };

export function uiStrings(locale: Language): UiStrings {
  return UI_STRINGS[locale] ?? en;
}
