/**
 * `npm run eval` (second part): precision and recall of the rules per language and
 * category, on our own labelled sentences (tests/labelled/<lang>.tsv) and on the real
 * officialese sentences of ../shared/eval/<lang>/officialese.tsv, and how many
 * findings klar raises per 100 words on real easy-read texts (they should be nearly clean).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse } from '../core/analyse.js';
import { LANGUAGES, type Language, type Profile } from '../core/types.js';
import { emptyTally, parseLabelled, precision, recall, tallySentence, type Tally } from '../eval/labelled.js';
import { loadResources } from '../node/resources.js';
import { loadBuiltinRules } from '../node/rules.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const shared = join(root, '..', 'shared', 'eval');

const rules = loadBuiltinRules();
const resources = await loadResources([...LANGUAGES], { lexicons: false });

function pct(x: number | null): string {
  return x === null ? '–' : x.toFixed(2);
}

function tallyFile(path: string, language: Language): Tally {
  const t = emptyTally();
  for (const item of parseLabelled(readFileSync(path, 'utf8'))) {
    const report = analyse(item.sentence, { language, profile: 'plain', resources, rules });
    tallySentence(t, item, report.diagnostics);
  }
  return t;
}

function row(label: string, language: Language, t: Tally): string {
  const cats = [...t.byCategory].sort().map(([c, v]) => `${c} ${pct(precision(v))} (${v.correct}/${v.predictions})`).join('; ');
  return `| ${language} | ${label} | ${t.expressions} | ${pct(precision(t))} (${t.correct}/${t.predictions}) | ${pct(recall(t))} (${t.found}/${t.expressions}) | ${cats} |`;
}

function findingsPer100Words(language: Language, profile: Profile): { words: number; findings: number; byCategory: Map<string, number> } {
  const folder = join(shared, language, 'easy');
  let words = 0;
  let findings = 0;
  const byCategory = new Map<string, number>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith('.txt'))) {
    const report = analyse(readFileSync(join(folder, file), 'utf8'), { language, profile, resources, rules });
    words += report.metrics.words;
    for (const d of report.diagnostics) {
      findings++;
      byCategory.set(d.category, (byCategory.get(d.category) ?? 0) + 1);
    }
  }
  return { words, findings, byCategory };
}

const verbose = process.argv.includes('--verbose');
const lines = ['| language | set | expressions | precision | recall | precision by category |', '|---|---|---|---|---|---|'];
const details: string[] = [];
for (const language of LANGUAGES) {
  const own = join(root, 'tests', 'labelled', `${language}.tsv`);
  if (existsSync(own)) {
    const t = tallyFile(own, language);
    lines.push(row('own (tests/labelled)', language, t));
    if (verbose) details.push(`## ${language} own: false positives`, ...t.falsePositives, `## ${language} own: misses`, ...t.misses);
  }
  const real = join(shared, language, 'officialese.tsv');
  if (existsSync(real)) {
    const t = tallyFile(real, language);
    lines.push(row('real (shared/eval)', language, t));
    if (verbose) details.push(`## ${language} real: false positives`, ...t.falsePositives, `## ${language} real: misses`, ...t.misses);
  }
}
console.log('Rules: precision and recall against marked expressions (plain profile; a finding is correct when it overlaps a marked expression).\n');
console.log(lines.join('\n'));

if (existsSync(shared)) {
  const easy = ['| language | profile | words | findings | per 100 words | by category |', '|---|---|---|---|---|---|'];
  for (const language of LANGUAGES) {
    if (!existsSync(join(shared, language, 'easy'))) continue;
    for (const profile of ['plain', 'easy-read'] as const) {
      const r = findingsPer100Words(language, profile);
      const cats = [...r.byCategory].sort().map(([c, n]) => `${c} ${n}`).join(', ');
      easy.push(`| ${language} | ${profile} | ${r.words} | ${r.findings} | ${((100 * r.findings) / Math.max(1, r.words)).toFixed(1)} | ${cats} |`);
    }
  }
  console.log('\nFindings on real easy-read texts (../shared/eval/<lang>/easy), all checks:\n');
  console.log(easy.join('\n'));
} else {
  console.log(`\n${shared} is absent: the real officialese sentences and easy-read texts were not measured.`);
}
if (verbose) console.log(`\n${details.join('\n')}`);

