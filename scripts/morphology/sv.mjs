// Builds dictionaries/morphology/sv.tsv: every inflected form of every lemma the Swedish rules use.
//
//   node scripts/morphology/sv.mjs
//
// Needs the Debian tools `unmunch` and `hunspell` at build time only; klar reads the finished table.
// For each lemma (the `lemmas` and `{lemma}`s of rules/sv/*.yaml, plus the verb lemmas that the
// passive and nominalisation kinds list in their `options`):
//   1. its entries in the Hunspell .dic are written to a one-lemma .dic and expanded with unmunch;
//   2. strong and irregular verbs keep their past, supine and participle as separate .dic entries
//      (erhöll, förelåg, erhållen): candidates are built from the principal parts below, run through
//      `hunspell -s`, and a candidate the dictionary knows is added, with its own entry expanded;
//   3. a compound the dictionary only knows through compounding (biståndshandläggare) takes the forms
//      of its longest last part that has an entry, with the first part in front; only forms that
//      `hunspell -s` accepts are kept;
//   4. forms the dictionary lacks come from HAND_FORMS and are marked as such in the table.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { collectLemmas, morphologyTsv, root } from './lemmas.mjs';

const DICT_DIR = join(root, 'dictionaries', 'hunspell', 'sv');
const AFF = join(DICT_DIR, 'sv.aff');
const DIC = join(DICT_DIR, 'sv.dic');
const OUT = join(root, 'dictionaries', 'morphology', 'sv.tsv');

/** Option keys of code-backed kinds whose values are lemmas needing forms. */
const OPTION_LEMMA_KEYS = ['verbs', 'supportVerbs', 'intransitiveVerbs'];

/**
 * Principal parts of strong and irregular verbs (present, past, supine, participle and the
 * s-forms that are not built by affix flags). A compound takes its head's parts with its
 * prefix: erhålla → er + höll, hållit, hållen.
 */
