#!/usr/bin/env node
// Builds dictionaries/morphology/fi.tsv: every inflected form of the lemmas the Finnish
// rules use (word lemmas, {lemma} in phrases, and the support verbs and nouns of the
// nominalisation kind), one `form<TAB>lemma` line each.
//
// Finnish has no Hunspell dictionary here, and Voikko has no generator, so forms are
// found by analysis: candidate word forms are run through `voikkospell -M` and kept
// when Voikko's BASEFORM is a rule lemma (or, for participles, when the word is built
// on that verb). Candidates are the frequency list (dictionaries/frequency/fi.txt)
// plus forms made by attaching Finnish endings to the stems Voikko reports. Run it
// again after changing rules/fi; klar itself never needs Voikko.
//
// Needs the Debian packages libvoikko1, voikko-fi and libvoikko-dev (voikkospell).
import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { readFileSync, readdirSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { collectLemmas, morphologyTsv, root } from './lemmas.mjs';

const LANG = 'fi';
const OUT = join(root, 'dictionaries', 'morphology', `${LANG}.tsv`);
const WORD = /^[a-zåäö][a-zåäö-]*$/u;

function ruleEntries() {
  const folder = join(root, 'rules', LANG);
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .flatMap((file) => parse(readFileSync(join(folder, file), 'utf8'))?.rules ?? []);
}

const lower = (w) => String(w).normalize('NFC').toLowerCase();

/** Lemmas the code-backed kinds look up in the morphology (rules/fi/*.yaml `options.pairs`). */
function optionLemmas() {
  const out = new Set();
  for (const rule of ruleEntries()) {
    for (const pair of rule.options?.pairs ?? []) for (const w of [...(pair.verbs ?? []), ...(pair.nouns ?? [])]) out.add(lower(w));
  }
  return out;
}

/**
 * Lemmas of `word` rules: these match a form wherever it stands, so a form that is
 * also another common word must go. Phrase and pair lemmas keep such forms: the
 * neighbouring word decides ("käyvät ilmi").
 */
function wordRuleLemmas() {
  const out = new Set();
  for (const rule of ruleEntries()) if (rule.kind === 'word') for (const l of rule.lemmas ?? []) out.add(lower(l));
  return out;
}

function voikko(input) {
  return new Promise((resolve, reject) => {
    const child = spawn('voikkospell', ['-M']);
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`voikkospell exited with ${code}`))));
    child.stdin.end(input);
  });
}

/** Runs voikkospell -M over the words (one process per core); returns word → analyses (key/value records). */
async function analyse(words) {
  const result = new Map();
  const unique = [...new Set(words)].filter((w) => WORD.test(w));
  const CHUNK = 200_000;
  const jobs = [];
  for (let i = 0; i < unique.length; i += CHUNK) jobs.push(unique.slice(i, i + CHUNK));
  const workers = Math.max(1, cpus().length);
  const outputs = [];
  for (let i = 0; i < jobs.length; i += workers) {
    outputs.push(...(await Promise.all(jobs.slice(i, i + workers).map((job) => voikko(`${job.join('\n')}\n`)))));
  }
  for (const output of outputs) {
    for (const line of output.split('\n')) {
      const m = /^A\((.*)\):(\d+):([A-Z_]+)=(.*)$/u.exec(line);
      if (!m) continue;
      const [, word, n, key, value] = m;
      let byN = result.get(word);
      if (!byN) result.set(word, (byN = new Map()));
      let a = byN.get(n);
      if (!a) byN.set(n, (a = {}));
      a[key] = value;
    }
  }
  return new Map([...result].map(([w, byN]) => [w, [...byN.values()]]));
}

/** Segments of WORDBASES: "+suorite(suorittaa)+t+tu(+tu)" → [{form, base}]. */
function wordbases(a) {
  return (a.WORDBASES ?? '')
    .split('+')
    .filter(Boolean)
    .map((s) => {
      const m = /^([^()]*)(?:\((.*)\))?$/u.exec(s);
      return { form: m?.[1] ?? s, base: m?.[2] };
    });
}

/**
 * The rule lemma an analysis belongs to: its BASEFORM, or for a participle
 * (suoritettu, suorittama) the verb it is derived from — but never a compound
 * (a second part with its own base word).
 */
function lemmaOf(a, lemmas) {
  const base = (a.BASEFORM ?? '').toLowerCase();
  if (lemmas.has(base)) return base;
  if (!a.PARTICIPLE) return undefined;
  const parts = wordbases(a);
  const first = parts[0]?.base?.toLowerCase();
  if (!first || !lemmas.has(first)) return undefined;
  return parts.slice(1).every((p) => p.base === undefined || p.base.startsWith('+')) ? first : undefined;
}

