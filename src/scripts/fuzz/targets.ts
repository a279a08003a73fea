/**
 * The in-process fuzz targets: the core analyser, and the Markdown and HTML front
 * ends followed by the analysis of their prose mask, as `klar check` runs them.
 */
import fc from 'fast-check';
import { applySuppressions } from '../../cli/suppress.js';
import { analyse } from '../../core/analyse.js';
import type { AnalyseOptions, Language, Profile, Report, Resources, TextBlock } from '../../core/types.js';
import type { RuleEntry } from '../../core/rules/types.js';
import { htmlDocument } from '../../formats/html.js';
import { markdownDocument, parseMarkdown } from '../../formats/markdown.js';
import type { TextDocument } from '../../formats/text.js';
import { DocumentError } from '../../formats/types.js';
import { configuredRules, emptyConfig } from '../../node/config.js';
import { loadResources } from '../../node/resources.js';
import { FUZZ_LANGUAGES, htmlText, markdownText, plainText, type Material } from './generate.js';
import { checkReport, checkSame, checkSpan, fail, lineStarts, splitProblem } from './invariants.js';

/** What every target needs once: the rules and the resources `klar check` loads. */
export interface FuzzEnv {
  rules: RuleEntry[];
  disabled: Set<string>;
  /** Frequency tables and morphology, without Hunspell (what a text without line-end hyphens gets). */
  plain: Resources;
  /** The same with the Hunspell lexicons (line-end hyphens, spelling). */
  lexicons: Resources;
}

export async function fuzzEnv(): Promise<FuzzEnv> {
  const { rules, disabled } = configuredRules(emptyConfig());
  const plain = await loadResources(FUZZ_LANGUAGES, { lexicons: false });
  const lexicons = await loadResources(FUZZ_LANGUAGES, { lexicons: true });
  return { rules, disabled, plain, lexicons };
}

export interface AnalysisSettings {
  language: Language | 'auto' | undefined;
  declared: Language | undefined;
  profile: Profile;
  lexicons: boolean;
  spelling: boolean;
}

export const analysisSettings: fc.Arbitrary<AnalysisSettings> = fc.record({
  language: fc.constantFrom(undefined, 'auto' as const, ...FUZZ_LANGUAGES),
  declared: fc.constantFrom(undefined, undefined, undefined, ...FUZZ_LANGUAGES),
  profile: fc.constantFrom<Profile>('plain', 'easy-read'),
  lexicons: fc.boolean(),
  spelling: fc.boolean(),
});

function options(env: FuzzEnv, settings: AnalysisSettings, blocks?: readonly TextBlock[]): AnalyseOptions {
  return {
    ...(settings.language ? { language: settings.language } : {}),
    ...(settings.declared ? { declaredLanguage: settings.declared } : {}),
    profile: settings.profile,
    resources: settings.lexicons ? env.lexicons : env.plain,
    rules: env.rules,
    disabled: env.disabled,
    spelling: settings.spelling && settings.lexicons,
    ...(blocks ? { blocks } : {}),
  };
}

/** Runs `fn` and reports any exception as a violation with the stack's first lines. */
function noThrow<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof Error && error.name === 'Violation') throw error;
    const detail = error instanceof Error ? (error.stack ?? error.message).split('\n').slice(0, 6).join('\n') : String(error);
    return fail(`${what} threw: ${detail}`);
  }
}

// ---------------------------------------------------------------------------
// Core

export interface CoreInput {
  text: string;
  settings: AnalysisSettings;
}

export function coreInput(m: Material): fc.Arbitrary<CoreInput> {
  return fc.record({ text: plainText(m), settings: analysisSettings });
}

/** analyse() on the text: no exception, valid ranges, and the same JSON twice. */
export function checkCore(env: FuzzEnv, input: CoreInput): void {
  const { text, settings } = input;
  const first = noThrow('analyse', () => analyse(text, options(env, settings)));
  checkReport(first, text);
  const second = noThrow('analyse (again)', () => analyse(text, options(env, settings)));
  checkSame(JSON.stringify(first), JSON.stringify(second), 'analyse');
}

// ---------------------------------------------------------------------------
// Markdown and HTML front ends

export interface FormatInput {
  format: 'markdown' | 'html';
  source: string;
  settings: AnalysisSettings;
}

export function formatInput(m: Material, format?: 'markdown' | 'html'): fc.Arbitrary<FormatInput> {
  const markdown = fc.record({ format: fc.constant('markdown' as const), source: markdownText(m), settings: analysisSettings });
  const html = fc.record({ format: fc.constant('html' as const), source: htmlText(m), settings: analysisSettings });
  if (format === 'markdown') return markdown;
  if (format === 'html') return html;
  return fc.oneof(markdown, html);
}

/** Offsets where a character reference (`&…;`) may have put a decoded character in the mask. */
function nearReference(source: string, i: number): boolean {
  const from = source.lastIndexOf('&', i);
  return from >= 0 && i - from < 48;
}

