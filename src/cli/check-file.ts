/**
 * Checks one document: read and decode it, analyse it with the configuration that
 * applies to its folder, apply inline suppressions, and locate findings the way a
 * Word or PDF user can find them. Runs in the main thread and in worker threads.
 */
import { dirname, join } from 'node:path';
import { analyse } from '../core/analyse.js';
import { detectLanguage } from '../core/language/detect.js';
import type { Diagnostic, Language, Profile, Resources } from '../core/types.js';
import { readDocument } from '../formats/index.js';
import { DocumentError, type SourceDocument } from '../formats/types.js';
import { configuredRules, emptyConfig, findConfigFile, loadConfigFile, readWordList, WORDS_FILE, type KlarConfig } from '../node/config.js';
import { lexiconLanguages, loadResources } from '../node/resources.js';
import type { FileReport } from './formatters/types.js';
import { applySuppressions, missingReasons, type SuppressionUse } from './suppress.js';
import { UserError } from './errors.js';

export interface CheckSettings {
  lang?: Language | 'auto';
  profile?: Profile;
  config?: string;
  /** Organisations that audit suppressions require a reason on each. */
  requireSuppressionReason?: boolean;
  /** Report words the spelling dictionary does not know. */
  spelling?: boolean;
}

export interface FileResult {
  report: FileReport;
  suppressions: SuppressionUse[];
  document: SourceDocument;
  /** The original bytes of a Word file, for `--format docx`. */
  bytes?: Uint8Array;
}

const wordLists = new Map<string, KlarConfig>();

/** Adds the project's word list (`.klar/words.txt` beside the configuration), which editors add words to. */
function withWordList(config: KlarConfig, folder: string): KlarConfig {
  const key = `${folder}\0${config.files.join('|')}`;
  let merged = wordLists.get(key);
  if (!merged) {
    const words = readWordList(join(folder, WORDS_FILE));
    merged = words.length ? { ...config, words: [...config.words, ...words] } : config;
    wordLists.set(key, merged);
  }
  return merged;
}

/** Configuration per folder, read once per process. */
export class ConfigResolver {
  private readonly byFolder = new Map<string, KlarConfig>();
  private readonly byFile = new Map<string, KlarConfig>();
  constructor(private readonly explicit: string | undefined) {}

  forPath(path: string): KlarConfig {
    if (this.explicit) return withWordList(this.load(this.explicit), dirname(this.explicit));
    const folder = path === '-' ? process.cwd() : dirname(path);
    let config = this.byFolder.get(folder);
    if (!config) {
      const file = findConfigFile(folder);
      config = withWordList(file ? this.load(file) : emptyConfig(), file ? dirname(file) : process.cwd());
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

async function resourcesFor(text: string, language: () => Language | undefined, spelling: boolean): Promise<Resources> {
  const resources = await loadResources(['sv', 'fi', 'nb', 'nn', 'en'], { lexicons: false });
  const lexicons = lexiconLanguages(text, language, spelling);
  if (lexicons.length > 0) resources.lexicons = (await loadResources(lexicons, { lexicons: true })).lexicons;
  return resources;
}

const configuredCache = new WeakMap<KlarConfig, ReturnType<typeof configuredRules>>();

function rulesOf(config: KlarConfig): ReturnType<typeof configuredRules> {
  let r = configuredCache.get(config);
  if (!r) configuredCache.set(config, (r = configuredRules(config)));
  return r;
}

/**
 * Reads the configuration (and the rule files it names) of every folder the files are in, so that
 * a broken one stops the run before any file is checked or any output is written.
 */
export function preflight(paths: readonly string[], configs: ConfigResolver): void {
  const seen = new Set<string>();
  for (const path of paths) {
    const folder = path === '-' ? '' : dirname(path);
    if (seen.has(folder)) continue;
    seen.add(folder);
    rulesOf(configs.forPath(path));
  }
}

/** Adds the page and paragraph a Word or PDF user can find a finding by. */
function locate(diagnostics: Diagnostic[], document: SourceDocument): Diagnostic[] {
  const locators = document.locators;
  if (!locators?.length) return diagnostics;
  return diagnostics.map((d) => {
    const at = locators.find((l) => d.offset >= l.start && d.offset <= l.end);
    return at ? { ...d, paragraphNumber: at.paragraph, ...(at.page ? { page: at.page } : {}) } : d;
  });
}

export async function checkDocument(path: string, bytes: Uint8Array, settings: CheckSettings, configs: ConfigResolver): Promise<FileResult> {
  const display = path === '-' ? '<stdin>' : path;
  let document: SourceDocument & { documentLanguage?: Language };
  try {
    document = await readDocument(display, bytes);
  } catch (error) {
    if (error instanceof DocumentError) throw new UserError(error.message);
    throw new UserError(`${display}: cannot be read (${error instanceof Error ? error.message : String(error)}); check the file`);
  }
  const config = configs.forPath(path);
  const lang = settings.lang ?? config.language;
  const forced = lang && lang !== 'auto' ? lang : undefined;
  const declared = document.documentLanguage;
  const spelling = settings.spelling ?? config.spelling ?? false;
  const resources = await resourcesFor(document.text, () => forced ?? declared ?? detectLanguage(document.text)?.language, spelling);
  const { rules, disabled } = rulesOf(config);
  const report = analyse(document.text, {
    language: lang,
    ...(declared ? { declaredLanguage: declared } : {}),
    profile: settings.profile ?? config.profile ?? 'plain',
    resources,
    rules,
    disabled,
    thresholds: config.thresholds,
    knownWords: new Set(config.words.map((w) => w.normalize('NFC').toLowerCase())),
    spelling,
    ...(document.blocks ? { blocks: document.blocks } : {}),
  });
  const suppressions = document.suppressions ?? [];
  const { kept, uses } = applySuppressions(report.diagnostics, suppressions);
  const requireReason = settings.requireSuppressionReason ?? config.requireSuppressionReason ?? false;
  const source = document.source ?? document.text;
  const lines = source.split(/\r\n|\r|\n/);
  const extra = requireReason ? missingReasons(suppressions, (line) => lines[line - 1] ?? '') : [];
  const diagnostics = locate([...kept, ...extra].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset), document);
  return {
    report: {
      path: display,
      format: document.format,
      ...report,
      diagnostics,
      source: document.text,
      ...(document.locators ? { locators: document.locators } : {}),
    },
    suppressions: uses,
    document,
    ...(document.format === 'docx' ? { bytes } : {}),
  };
}