const STRONG = {
  hålla: ['håller', 'höll', 'hållit', 'hållen', 'hålls', 'hölls', 'hållits', 'hållas'],
  ligga: ['ligger', 'låg', 'legat'],
  komma: ['kommer', 'kom', 'kommit', 'kommen'],
  ta: ['tar', 'tog', 'tagit', 'tagen', 'tas', 'togs', 'tagits', 'tagna', 'taget'],
  taga: ['tager', 'tog', 'tagit', 'tagen'],
  ge: ['ger', 'gav', 'gett', 'givit', 'given', 'ges', 'gavs', 'getts', 'givits', 'givna', 'givet'],
  göra: ['gör', 'gjorde', 'gjort', 'gjord', 'görs', 'gjordes', 'gjorts', 'gjorda', 'göras'],
  se: ['ser', 'såg', 'sett', 'sedd', 'ses', 'sågs', 'setts', 'sedda'],
  få: ['får', 'fick', 'fått', 'fås', 'fåtts'],
  gå: ['går', 'gick', 'gått', 'gås', 'gicks', 'gåtts'],
  stå: ['står', 'stod', 'stått'],
  lägga: ['lägger', 'lade', 'lagt', 'lagd', 'läggs', 'lades', 'lagts', 'lagda', 'läggas'],
  säga: ['säger', 'sade', 'sagt', 'sagd', 'sägs', 'sades', 'sagts', 'sagda', 'sägas'],
  dra: ['drar', 'drog', 'dragit', 'dragen', 'dras', 'drogs', 'dragits'],
  slå: ['slår', 'slog', 'slagit', 'slagen', 'slås', 'slogs', 'slagits'],
  skriva: ['skriver', 'skrev', 'skrivit', 'skriven', 'skrivs', 'skrevs', 'skrivits', 'skrivna', 'skrivas'],
  bjuda: ['bjuder', 'bjöd', 'bjudit', 'bjuden', 'bjuds', 'bjöds', 'bjudits', 'bjudas'],
  bära: ['bär', 'bar', 'burit', 'buren', 'bärs', 'bars', 'burits'],
  skära: ['skär', 'skar', 'skurit', 'skuren', 'skärs', 'skars', 'skurits'],
  stjäla: ['stjäl', 'stal', 'stulit', 'stulen', 'stjäls', 'stals'],
  gripa: ['griper', 'grep', 'gripit', 'gripen', 'grips', 'greps', 'gripits'],
  välja: ['väljer', 'valde', 'valt', 'vald', 'väljs', 'valdes', 'valts', 'väljas'],
  sälja: ['säljer', 'sålde', 'sålt', 'såld', 'säljs', 'såldes', 'sålts', 'säljas'],
  sätta: ['sätter', 'satte', 'satt', 'sätts', 'sattes', 'satts', 'sättas'],
  stödja: ['stöder', 'stödjer', 'stödde', 'stött', 'stöds', 'stöddes', 'stötts'],
  driva: ['driver', 'drev', 'drivit', 'driven', 'drivs', 'drevs', 'drivits'],
  riva: ['river', 'rev', 'rivit', 'riven', 'rivs', 'revs', 'rivits'],
  bryta: ['bryter', 'bröt', 'brutit', 'bruten', 'bryts', 'bröts', 'brutits'],
  skjuta: ['skjuter', 'sköt', 'skjutit', 'skjuten', 'skjuts', 'sköts', 'skjutits'],
  njuta: ['njuter', 'njöt', 'njutit'],
  binda: ['binder', 'band', 'bundit', 'bunden', 'binds', 'bands', 'bundits'],
  vinna: ['vinner', 'vann', 'vunnit', 'vunnen', 'vinns', 'vanns', 'vunnits'],
  dricka: ['dricker', 'drack', 'druckit', 'drucken'],
  sticka: ['sticker', 'stack', 'stuckit', 'stucken'],
  slita: ['sliter', 'slet', 'slitit', 'sliten'],
  stiga: ['stiger', 'steg', 'stigit'],
  vrida: ['vrider', 'vred', 'vridit', 'vriden'],
  äta: ['äter', 'åt', 'ätit', 'äten', 'äts', 'åts', 'ätits'],
  sitta: ['sitter', 'satt', 'suttit', 'besatt'],
  låta: ['låter', 'lät', 'låtit', 'låts', 'läts', 'låtits'],
  ha: ['har', 'hade', 'haft', 'havd'],
  föra: ['för', 'förde', 'fört', 'förd', 'förs', 'fördes', 'förts', 'föras'],
  ställa: ['ställer', 'ställde', 'ställt', 'ställd', 'ställs', 'ställdes', 'ställts', 'ställas'],
  leda: ['leder', 'ledde', 'lett', 'ledd', 'leds', 'leddes', 'letts', 'ledas'],
  träda: ['träder', 'trädde', 'trätt', 'trädd'],
  bereda: ['bereder', 'beredde', 'berett', 'beredd', 'bereds', 'bereddes', 'beretts'],
  lyda: ['lyder', 'lydde', 'lytt'],
  veta: ['vet', 'visste', 'vetat'],
  vara: ['är', 'var', 'varit'],
  ske: ['sker', 'skedde', 'skett'],
  äga: ['äger', 'ägde', 'ägt', 'ägd', 'ägs', 'ägdes', 'ägts', 'ägas'],
  sända: ['sänder', 'sände', 'sänt', 'sänd', 'sänds', 'sändes', 'sänts', 'sändas'],
  använda: ['använder', 'använde', 'använt', 'använd', 'används', 'användes', 'använts', 'användas'],
  köpa: ['köper', 'köpte', 'köpt', 'köps', 'köptes', 'köpts', 'köpas'],
  söka: ['söker', 'sökte', 'sökt', 'söks', 'söktes', 'sökts', 'sökas'],
  höra: ['hör', 'hörde', 'hört', 'hörd', 'hörs', 'hördes', 'hörts', 'höras'],
  kräva: ['kräver', 'krävde', 'krävt', 'krävd', 'krävs', 'krävdes', 'krävts'],
  besörja: ['besörjer', 'besörjde', 'besörjt', 'besörjd'],
};

/** Forms the dictionary lacks, added by hand (lemma → forms). */
const HAND_FORMS = {
  ta: ['ta', 'tog'],
  vidta: ['vidta', 'vidtar', 'vidtog', 'vidtagit', 'vidtagen', 'vidtas', 'vidtogs', 'vidtagits', 'vidtagna'],
  tillgängliggöra: ['tillgängliggöras', 'tillgängliggjordes', 'tillgängliggjorts'],
  vite: ['vitet', 'vitets', 'vites'],
  skyndsam: ['skyndsamt'],
};

/**
 * Generated forms that belong to a homograph, not to the lemma: unmunch applies every flag of the
 * entry, and some entries merge a verb with a noun (ske/sken, ge/gen), or produce a participle with
 * an everyday fixed sense (verkställande direktör).
 */