/** Voikko's surface pieces of a word (stem, derivation, endings), from FSTOUTPUT. */
function pieces(a) {
  const fst = a.FSTOUTPUT ?? '';
  const out = [];
  let i = 0;
  let text = '';
  while (i < fst.length) {
    if (fst[i] === '[') {
      const close = fst.indexOf(']', i);
      if (close < 0) break;
      const tag = fst.slice(i + 1, close);
      if (text) out.push(text);
      text = '';
      i = close + 1;
      // [Xp]lemma[X], [Xj]…[X] and friends annotate; they are not part of the word.
      if (tag.startsWith('X') && tag !== 'X') {
        const end = fst.indexOf('[X]', i);
        i = end < 0 ? fst.length : end + 3;
      }
      continue;
    }
    text += fst[i];
    i++;
  }
  if (text) out.push(text);
  return out;
}

/** Cut points of a word at Voikko's piece boundaries: stems and the endings after them. */
function cuts(word, a) {
  const out = [];
  let at = 0;
  for (const p of pieces(a)) {
    at += p.length;
    if (at > 0 && at < word.length && word.slice(0, at).length >= 2) out.push(at);
  }
  return out;
}

const NAME_CLASSES = new Set(['etunimi', 'sukunimi', 'paikannimi', 'nimi']);

/**
 * Clitics: question (-ko) and emphatic (-han, -pa, -pas) ones belong to speech, and
 * the focus clitics (-kin, -kaan) would double the table for forms that official
 * texts seldom inflect that way; leaving them out keeps the table small.
 * Voikko marks the emphatic ones only by a trailing [Ef] after the word.
 */
function colloquial(a) {
  // Comparatives of officialese adjectives (kyseisempi) do not occur in real text either.
  if (a.COMPARISON === 'comparative' || a.COMPARISON === 'superlative') return true;
  return a.KYSYMYSLIITE === 'true' || /[^\]]\[Ef\]$/u.test(a.FSTOUTPUT ?? '') || a.FOCUS !== undefined;
}
const COLLOQUIAL_ENDING = /(?:han|hän|pa|pä|pas|päs|ko|kö|kin|kaan|kään)$/u;

// Endings a text uses that the frequency list (film subtitles) is thin on: official
// passives, participles, infinitives and the full case system.
const HARMONY = (list) => list.flatMap((e) => [e, e.replace(/a/g, 'ä').replace(/o/g, 'ö').replace(/u/g, 'y')]);
const HAND_ENDINGS = HARMONY([
  '', 'n', 't', 'mme', 'tte', 'vat', 'a', 'aan', 'taan', 'daan', 'tiin', 'ttiin', 'ttaisiin', 'taisiin', 'ta', 'tta', 'da',
  'i', 'in', 'it', 'imme', 'itte', 'ivat', 'si', 'sin', 'sit', 'simme', 'sitte', 'sivat', 'isi', 'isin', 'isit', 'isimme', 'isitte', 'isivat',
  'nut', 'neet', 'neen', 'nutta', 'neita', 'neista', 'neille', 'tu', 'ttu', 'tun', 'ttun', 'tut', 'ttut', 'tua', 'ttua', 'tuja', 'ttuja',
  'tujen', 'ttujen', 'tuista', 'ttuista', 'tuissa', 'ttuissa', 'tuun', 'ttuun', 'tuihin', 'ttuihin', 'tulla', 'ttulla', 'tulle', 'ttulle',
  'tava', 'ttava', 'tavan', 'ttavan', 'tavat', 'ttavat', 'tavaa', 'ttavaa', 'tavia', 'ttavia', 'tavien', 'ttavien', 'tavissa', 'ttavissa',
  'tavaksi', 'ttavaksi', 'va', 'van', 'vat', 'vaa', 'via', 'vien', 'vassa', 'vasta', 'vaan', 'valla', 'valle', 'vana', 'vaksi', 'vissa',
  'vista', 'viin', 'villa', 'ville', 'ma', 'man', 'mat', 'maa', 'mia', 'mien', 'massa', 'masta', 'maan', 'malla', 'matta', 'mana',
  'minen', 'misen', 'mista', 'misessa', 'misesta', 'miseen', 'misella', 'miselle', 'misena', 'miseksi', 'miset', 'misten', 'misia',
  'essa', 'en', 'ttaessa', 'taessa', 'ttaen', 'taen', 'koon', 'kaa', 'kaamme',
  'ssa', 'sta', 'lla', 'lta', 'lle', 'na', 'ksi', 'ine', 'issa', 'ista', 'illa', 'ilta', 'ille', 'ina', 'iksi', 'iin', 'ihin', 'isiin',
  'seen', 'hin', 'han', 'hen', 'hon', 'hun', 'den', 'tten', 'jen', 'iden', 'itten', 'ja', 'ita', 'ien', 'in', 'e', 'et', 'een', 'ia',
]);
// Consonant gradation (Iso suomen kielioppi § 41): stems a form of the lemma may
// use that no listed word shows, tried in both directions near the end of the stem.
const GRADATION = [['kk', 'k'], ['pp', 'p'], ['tt', 't'], ['nk', 'ng'], ['mp', 'mm'], ['lt', 'll'], ['nt', 'nn'], ['rt', 'rr'], ['ht', 'hd'], ['t', 'd'], ['p', 'v'], ['k', '']];

