/**
 * The configuration each open document is checked with: the nearest .klarrc above
 * it (found and merged exactly as `klar check` does), over the editor's settings,
 * plus the project's word list `.klar/words.txt`. Broken files never stop the
 * server: it says so once and keeps the last configuration that worked.
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { RuleEntry } from '../core/rules/types.js';
import {
  configuredRules,
  emptyConfig,
  findConfigFile,
  loadConfigFile,
  mergeConfigs,
  type KlarConfig, parseWordList, WORDS_FILE } from '../node/config.js';
import { writeFileAtomic } from '../node/atomic.js';
import { settingsKey, type EditorSettings } from './settings.js';

export interface DocumentConfig {
  /** The project's configuration over the editor's settings, with the word list's words. */
  config: KlarConfig;
  rules: RuleEntry[];
  disabled: Set<string>;
  ruleById: ReadonlyMap<string, RuleEntry>;
  /** Lower-case NFC, as `klar check` builds them. */
  knownWords: ReadonlySet<string>;
  /** Differs whenever anything above differs: part of every cache key. */
  key: string;
  /** Where "add to the word list" writes; undefined for a document with no folder. */
  wordsFile?: string;
}

/** The word list's place relative to the folder of the nearest .klarrc, or of the workspace. */


const CONFIG_FILE = /^(?:\.klarrc(?:\.json|\.ya?ml)?|package\.json)$/;
/** How often, at most, the files behind a configuration are checked for changes without a watcher. */
const STALE_CHECK_MS = 1000;

interface Loaded {
  /** Undefined when the file is broken and nothing worked before. */
  config?: KlarConfig;
  generation: number;
  /** Size and modification time of each file the configuration was read from (or failed on). */
  stamps: Map<string, string>;
}

interface WordList {
  words: string[];
  generation: number;
  stamp: string;
}