const EXCLUDE = {
  ske: ['sken', 'skens'],
  ge: ['gen', 'gens', 'get', 'gets'],
  verkställa: ['verkställande', 'verkställandes'],
  företa: ['företag', 'företaget', 'företagets', 'företagen', 'företagens'],
  ta: ['toga', 'togan'],
  få: ['fån', 'fåns', 'fåren', 'fårens', 'fåret', 'fårets', 'fårs'],
  göra: ['gjordar', 'gjordars', 'gjorden', 'gjordens'],
  dra: ['dr', 'drogen', 'drogens'],
  slå: ['slån', 'slåns'],
  äga: ['ägan', 'ägans'],
  föra: ['förna', 'förnas'],
  ligga: ['legaten', 'legatens', 'legatet', 'legatets', 'legats'],
  komma: ['komman', 'kommans', 'kommat', 'kommats'],
  se: ['sena', 'senas', 'set', 'sets'],
  handlägga: ['handla', 'handlade', 'handlades', 'handlar', 'handlas', 'handlat', 'handlats', 'handlande', 'handlandet', 'handlandets', 'handlandes', 'handlandena', 'handlandenas'],
};

/** Only words: unmunch also prints compound-only stems with flags left on (anstånds/wxz|). */
const WORD = /^\p{L}+$/u;

/** Agent nouns (genomförare, handläggare) are words of their own, not forms of the verb. */
const AGENT_NOUN = /(?:are|aren|arens|ares|arna|arnas)$/u;

function ruleLemmas() {
  const lemmas = new Set(collectLemmas('sv'));
  const folder = join(root, 'rules', 'sv');
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml')).sort()) {
    const doc = parse(readFileSync(join(folder, file), 'utf8'));
    for (const rule of doc?.rules ?? []) {
      for (const key of OPTION_LEMMA_KEYS) {
        for (const lemma of rule.options?.[key] ?? []) lemmas.add(String(lemma).normalize('NFC').toLowerCase());
      }
    }
  }
  return [...lemmas].sort();
}

function readDictionary() {
  const entries = new Map();
  const lines = readFileSync(DIC, 'utf8').split('\n').slice(1);
  for (const line of lines) {
    const trimmed = line.trim();
    if (!trimmed) continue;
    const slash = trimmed.indexOf('/');
    const stem = (slash === -1 ? trimmed : trimmed.slice(0, slash)).normalize('NFC');
    if (!entries.has(stem)) entries.set(stem, []);
    entries.get(stem).push(trimmed);
  }
  return entries;
}

function unmunch(entryLines, work) {
  const mini = join(work, 'mini.dic');
  writeFileSync(mini, `${entryLines.length}\n${entryLines.join('\n')}\n`);
  const out = execFileSync('unmunch', [mini, AFF], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 1 << 24 });
  return out
    .split('\n')
    .map((w) => w.trim().normalize('NFC'))
    .filter((w) => w && !w.includes(' ') && !w.endsWith('-'));
}