function gradations(stem) {
  const out = new Set([stem]);
  for (const [strong, weak] of GRADATION) {
    for (const [from, to] of [[strong, weak], [weak, strong]]) {
      if (!from) continue;
      const at = stem.lastIndexOf(from);
      if (at >= 0 && at >= stem.length - 4) out.add(stem.slice(0, at) + to + stem.slice(at + from.length));
    }
  }
  return out;
}

/** Stems built from the lemma itself: shortened, with gradation, and with the a/ä → e of passive stems (ohjeista → ohjeiste-taan). */
function syntheticStems(lemma) {
  const base = new Set();
  for (let cut = 0; cut <= 4 && lemma.length - cut >= 2; cut++) base.add(lemma.slice(0, lemma.length - cut));
  for (const b of [...base]) {
    if (/[aä]$/u.test(b)) base.add(`${b.slice(0, -1)}e`);
    // Past tense of -ttaa verbs: autta- → autto-i.
    if (/a$/u.test(b)) base.add(`${b.slice(0, -1)}o`);
  }
  const out = new Set();
  for (const b of base) for (const v of gradations(b)) out.add(v);
  return out;
}

const POSSESSIVES = HARMONY(['ni', 'si', 'mme', 'nne', 'nsa', 'an', 'en']);

async function main() {
  const probe = spawnSync('voikkospell', ['-M'], { input: 'talo\n' });
  if (probe.error || !probe.stdout?.toString().includes('BASEFORM=talo')) {
    console.error('voikkospell (libvoikko-dev with voikko-fi) is needed to build the Finnish morphology; nothing written.');
    process.exit(1);
  }
  const lemmas = new Set([...collectLemmas(LANG), ...optionLemmas()]);
  const frequency = readFileSync(join(root, 'dictionaries', 'frequency', `${LANG}.txt`), 'utf8')
    .split('\n')
    .map((w) => w.trim().normalize('NFC').toLowerCase())
    .filter((w) => WORD.test(w));

  // Endings seen after a stem in the frequency list, by word class (verbs inflect
  // differently from nouns and adjectives), counted so one-off oddities drop out.
  const known = await analyse([...frequency, ...lemmas]);
  const endingCounts = { verb: new Map(), nominal: new Map() };
  for (const [word, analyses] of known) {
    for (const a of analyses) {
      const group = a.CLASS === 'teonsana' ? 'verb' : 'nominal';
      for (const at of cuts(word, a)) {
        const ending = word.slice(at);
        endingCounts[group].set(ending, (endingCounts[group].get(ending) ?? 0) + 1);
      }
    }
  }
  const endings = {
    verb: [...new Set([...HAND_ENDINGS, ...[...endingCounts.verb].filter(([e, n]) => n >= 3 && !COLLOQUIAL_ENDING.test(e)).map(([e]) => e)])],
    nominal: [...new Set([...HAND_ENDINGS, ...[...endingCounts.nominal].filter(([e, n]) => n >= 3 && !COLLOQUIAL_ENDING.test(e)).map(([e]) => e)])],
  };

  const accepted = new Map(); // form → Set of lemmas
  const stems = new Map(); // lemma → { group, stems: Set }
  const note = (word, analyses) => {
    for (const a of analyses) {
      const lemma = lemmaOf(a, lemmas);
      if (!lemma || colloquial(a)) continue;
      let set = accepted.get(word);
      if (!set) accepted.set(word, (set = new Set()));
      set.add(lemma);
      let s = stems.get(lemma);
      if (!s) stems.set(lemma, (s = { group: a.CLASS === 'teonsana' ? 'verb' : 'nominal', stems: new Set() }));
      for (const at of cuts(word, a)) s.stems.add(word.slice(0, at));
    }
  };
  for (const [word, analyses] of known) note(word, analyses);

  // Round one: every ending seen in the frequency list on the stems Voikko showed,
  // and the hand-written endings on stems built from the lemma. Round two: the
  // hand-written endings on stems round one found, and possessive suffixes.
  const all = new Map(known);
  const tried = new Set();
  for (let round = 0; round < 2; round++) {
    const candidates = new Set();
    for (const [lemma, { group, stems: set }] of stems) {
      for (const stem of set) {
        const key = `${group}\t${stem}`;
        if (tried.has(key)) continue;
        tried.add(key);
        for (const e of round === 0 ? endings[group] : HAND_ENDINGS) candidates.add(stem + e);
      }
      if (round === 0) for (const stem of syntheticStems(lemma)) for (const e of HAND_ENDINGS) candidates.add(stem + e);
    }
    if (round === 0) {
      // Lemmas no listed word inflects yet still get the synthetic stems.
      for (const lemma of lemmas) if (!stems.has(lemma)) for (const stem of syntheticStems(lemma)) for (const e of HAND_ENDINGS) candidates.add(stem + e);
    } else {
      for (const form of accepted.keys()) {
        for (const s of POSSESSIVES) {
          candidates.add(form + s);
          if (/[nt]$/u.test(form)) candidates.add(form.slice(0, -1) + s);
        }
      }
    }
    const fresh = [...candidates].filter((w) => !all.has(w));
    console.log(`round ${round + 1}: ${fresh.length} candidate forms`);
    const analysed = await analyse(fresh);
    for (const [word, analyses] of analysed) {
      all.set(word, analyses);
      note(word, analyses);
    }
  }

  // A form that also reads as an unrelated common word ("omaa" = own, not omata)
  // would make a rule fire on ordinary text: leave it out. Proper-name readings do
  // not count: names are capitalised, and the rules compare lower-case forms anyway.
  // A competing reading worth dropping a form for: not a name, not an analyser
  // artefact (a compound such as tulo+rekisteri+-inen), and with a possessive suffix
  // only if the form is frequent itself ("työstämme" = from our work).
  const listed = new Set(frequency);
  // How many listed word forms each base form has: a reading of a word nobody uses
  // (suorittavat as a participle of "suoria") is no reason to drop a form.
  const baseFrequency = new Map();
  for (const w of frequency) {
    for (const base of new Set((known.get(w) ?? []).map((a) => (a.BASEFORM ?? '').toLowerCase()))) baseFrequency.set(base, (baseFrequency.get(base) ?? 0) + 1);
  }
  const competing = (form, a) => {
    if (NAME_CLASSES.has(a.CLASS) || colloquial(a)) return false;
    if ((baseFrequency.get((a.BASEFORM ?? '').toLowerCase()) ?? 0) < 5) return false;
    if (wordbases(a).filter((p) => p.base !== undefined && !p.base.startsWith('+')).length > 1) return false;
    return a.POSSESSIVE === undefined || listed.has(form);
  };
  const strict = wordRuleLemmas();
  const pairs = [];
  let dropped = 0;
  for (const [form, set] of accepted) {
    const analyses = all.get(form) ?? [];
    const unrelated = analyses.some((a) => !lemmaOf(a, lemmas) && competing(form, a));
    if (unrelated && !lemmas.has(form) && [...set].some((l) => strict.has(l))) {
      dropped++;
      continue;
    }
    for (const lemma of set) pairs.push([form, lemma]);
  }

  mkdirSync(join(root, 'dictionaries', 'morphology'), { recursive: true });
  const version = spawnSync('dpkg-query', ['-W', '-f=${Version}', 'voikko-fi']).stdout?.toString().trim() || 'unknown version';
  const header =
    `fi morphology for klar's rule lemmas (${lemmas.size} lemmas, ${pairs.length} forms), generated by scripts/morphology/fi.mjs ` +
    `with Voikko (libvoikko and the voikko-fi ${version} morphology, GPL-2.0-or-later): candidate forms from dictionaries/frequency/fi.txt ` +
    '(FrequencyWords, CC BY-SA 4.0) and from Finnish endings attached to Voikko stems, kept when Voikko analyses them as a form of the lemma; ' +
    'forms that also read as another common word are left out for word-rule lemmas.';
  writeFileSync(OUT, morphologyTsv(pairs, header));
  const missing = [...lemmas].filter((l) => !stems.has(l));
  console.log(`${OUT}: ${pairs.length} forms of ${lemmas.size - missing.length}/${lemmas.size} lemmas (${dropped} ambiguous forms left out)`);
  if (missing.length) console.log(`no forms found (use forms: in the rule, or a fixed form in options): ${missing.join(', ')}`);
}

await main();