function stampOf(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** Files a configuration depends on: its own files and the organisation's rule files. */
function filesOf(config: KlarConfig): string[] {
  const files = new Set(config.files);
  // Rule entries name their file relative to the working folder, as the loader prints it.
  for (const term of config.terms) files.add(resolve(term.file));
  return [...files];
}


function normaliseWord(word: string): string {
  return word.normalize('NFC').toLowerCase();
}

export class ProjectConfigs {
  private readonly folderConfig = new Map<string, string | undefined>();
  private readonly loaded = new Map<string, Loaded>();
  /** The last configuration that loaded, per .klarrc: used while the file (or a file it names) is broken. */
  private readonly lastGood = new Map<string, KlarConfig>();
  private readonly wordLists = new Map<string, WordList>();
  private readonly effective = new Map<string, DocumentConfig>();
  /** The problem last shown per file, so that each is shown once. */
  private readonly reported = new Map<string, string>();
  private generation = 0;
  private lastStaleCheck = 0;

  /**
   * @param notify shows a message to the user
   * @param roots the workspace folders
   * @param trusted false in an untrusted workspace: then no .klarrc, rule file or
   *   word list is read (or written), only the built-in rules and the editor's settings
   */
  constructor(
    private readonly notify: (message: string) => void,
    private readonly roots: () => readonly string[],
    private readonly trusted = true,
  ) {}

  /** The configuration for a document at `path` (undefined for an unsaved document). */
  forDocument(path: string | undefined, settings: EditorSettings): DocumentConfig {
    this.dropIfStale();
    const folder = !this.trusted ? undefined : path ? dirname(path) : this.roots()[0];
    const configFile = folder ? this.configFileFor(folder) : undefined;
    const wordsFile = folder ? this.wordsFileFor(folder, configFile) : undefined;
    const project = configFile ? this.load(configFile) : undefined;
    const words = wordsFile ? this.readWords(wordsFile) : undefined;
    const key = `${project?.generation ?? 0}:${words?.generation ?? 0}:${wordsFile ?? ''}:${settingsKey(settings)}`;
    let result = this.effective.get(key);
    if (!result) {
      result = this.build(project?.config, configFile, words?.words ?? [], settings, key, wordsFile);
      this.effective.set(key, result);
    }
    return result;
  }

  /** Forgets everything read from disk; the next request reads the files again. */
  invalidate(): void {
    this.folderConfig.clear();
    this.loaded.clear();
    this.wordLists.clear();
    this.effective.clear();
  }

  /** Whether a changed file can change a configuration: a .klarrc, a package.json, a rule file, a word list. */
  isRelevant(path: string): boolean {
    if (!this.trusted) return false;
    const full = resolve(path);
    if (CONFIG_FILE.test(basename(full)) || full.endsWith(sep + WORDS_FILE)) return true;
    for (const entry of this.loaded.values()) if (entry.stamps.has(full)) return true;
    return false;
  }

  /** Appends a word to the word list (created when missing); false when it is there already. */
  addWord(wordsFile: string, word: string): boolean {
    let text = '';
    try {
      text = readFileSync(wordsFile, 'utf8');
    } catch {
      // A new list.
    }
    const wanted = normaliseWord(word.trim());
    if (parseWordList(text).some((w) => normaliseWord(w) === wanted)) return false;
    mkdirSync(dirname(wordsFile), { recursive: true });
    const head = text === '' || text.endsWith('\n') ? text : `${text}\n`;
    writeFileAtomic(wordsFile, `${head}${word.trim()}\n`);
    this.wordLists.delete(wordsFile);
    return true;
  }

  private configFileFor(folder: string): string | undefined {
    if (!this.folderConfig.has(folder)) this.folderConfig.set(folder, findConfigFile(folder));
    return this.folderConfig.get(folder);
  }

  private wordsFileFor(folder: string, configFile: string | undefined): string {
    if (configFile) return join(dirname(configFile), WORDS_FILE);
    const inside = this.roots()
      .filter((root) => folder === root || folder.startsWith(root.endsWith(sep) ? root : root + sep))
      .sort((a, b) => b.length - a.length)[0];
    return join(inside ?? folder, WORDS_FILE);
  }

  private load(configFile: string): Loaded {
    const known = this.loaded.get(configFile);
    if (known) return known;
    let entry: Loaded;
    try {
      const config = loadConfigFile(configFile);
      entry = { config, generation: ++this.generation, stamps: stampsOf(filesOf(config)) };
      this.lastGood.set(configFile, config);
      this.reported.delete(configFile);
    } catch (error) {
      this.report(configFile, error);
      // Watch the broken file too, so that fixing it is noticed.
      const files = [configFile, ...(brokenFile(error) ?? [])];
      const previous = this.lastGood.get(configFile);
      entry = {
        ...(previous ? { config: previous } : {}),
        generation: ++this.generation,
        stamps: stampsOf([...files, ...(previous ? filesOf(previous) : [])]),
      };
    }
    this.loaded.set(configFile, entry);
    return entry;
  }

  private readWords(file: string): WordList {
    const known = this.wordLists.get(file);
    if (known) return known;
    let words: string[] = [];
    try {
      words = parseWordList(readFileSync(file, 'utf8'));
    } catch {
      // No word list yet.
    }
    const list = { words, generation: ++this.generation, stamp: stampOf(file) };
    this.wordLists.set(file, list);
    return list;
  }

  private build(
    project: KlarConfig | undefined,
    configFile: string | undefined,
    words: string[],
    settings: EditorSettings,
    key: string,
    wordsFile: string | undefined,
  ): DocumentConfig {
    const editor: KlarConfig = {
      ...emptyConfig(),
      ...(settings.language !== 'auto' ? { language: settings.language } : {}),
      ...(settings.profile ? { profile: settings.profile } : {}),
      ...(settings.spelling !== undefined ? { spelling: settings.spelling } : {}),
      rules: { ...settings.rules },
    };
    const withWords = (config: KlarConfig | undefined): KlarConfig =>
      // The project's files win over the editor: a versioned .klarrc gives the same findings here and in CI.
      mergeConfigs(editor, { ...(config ?? emptyConfig()), words: [...(config?.words ?? []), ...words] });
    let merged = withWords(project);
    let configured: ReturnType<typeof configuredRules>;
    try {
      configured = configuredRules(merged);
    } catch (error) {
      // The organisation's terms clash with the built-in rules (a duplicate id).
      this.report(configFile ?? 'settings', error);
      const previous = configFile ? this.lastGood.get(configFile) : undefined;
      merged = withWords(previous && previous !== project ? previous : undefined);
      configured = configuredRules(merged);
    }
    return {
      config: merged,
      rules: configured.rules,
      disabled: configured.disabled,
      ruleById: new Map(configured.rules.map((rule) => [rule.id, rule])),
      knownWords: new Set(merged.words.map(normaliseWord)),
      key,
      ...(wordsFile ? { wordsFile } : {}),
    };
  }

  private report(where: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    if (this.reported.get(where) === message) return;
    this.reported.set(where, message);
    this.notify(`klar: ${message}. Until the file is fixed, klar checks with the last configuration that worked.`);
  }

  /**
   * Without a file watcher (some editors have none) a changed .klarrc, rule file
   * or word list is still noticed: their sizes and times are compared at most
   * once a second.
   */
  private dropIfStale(): void {
    const now = Date.now();
    if (now - this.lastStaleCheck < STALE_CHECK_MS) return;
    this.lastStaleCheck = now;
    let stale = false;
    for (const entry of this.loaded.values()) {
      for (const [file, stamp] of entry.stamps) if (stampOf(file) !== stamp) stale = true;
    }
    for (const [file, list] of this.wordLists) if (stampOf(file) !== list.stamp) stale = true;
    if (stale) this.invalidate();
  }
}

function stampsOf(files: readonly string[]): Map<string, string> {
  return new Map(files.map((file) => [resolve(file), stampOf(file)]));
}

/** The file a configuration error names (`file:line: …`), which may be a rule file the .klarrc lists. */
function brokenFile(error: unknown): string[] | undefined {
  const match = error instanceof Error ? /^(.+?):\d+: /.exec(error.message) : null;
  return match ? [resolve(match[1] as string)] : undefined;
}

export { parseWordList, WORDS_FILE };