/** `hunspell -s`: form → stem the dictionary gives it, or null when the form is unknown. */
function stems(forms) {
  const result = new Map();
  if (forms.length === 0) return result;
  const out = execFileSync('hunspell', ['-d', join(DICT_DIR, 'sv'), '-s'], {
    input: `${forms.join('\n')}\n`,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  for (const line of out.split('\n')) {
    const parts = line.trim().split(/\s+/u);
    if (parts.length === 2) result.set(parts[0].normalize('NFC'), parts[1].normalize('NFC'));
    else if (parts.length === 1 && parts[0] && !result.has(parts[0])) result.set(parts[0].normalize('NFC'), null);
  }
  return result;
}

/** The strong head a lemma ends with (the longest), and the prefix before it. */
function strongHead(lemma) {
  let best = null;
  for (const head of Object.keys(STRONG)) {
    if (lemma.endsWith(head) && (!best || head.length > best.head.length)) best = { head, prefix: lemma.slice(0, lemma.length - head.length) };
  }
  // A false head (hämta is no compound of ta) is harmless: hunspell stems its candidates to another
  // verb, and main() drops those.
  return best;
}

/**
 * The longest last part of a compound that has a .dic entry (at least 4 letters), where the first
 * part is a word too, possibly with a linking -s (bistånds+handläggare, not förv+altare).
 */
function compoundHead(lemma, dictionary) {
  for (let i = 2; i <= lemma.length - 4; i++) {
    const head = lemma.slice(i);
    const prefix = lemma.slice(0, i);
    const prefixIsWord = dictionary.has(prefix) || (prefix.endsWith('s') && dictionary.has(prefix.slice(0, -1)));
    if (prefixIsWord && dictionary.has(head)) return { head, prefix };
  }
  return null;
}

/** Agent nouns the dictionary derives from their verb (förvalta → förvaltare, förvaltaren …). */
function agentNounForms(lemma, dictionary, work) {
  if (!lemma.endsWith('are')) return [];
  const verb = lemma.slice(0, -2);
  if (!dictionary.has(verb)) return [];
  const stem = lemma.slice(0, -1);
  return unmunch(dictionary.get(verb), work).filter((form) => form.startsWith(stem) && AGENT_NOUN.test(form));
}

function main() {
  const lemmas = ruleLemmas();
  const dictionary = readDictionary();
  const work = mkdtempSync(join(tmpdir(), 'klar-morph-sv-'));
  const pairs = [];
  const handPairs = [];
  const missing = [];
  const compounds = [];

  const candidatesOf = new Map();
  for (const lemma of lemmas) {
    const strong = strongHead(lemma);
    if (strong) candidatesOf.set(lemma, STRONG[strong.head].map((part) => strong.prefix + part));
  }
  const stemOf = stems([...new Set([...candidatesOf.values()].flat())]);

  try {
    for (const lemma of lemmas) {
      const entryLines = [...(dictionary.get(lemma) ?? [])];
      const direct = [];
      const strong = strongHead(lemma);
      const candidates = candidatesOf.get(lemma) ?? [];
      for (const candidate of candidates) {
        const stem = stemOf.get(candidate);
        if (stem === undefined || stem === null) continue;
        // The parts of a head verb are listed by hand. For a compound the stem must lead back to the
        // verb: its lemma, another of its parts, or its head (åligger → ligga); handlägga + lade gives
        // handlade, which hunspell stems to handla, so it is not ours.
        const ours =
          (strong !== null && strong.prefix === '') ||
          stem === candidate ||
          stem === lemma ||
          candidates.includes(stem) ||
          (strong !== null && (stem === strong.head || STRONG[strong.head].includes(stem)));
        if (!ours) continue;
        direct.push(candidate);
        // A participle stored as its own entry (erhållen/MY) brings its inflections along; a past
        // tense stored as an entry is often a noun too (drog, steg), so it is added alone.
        if (candidate !== lemma && /(?:en|d|t)$/u.test(candidate) && dictionary.has(candidate)) {
          entryLines.push(...dictionary.get(candidate));
        }
      }
      const forms = new Set(direct);
      if (entryLines.length > 0) for (const form of unmunch([...new Set(entryLines)], work)) forms.add(form);
      if (forms.size === 0) for (const form of agentNounForms(lemma, dictionary, work)) forms.add(form);
      if (forms.size === 0) {
        const compound = compoundHead(lemma, dictionary);
        if (compound) {
          const built = unmunch(dictionary.get(compound.head), work).map((form) => compound.prefix + form);
          const known = stems(built);
          for (const form of built) if (known.get(form)) forms.add(form);
          if (forms.size > 0) compounds.push(`${lemma} (${compound.prefix}+${compound.head})`);
        }
      }
      if (forms.size === 0 && !HAND_FORMS[lemma]) missing.push(lemma);
      forms.add(lemma);
      const excluded = new Set(EXCLUDE[lemma] ?? []);
      for (const form of forms) {
        const lower = form.toLowerCase();
        if (excluded.has(lower) || !WORD.test(lower)) continue;
        if (lemma.endsWith('a') && lower !== lemma && AGENT_NOUN.test(lower) && !lemma.endsWith('are')) continue;
        pairs.push([lower, lemma]);
      }
      for (const form of HAND_FORMS[lemma] ?? []) {
        if (!forms.has(form)) handPairs.push([form, lemma]);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const header = [
    'Swedish morphology for klar rules: form<TAB>lemma, lower case. Generated by scripts/morphology/sv.mjs; do not edit by hand.',
    '# Source: dictionaries/hunspell/sv (Den stora svenska ordlistan by Göran Andersson, via dictionary-sv 4.0.0, LGPL-3.0),',
    '# expanded with unmunch; strong-verb forms stored as separate entries found with hunspell -s; compounds without',
    '# an entry of their own take the forms of their last part that hunspell accepts.',
    `# ${lemmas.length} lemmas. Lemmas the dictionary does not know map to themselves only.`,
  ].join('\n');
  let tsv = morphologyTsv(pairs, header);
  const handLines = [...new Set(handPairs.map(([f, l]) => `${f.normalize('NFC').toLowerCase()}\t${l}`))].sort();
  if (handLines.length > 0) tsv += `# Added by hand: forms the dictionary lacks.\n${handLines.join('\n')}\n`;
  writeFileSync(OUT, tsv);
  const count = tsv.split('\n').filter((l) => l && !l.startsWith('#')).length;
  console.log(`sv: ${lemmas.length} lemmas, ${count} form lines → ${OUT}`);
  if (compounds.length > 0) console.log(`expanded from their last part: ${compounds.join(', ')}`);
  if (missing.length > 0) console.log(`not in the dictionary (lemma only): ${missing.join(', ')}`);
}

main();
