// Generates dictionaries/morphology/en.tsv: every inflected form of the lemmas the English rules
// use (`lemmas`, `{lemma}` in phrases, and the support verbs of the nominalisation rule).
// English inflection is regular enough to generate from rules, so no dictionary is needed:
// -s/-es, -ed, -ing with e-dropping, y → i and consonant doubling; -er/-est for adjectives;
// British -ll- beside American -l-; -ise beside -ize; and an irregular-verb table.
// Re-run after changing rules/en: `node scripts/morphology/en.mjs`.
import { readFileSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { collectLemmas, morphologyTsv, root } from './lemmas.mjs';

/** Irregular verbs: lemma → [3rd person, past, past participle, -ing]; only what differs from the rules. */
const IRREGULAR = {
  be: ['is', 'was', 'been', 'being', 'am', 'are', 'were'],
  have: ['has', 'had', 'had', 'having'],
  do: ['does', 'did', 'done', 'doing'],
  go: ['goes', 'went', 'gone', 'going'],
  make: ['makes', 'made', 'made', 'making'],
  give: ['gives', 'gave', 'given', 'giving'],
  take: ['takes', 'took', 'taken', 'taking'],
  undertake: ['undertakes', 'undertook', 'undertaken', 'undertaking'],
  overtake: ['overtakes', 'overtook', 'overtaken', 'overtaking'],
  come: ['comes', 'came', 'come', 'coming'],
  become: ['becomes', 'became', 'become', 'becoming'],
  hold: ['holds', 'held', 'held', 'holding'],
  withhold: ['withholds', 'withheld', 'withheld', 'withholding'],
  uphold: ['upholds', 'upheld', 'upheld', 'upholding'],
  get: ['gets', 'got', 'gotten', 'getting'],
  seek: ['seeks', 'sought', 'sought', 'seeking'],
  send: ['sends', 'sent', 'sent', 'sending'],
  spend: ['spends', 'spent', 'spent', 'spending'],
  lend: ['lends', 'lent', 'lent', 'lending'],
  build: ['builds', 'built', 'built', 'building'],
  buy: ['buys', 'bought', 'bought', 'buying'],
  bring: ['brings', 'brought', 'brought', 'bringing'],
  think: ['thinks', 'thought', 'thought', 'thinking'],
  teach: ['teaches', 'taught', 'taught', 'teaching'],
  keep: ['keeps', 'kept', 'kept', 'keeping'],
  pay: ['pays', 'paid', 'paid', 'paying'],
  repay: ['repays', 'repaid', 'repaid', 'repaying'],
  say: ['says', 'said', 'said', 'saying'],
  tell: ['tells', 'told', 'told', 'telling'],
  sell: ['sells', 'sold', 'sold', 'selling'],
  find: ['finds', 'found', 'found', 'finding'],
  lead: ['leads', 'led', 'led', 'leading'],
  leave: ['leaves', 'left', 'left', 'leaving'],
  mean: ['means', 'meant', 'meant', 'meaning'],
  meet: ['meets', 'met', 'met', 'meeting'],
  set: ['sets', 'set', 'set', 'setting'],
  put: ['puts', 'put', 'put', 'putting'],
  cut: ['cuts', 'cut', 'cut', 'cutting'],
  write: ['writes', 'wrote', 'written', 'writing'],
  rewrite: ['rewrites', 'rewrote', 'rewritten', 'rewriting'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'],
  choose: ['chooses', 'chose', 'chosen', 'choosing'],
  draw: ['draws', 'drew', 'drawn', 'drawing'],
  withdraw: ['withdraws', 'withdrew', 'withdrawn', 'withdrawing'],
  drive: ['drives', 'drove', 'driven', 'driving'],
  know: ['knows', 'knew', 'known', 'knowing'],
  show: ['shows', 'showed', 'shown', 'showing'],
  grow: ['grows', 'grew', 'grown', 'growing'],
  throw: ['throws', 'threw', 'thrown', 'throwing'],
  see: ['sees', 'saw', 'seen', 'seeing'],
  oversee: ['oversees', 'oversaw', 'overseen', 'overseeing'],
  foresee: ['foresees', 'foresaw', 'foreseen', 'foreseeing'],
  forget: ['forgets', 'forgot', 'forgotten', 'forgetting'],
  forgive: ['forgives', 'forgave', 'forgiven', 'forgiving'],
  understand: ['understands', 'understood', 'understood', 'understanding'],
  undergo: ['undergoes', 'underwent', 'undergone', 'undergoing'],
  overcome: ['overcomes', 'overcame', 'overcome', 'overcoming'],
  run: ['runs', 'ran', 'run', 'running'],
  begin: ['begins', 'began', 'begun', 'beginning'],
  win: ['wins', 'won', 'won', 'winning'],
  stand: ['stands', 'stood', 'stood', 'standing'],
  forecast: ['forecasts', 'forecast', 'forecast', 'forecasting'],
  // Dual spellings: the past "-ed" form is also common.
  spell: ['spells', 'spelt', 'spelled', 'spelling'],
};

/** Word class where the ending does not tell: n = noun (plural only), v = verb (and noun), x = no inflection, a = adjective with -er/-est. */
const CLASS = {
  applicant: 'n', claimant: 'n', dependant: 'n', stakeholder: 'n', paradigm: 'n', dwelling: 'n', remainder: 'n',
  tribunal: 'n', referral: 'n', guardian: 'n', liaison: 'n', subsidy: 'n', threshold: 'n',
  touchpoint: 'n', penalty: 'n',
  appeal: 'v', advocate: 'v', consent: 'v', sanction: 'v', invoice: 'v', exempt: 'v', implement: 'v', attempt: 'v',
  purchase: 'v', leverage: 'v', signpost: 'v', benchmark: 'v', cascade: 'v', 'ring-fence': 'v', endeavour: 'v',
  endeavor: 'v', furnish: 'v', deliver: 'v', carry: 'v', submit: 'v', provide: 'v', conduct: 'v',
  perform: 'v', reach: 'v', assess: 'v', evict: 'v', deduct: 'v', cease: 'v', reside: 'v', deem: 'v',
  // Verbs whose ending looks like a noun or adjective suffix.
  commence: 'v', procure: 'v', envision: 'v', comply: 'v',
  personnel: 'x', arrears: 'x', criteria: 'x', whilst: 'x', amongst: 'x', forthwith: 'x', henceforth: 'x',
  herewith: 'x', hereby: 'x', herein: 'x', hereinafter: 'x', hereunder: 'x', hitherto: 'x', heretofore: 'x',
  thereof: 'x', therein: 'x', thereafter: 'x', thereby: 'x', whereby: 'x', aforesaid: 'x', abovementioned: 'x',
  notwithstanding: 'x', regarding: 'x', albeit: 'x', cognisant: 'x', cognizant: 'x', requisite: 'x',
  overarching: 'x', compliant: 'x', bereaved: 'x', safeguarding: 'x', criterion: 'x', probate: 'x',
  // Mass nouns: no plural worth listing.
  assistance: 'x', compliance: 'x', correspondence: 'x', legislation: 'x', eligibility: 'x', confidentiality: 'x',
  coterminosity: 'x', documentation: 'x', empowerment: 'x', procurement: 'x', advocacy: 'x', expenditure: 'x',
  remuneration: 'x', utilisation: 'x', utilization: 'x',
  robust: 'a',
};
const NOUN_ENDING = /(?:tion|sion|ment|ance|ence|ancy|ency|acy|ity|ure|ship|ness|ism|ee|gy)$/;
const FIXED_ENDING = /(?:ly|ous|ic|ive|ary|ory|ible|able|ful|less|al|ent|ed)$/;

/** Verbs that double their final consonant although the last syllable has more than one letter before it. */
const DOUBLING = new Set([
  'submit', 'commit', 'permit', 'omit', 'admit', 'emit', 'transmit', 'refer', 'defer', 'confer', 'prefer', 'infer',
  'occur', 'incur', 'recur', 'equip', 'regret', 'control', 'compel', 'expel', 'propel', 'patrol', 'abet', 'forget',
]);

function classOf(lemma) {
  if (CLASS[lemma]) return CLASS[lemma];
  if (IRREGULAR[lemma]) return 'v';
  if (NOUN_ENDING.test(lemma)) return 'n';
  if (FIXED_ENDING.test(lemma)) return 'x';
  return 'v';
}

const VOWEL = /[aeiou]/;

function doubles(lemma) {
  if (DOUBLING.has(lemma)) return true;
  // One-syllable consonant–vowel–consonant words: stop → stopped. Not w, x, y: show → showed.
  return /^[^aeiou]*[aeiou][b-df-hj-np-tvz]$/.test(lemma);
}

/** British English doubles a final -l after a single vowel (cancelled); American English does not (canceled). */
function britishL(lemma) {
  return /[^aeiou][aeiou]l$/.test(lemma) && (lemma.match(/[aeiou]+/g) ?? []).length > 1;
}

function plural(noun) {
  if (/[^aeiou]y$/.test(noun)) return noun.slice(0, -1) + 'ies';
  if (/(?:s|x|z|ch|sh)$/.test(noun)) return noun + 'es';
  return noun + 's';
}

function verbForms(verb) {
  const irregular = IRREGULAR[verb];
  if (irregular) return irregular;
  const third = plural(verb);
  let past;
  let ing;
  if (verb.endsWith('e')) {
    past = verb + 'd';
    ing = /(?:ee|ye|oe)$/.test(verb) ? verb + 'ing' : verb.endsWith('ie') ? verb.slice(0, -2) + 'ying' : verb.slice(0, -1) + 'ing';
  } else if (/[^aeiou]y$/.test(verb)) {
    past = verb.slice(0, -1) + 'ied';
    ing = verb + 'ing';
  } else if (doubles(verb)) {
    const last = verb.slice(-1);
    past = verb + last + 'ed';
    ing = verb + last + 'ing';
  } else {
    past = verb + 'ed';
    ing = verb + 'ing';
  }
  const forms = [third, past, ing];
  if (britishL(verb)) forms.push(verb + 'led', verb + 'ling');
  return forms;
}

function adjectiveForms(adjective) {
  const base = adjective.endsWith('e') ? adjective.slice(0, -1) : adjective;
  return [base + 'er', base + 'est'];
}

/** A hyphenated lemma inflects its last part: ring-fence → ring-fenced. */
function inflect(lemma) {
  const cut = lemma.lastIndexOf('-');
  const head = cut >= 0 ? lemma.slice(0, cut + 1) : '';
  const last = lemma.slice(cut + 1);
  const cls = CLASS[lemma] ?? classOf(last);
  const forms = cls === 'v' ? verbForms(last) : cls === 'n' ? [plural(last)] : cls === 'a' ? adjectiveForms(last) : [];
  return forms.map((f) => head + f);
}

/**
 * -ise and -ize (and -isation/-ization, -yse/-yze) spellings of one word share a lemma when the rules
 * list both spellings: each lemma then matches the forms of both. Words that only have -ise
 * (advise, apprise, liaise) are not listed twice, so they get no invented -ize forms.
 */
function spellingVariants(lemma, listed) {
  const swaps = [
    [/isation$/, 'ization'], [/ization$/, 'isation'],
    [/ise$/, 'ize'], [/ize$/, 'ise'],
    [/yse$/, 'yze'], [/yze$/, 'yse'],
  ];
  for (const [pattern, replacement] of swaps) {
    if (!pattern.test(lemma)) continue;
    const other = lemma.replace(pattern, replacement);
    return listed.has(other) ? [lemma, other] : [lemma];
  }
  return [lemma];
}

/** Support verbs named in the nominalisation rule's options need their forms too. */
function supportVerbs() {
  const folder = join(root, 'rules', 'en');
  const verbs = [];
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.yaml'))) {
    const doc = parse(readFileSync(join(folder, file), 'utf8'));
    for (const rule of doc?.rules ?? []) {
      if (rule.kind !== 'nominalisation') continue;
      for (const spec of rule.options?.supportVerbs ?? []) {
        if (typeof spec?.verb === 'string') verbs.push(spec.verb.toLowerCase());
      }
    }
  }
  return verbs;
}

// Guard against a word written in a list with a typing slip (a space, a digit, an apostrophe).
const WORD = /^[a-z][a-z-]*$/;

const lemmas = [...new Set([...collectLemmas('en'), ...supportVerbs()])].sort();
const listed = new Set(lemmas);
const pairs = [];
for (const lemma of lemmas) {
  if (!WORD.test(lemma)) {
    console.warn(`en.mjs: skipping "${lemma}" (not a single lower-case word)`);
    continue;
  }
  for (const spelling of spellingVariants(lemma, listed)) {
    pairs.push([spelling, lemma]);
    for (const form of inflect(spelling)) pairs.push([form, lemma]);
  }
}

const header = [
  'English inflected forms of the rule vocabulary (rules/en: lemmas, {lemma} in phrases, nominalisation support verbs).',
  '# Generated by scripts/morphology/en.mjs from English inflection rules and an irregular-verb table written for klar;',
  '# no external dictionary is used, so the table is covered by klar’s own MIT licence. Do not edit by hand.',
].join('\n');
const out = join(root, 'dictionaries', 'morphology', 'en.tsv');
mkdirSync(join(root, 'dictionaries', 'morphology'), { recursive: true });
const tsv = morphologyTsv(pairs, header);
writeFileSync(out, tsv);
console.log(`en: ${lemmas.length} lemmas, ${tsv.split('\n').filter((l) => l && !l.startsWith('#')).length} form–lemma lines → dictionaries/morphology/en.tsv`);
