/** Markdown for rules: the `klar rules --format markdown` listing and the generated docs/rules pages. */
import type { RuleEntry } from '../core/rules/types.js';
import type { Language } from '../core/types.js';

const LANGUAGE_NAMES: Record<Language, string> = {
  sv: 'Swedish',
  fi: 'Finnish',
  nb: 'Norwegian bokmål',
  nn: 'Norwegian nynorsk',
  en: 'English',
};

const KIND_TEXT: Record<string, string> = {
  word: 'the word in every inflected form',
  phrase: 'the phrase, across line breaks',
  passive: 'passive verb forms (see the exceptions below)',
  nominalisation: 'nominalisations with an empty support verb',
  'double-negation': 'double negations',
  'long-compound': 'long compounds',
  consistency: 'forms that do not belong to the text’s written standard',
};

/** The page path of a rule, relative to docs/rules/: `<lang>/<category>/<slug>.md`. */
export function rulePagePath(rule: RuleEntry): string {
  return `${rule.id}.md`;
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function matches(rule: RuleEntry): string {
  return [...(rule.lemmas ?? []), ...(rule.forms ?? []), ...(rule.phrases ?? [])].join(', ');
}

export function rulePage(rule: RuleEntry): string {
  const lines = [
    `# ${rule.id}`,
    '',
    `| | |`,
    `|---|---|`,
    `| language | ${LANGUAGE_NAMES[rule.language]} |`,
    `| category | ${rule.category} |`,
    `| severity | ${rule.severity} |`,
    `| profiles | ${rule.profiles.join(', ')} |`,
    '',
    '## What it finds',
    '',
    `${KIND_TEXT[rule.kind] ?? rule.kind}${matches(rule) ? `: ${matches(rule)}` : ''}.`,
    '',
    '## Why',
    '',
    rule.message[rule.language] ? `> ${rule.message[rule.language]}` : '',
    '',
    `${rule.message.en}`,
    '',
  ];
  if (rule.suggestions.length) lines.push('## Write instead', '', ...rule.suggestions.map((s) => `- ${s}`), '');
  if (rule.explanation?.[rule.language]) lines.push('## Explanation for easy-read texts', '', rule.explanation[rule.language] as string, '');
  if (rule.examples.bad.length) lines.push('## Examples', '', ...rule.examples.bad.map((s) => `- ✗ ${s}`), ...rule.examples.good.map((s) => `- ✓ ${s}`), '');
  const options = rule.options && Object.keys(rule.options).length ? rule.options : undefined;
  if (options) lines.push('## Settings', '', '```json', JSON.stringify(options, null, 2), '```', '');
  lines.push('## Source', '', rule.source, '', `Defined in \`${rule.file.replace(/\\/g, '/')}\`.`, '');
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}`;
}

export function rulesTable(rules: RuleEntry[], linkPages: boolean): string {
  const rows = rules.map(
    (r) =>
      `| ${linkPages ? `[${r.id}](${rulePagePath(r).split('/').slice(1).join('/')})` : `\`${r.id}\``} | ${r.category} | ${r.severity} | ${r.profiles.join(', ')} | ${cell(matches(r))} | ${cell(r.suggestions.join(', '))} |`,
  );
  return ['| rule | category | severity | profiles | finds | suggestions |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

export function languageIndex(language: Language, rules: RuleEntry[]): string {
  return `# ${LANGUAGE_NAMES[language]} rules (${rules.length})\n\nGenerated from \`rules/${language}/\` by \`npm run docs:rules\`.\n\n${rulesTable(rules, true)}\n`;
}
