import { dirname } from 'node:path';
import { analyse } from '../core/analyse.js';
import { detectLanguage } from '../core/language/detect.js';
import type { Language, Profile, Report, Resources } from '../core/types.js';
import { configuredRules, ConfigError, emptyConfig, findConfigFile, loadConfigFile, type KlarConfig } from '../node/config.js';
import { loadResources } from '../node/resources.js';
import { RuleFileError } from '../node/rules.js';
import { EXIT, UserError } from './errors.js';
import { formatText } from './format-text.js';
import { expandPaths, readInput } from './inputs.js';

export interface CheckOptions {
  lang?: Language | 'auto';
  profile?: Profile;
  format: 'text' | 'json';
  config?: string;
}

export interface FileReport extends Report {
  path: string;
}

/** A word broken at a line-end hyphen: only then does dehyphenation need the spelling dictionary. */
const LINE_END_HYPHEN = /\p{L}-[ \t]*(?:\r\n|\r|\n)[ \t]*\p{Ll}/u;

const HUNSPELL_LANGUAGES = new Set<Language>(['sv', 'nb', 'nn']);

/** Configuration per folder, read once per run. */
class ConfigResolver {
  private readonly byFolder = new Map<string, KlarConfig>();
  private readonly byFile = new Map<string, KlarConfig>();
  constructor(private readonly explicit: string | undefined) {}

  forPath(path: string): KlarConfig {
    if (this.explicit) return this.load(this.explicit);
    const folder = path === '<stdin>' ? process.cwd() : dirname(path);
    let config = this.byFolder.get(folder);
    if (!config) {
      const file = findConfigFile(folder);
      config = file ? this.load(file) : emptyConfig();
      this.byFolder.set(folder, config);
    }
    return config;
  }

  private load(file: string): KlarConfig {
    let config = this.byFile.get(file);
    if (!config) {
      config = loadConfigFile(file);
      this.byFile.set(file, config);
    }
    return config;
  }
}

async function resourcesFor(text: string, language: Language | undefined): Promise<Resources> {
  const resources = await loadResources(['sv', 'fi', 'nb', 'nn', 'en'], { lexicons: false });
  const wantsLexicon = language !== undefined && HUNSPELL_LANGUAGES.has(language) && LINE_END_HYPHEN.test(text);
  if (wantsLexicon) {
    const lexiconLanguages: Language[] = language === 'nb' || language === 'nn' ? ['nb', 'nn'] : [language];
    resources.lexicons = (await loadResources(lexiconLanguages, { lexicons: true })).lexicons;
  }
  return resources;
}

async function analyseText(text: string, opts: CheckOptions, config: KlarConfig): Promise<Report> {
  const lang = opts.lang ?? config.language;
  const forced = lang && lang !== 'auto' ? lang : undefined;
  const resources = await resourcesFor(text, forced ?? detectLanguage(text)?.language);
  const { rules, disabled } = configuredRules(config);
  return analyse(text, {
    language: lang,
    profile: opts.profile ?? config.profile ?? 'plain',
    resources,
    rules,
    disabled,
    thresholds: config.thresholds,
    knownWords: new Set(config.words.map((w) => w.normalize('NFC').toLowerCase())),
  });
}

export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  const files = await expandPaths(paths);
  const configs = new ConfigResolver(opts.config);
  const reports: FileReport[] = [];
  let failed = false;
  for (const path of files) {
    try {
      const input = await readInput(path);
      const config = configs.forPath(input.path);
      reports.push({ path: input.path, ...(await analyseText(input.text, opts, config)) });
    } catch (error) {
      // A broken configuration or rule file affects every file: stop at once.
      if (error instanceof ConfigError || error instanceof RuleFileError) throw new UserError(error.message);
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
