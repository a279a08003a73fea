/**
 * `npm run docs:rules`: writes one page per rule to docs/rules/<lang>/<category>/<slug>.md
 * and an index per language, from the rule files. A test checks they are current.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync, renameSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LANGUAGES } from '../core/types.js';
import { languageIndex, rulePage, rulePagePath } from '../node/rule-docs.js';
import { loadBuiltinRules } from '../node/rules.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'docs', 'rules');

export function renderAll(): Map<string, string> {
  const pages = new Map<string, string>();
  const rules = loadBuiltinRules();
  for (const lang of LANGUAGES) {
    const own = rules.filter((r) => r.language === lang);
    if (own.length === 0) continue;
    pages.set(`${lang}/README.md`, languageIndex(lang, own));
    for (const r of own) pages.set(rulePagePath(r), rulePage(r));
  }
  return pages;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const pages = renderAll();
  const tmp = `${outDir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  for (const [path, content] of pages) {
    mkdirSync(dirname(join(tmp, path)), { recursive: true });
    writeFileSync(join(tmp, path), content);
  }
  // Swap the whole folder so a reader never sees half the pages.
  if (existsSync(outDir)) rmSync(outDir, { recursive: true, force: true });
  renameSync(tmp, outDir);
  process.stdout.write(`wrote ${pages.size} pages to docs/rules (${readdirSync(outDir).join(', ')})\n`);
}
