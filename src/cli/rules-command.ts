import type { RuleEntry } from '../core/rules/types.js';
import type { Language } from '../core/types.js';
import { configuredRules, emptyConfig, findConfigFile, loadConfigFile } from '../node/config.js';
import { rulesTable } from '../node/rule-docs.js';
import { EXIT } from './errors.js';

export interface RulesOptions {
  lang?: Language;
  format: 'text' | 'json' | 'markdown';
  config?: string;
}

function publicFields(r: RuleEntry): Omit<RuleEntry, 'file' | 'line'> & { definedIn: string } {
  const { file, line, ...rest } = r;
  return { ...rest, definedIn: `${file.replace(/\\/g, '/')}:${line}` };
}

/** `klar rules`: every active rule, built-in and the organisation's, after configuration. */
export function runRules(opts: RulesOptions): number {
  const file = opts.config ?? findConfigFile(process.cwd());
  const config = file ? loadConfigFile(file) : emptyConfig();
  const rules = configuredRules(config).rules.filter((r) => !opts.lang || r.language === opts.lang);
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify({ rules: rules.map(publicFields) }, null, 2)}\n`);
  } else if (opts.format === 'markdown') {
    process.stdout.write(`${rulesTable(rules, false)}\n`);
  } else {
    for (const r of rules) {
      const finds = [...(r.lemmas ?? []), ...(r.forms ?? []), ...(r.phrases ?? [])].join(', ');
      process.stdout.write(`${r.id}  ${r.severity}  ${finds}${r.suggestions.length ? ` → ${r.suggestions.join(', ')}` : ''}\n`);
    }
    process.stdout.write(`${rules.length} rules\n`);
  }
  return EXIT.ok;
}
