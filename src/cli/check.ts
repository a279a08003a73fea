import { analyse } from '../core/analyse.js';
import type { Language, Profile, Report } from '../core/types.js';
import { loadResources } from '../node/resources.js';
import { detectLanguage } from '../core/language/detect.js';
import { EXIT, UserError } from './errors.js';
import { expandPaths, readInput } from './inputs.js';
import { formatText } from './format-text.js';

export interface CheckOptions {
  lang?: Language | 'auto';
  profile: Profile;
  format: 'text' | 'json';
}

export interface FileReport extends Report {
  path: string;
}

/** A word broken at a line-end hyphen: only then does dehyphenation need the spelling dictionary. */
const LINE_END_HYPHEN = /\p{L}-[ \t]*(?:\r\n|\r|\n)[ \t]*\p{Ll}/u;

const HUNSPELL_LANGUAGES = new Set<Language>(['sv', 'nb', 'nn']);

async function analyseText(text: string, opts: CheckOptions): Promise<Report> {
  const forced = opts.lang && opts.lang !== 'auto' ? opts.lang : undefined;
  const guess = forced ?? detectLanguage(text)?.language;
  const wantsLexicon = guess !== undefined && HUNSPELL_LANGUAGES.has(guess) && LINE_END_HYPHEN.test(text);
  const lexiconLanguages: Language[] = guess === 'nb' || guess === 'nn' ? ['nb', 'nn'] : guess ? [guess] : [];
  const resources = await loadResources(['sv', 'fi', 'nb', 'en'], { lexicons: false });
  if (wantsLexicon) {
    const withLexicons = await loadResources(lexiconLanguages, { lexicons: true });
    resources.lexicons = withLexicons.lexicons;
  }
  // nn shares the Norwegian frequency table with nb.
  if (resources.frequency?.nb) resources.frequency.nn = resources.frequency.nb;
  return analyse(text, { language: opts.lang, profile: opts.profile, resources });
}

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  const files = await expandPaths(paths);
  const reports: FileReport[] = [];
  let failed = false;
  for (const path of files) {
    try {
      const input = await readInput(path);
      reports.push({ path: input.path, ...(await analyseText(input.text, opts)) });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      // Report the file and go on with the others; the run still exits 2.
      process.stderr.write(`klar: ${error.message}\n`);
      failed = true;
    }
  }
  if (opts.format === 'json') {
    process.stdout.write(`${JSON.stringify({ files: reports }, null, 2)}\n`);
  } else {
    process.stdout.write(formatText(reports));
  }
  return failed ? EXIT.usage : EXIT.ok;
}
