/**
 * The editor's `klar` settings (workspace/configuration, section "klar"), read
 * leniently: a value of the wrong type is ignored, never fatal, so a typo in a
 * user's settings.json cannot stop the checks.
 */
import { LANGUAGES, PROFILES, type Language, type Profile } from '../core/types.js';
import type { RuleSetting } from '../node/config.js';

export interface EditorSettings {
  /** `auto` leaves the choice to the project's .klarrc, or to detection. */
  language: Language | 'auto';
  /** Undefined leaves the choice to the project's .klarrc (default plain). */
  profile?: Profile;
  rules: Record<string, RuleSetting>;
  spelling?: boolean;
  /** Language ids of the documents klar checks. */
  languageIds: string[];
  /** Where docs/rules is published; diagnostics link `<docsUrl>/<rule id>.md`. */
  docsUrl?: string;
  /** A code lens per heading with its section's difficulty. */
  codeLens: boolean;
}

export const DEFAULT_LANGUAGE_IDS: readonly string[] = ['plaintext', 'markdown', 'html'];

export function defaultSettings(): EditorSettings {
  return { language: 'auto', rules: {}, languageIds: [...DEFAULT_LANGUAGE_IDS], codeLens: false };
}

const RULE_SETTINGS: readonly string[] = ['off', 'error', 'warning', 'info'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Settings from whatever the client sent; unknown or mistyped values fall back to the defaults. */
export function parseSettings(raw: unknown): EditorSettings {
  const settings = defaultSettings();
  if (!isRecord(raw)) return settings;
  if (typeof raw.language === 'string' && (raw.language === 'auto' || (LANGUAGES as readonly string[]).includes(raw.language))) {
    settings.language = raw.language as Language | 'auto';
  }
  if (typeof raw.profile === 'string' && (PROFILES as readonly string[]).includes(raw.profile)) settings.profile = raw.profile as Profile;
  if (isRecord(raw.rules)) {
    for (const [id, value] of Object.entries(raw.rules)) {
      if (typeof value === 'string' && RULE_SETTINGS.includes(value)) settings.rules[id] = value as RuleSetting;
    }
  }
  if (typeof raw.spelling === 'boolean') settings.spelling = raw.spelling;
  if (Array.isArray(raw.languageIds)) settings.languageIds = raw.languageIds.filter((id): id is string => typeof id === 'string');
  if (typeof raw.docsUrl === 'string' && raw.docsUrl.trim() !== '') settings.docsUrl = raw.docsUrl.trim();
  if (typeof raw.codeLens === 'boolean') settings.codeLens = raw.codeLens;
  return settings;
}

/** A stable text for the settings that change findings: equal text, equal findings. */
export function settingsKey(settings: EditorSettings): string {
  return JSON.stringify([settings.language, settings.profile ?? '', Object.entries(settings.rules).sort(), settings.spelling ?? '']);
}