/** The prose mask: as long as the source, the same line breaks, each character prose, a space or a reference's. */
function checkMask(doc: TextDocument, source: string): void {
  const { text } = doc;
  if (text.length !== source.length) fail(`mask is ${text.length} long, source ${source.length}`);
  for (let i = 0; i < text.length; i++) {
    const m = text.charCodeAt(i);
    const s = source.charCodeAt(i);
    if (m === s) continue;
    if (m === 10 || m === 13 || s === 10 || s === 13) fail(`mask changes a line break at ${i}: source ${s}, mask ${m}`);
    if (m === 32) continue;
    if (m === 0x034f || nearReference(source, i)) continue;
    fail(`mask has ${JSON.stringify(text[i])} at ${i} where the source has ${JSON.stringify(source[i])}`);
  }
  const starts = lineStarts(text);
  let reach = 0;
  (doc.blocks ?? []).forEach((b, k) => {
    const what = `block ${k} (${b.kind})`;
    if (!(b.start <= b.contentStart && b.contentStart <= b.end)) fail(`${what}: start ${b.start}, content ${b.contentStart}, end ${b.end} out of order`);
    if (b.start < reach) fail(`${what}: overlaps the block before (starts ${b.start}, previous ends ${reach})`);
    if (b.end > text.length) fail(`${what}: ends at ${b.end}, past the text (${text.length})`);
    reach = b.end;
    for (const [name, o] of [['start', b.start], ['content start', b.contentStart], ['end', b.end]] as const) {
      const problem = splitProblem(text, o);
      if (problem) fail(`${what}: ${name} ${problem} at ${o}`);
    }
  });
  for (const [k, s] of (doc.suppressions ?? []).entries()) {
    if (s.offset < 0 || s.offset >= source.length) fail(`suppression ${k}: offset ${s.offset} outside the source`);
    let line = 0;
    while (line < starts.length && (starts[line] as number) <= s.offset) line++;
    if (line !== s.line) fail(`suppression ${k}: line ${s.line}, but offset ${s.offset} is on line ${line}`);
  }
}

function readFormat(format: 'markdown' | 'html', source: string): TextDocument | undefined {
  try {
    return format === 'markdown' ? markdownDocument('fuzz.md', source) : htmlDocument('fuzz.html', source);
  } catch (error) {
    // Refusing absurd nesting with a message is allowed; any other exception is not.
    if (error instanceof DocumentError) return undefined;
    throw error;
  }
}

/** What `klar check` reports for the document (before locators): analysis, suppressions, findings in order. */
function checkDocument(env: FuzzEnv, doc: TextDocument, settings: AnalysisSettings): Report {
  const report = analyse(doc.text, {
    ...options(env, settings, doc.blocks),
    ...(doc.documentLanguage && !settings.declared ? { declaredLanguage: doc.documentLanguage } : {}),
  });
  const { kept } = applySuppressions(report.diagnostics, doc.suppressions ?? []);
  return { ...report, diagnostics: kept.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset) };
}

/**
 * The front end, then the analysis of its mask: no exception, a valid mask and
 * valid blocks, findings at valid places of the source, the same JSON twice; and
 * for Markdown, parsing in pieces (how long documents are read) gives what
 * parsing whole gives.
 */
export function checkFormat(env: FuzzEnv, input: FormatInput, compareChunks = true): void {
  const { format, source, settings } = input;
  const doc = noThrow(`${format} front end`, () => readFormat(format, source));
  if (!doc) return;
  checkMask(doc, source);
  const report = noThrow(`analyse (${format})`, () => checkDocument(env, doc, settings));
  checkReport(report, doc.text);
  // Mapped back to the source: the same offsets, and line/column agree with the source's lines.
  const sourceStarts = lineStarts(source);
  report.diagnostics.forEach((d, i) => checkSpan(source, sourceStarts, d, `finding ${i} (${d.ruleId}) in the source`));
  const again = noThrow(`${format} front end (again)`, () => readFormat(format, source));
  const second = noThrow(`analyse (${format}, again)`, () => checkDocument(env, again as TextDocument, settings));
  checkSame(JSON.stringify({ doc, report }), JSON.stringify({ doc: again, report: second }), format);
  if (format === 'markdown' && compareChunks) {
    const pieces = noThrow('markdown in pieces', () => parseMarkdown(source, { chunkSize: 64 }));
    const whole = noThrow('markdown whole', () => parseMarkdown(source, { chunkSize: Number.MAX_SAFE_INTEGER }));
    checkSame(JSON.stringify(whole), JSON.stringify(pieces), 'Markdown parsed whole vs in pieces of 64 characters');
  }
}

// ---------------------------------------------------------------------------
// One-megabyte inputs

export interface HugeCase {
  kind: string;
  text: string;
  target: 'core' | 'markdown' | 'html';
  settings: AnalysisSettings;
}

export function checkHuge(env: FuzzEnv, input: HugeCase): void {
  if (input.target === 'core') checkCore(env, { text: input.text, settings: input.settings });
  // Parsing a megabyte of Markdown whole is what the pieces avoid (micromark is quadratic on it).
  else checkFormat(env, { format: input.target, source: input.text, settings: input.settings }, false);
}
