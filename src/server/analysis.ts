/**
 * The server's analysis of one document version, incremental where the core's
 * results allow it.
 *
 * `analyse()` works on a whole document. Almost everything it finds belongs to one
 * block (heading, paragraph, list item): sentences never cross blocks, rules look
 * at one sentence, and a block's language depends only on its own text and the
 * document's language. So each block is analysed on its own — `analyse()` on the
 * block's text with the block given — and the result is cached under the block's
 * text and everything that can change it (kind, language, configuration,
 * resources). After an edit only the changed blocks run again; the others are
 * shifted to their new place. What depends on the whole text is done here, once
 * per version, the way `analyse()` does it: the document language (detected on
 * the whole text), an easy-read word reported once per text, inline suppressions,
 * and the document and section scores, which are measured from each block's
 * cached words without running any rule.
 *
 * The easy-read profile also flags uncommon words that the text explains nowhere,
 * which depends on every sentence; in that profile the whole text is analysed at
 * once (easy-read texts are short).
 */
import { analyse } from '../core/analyse.js';
import { measure } from '../core/metrics/measure.js';
import type { MeasuredWord } from '../core/metrics/measure.js';
import { segmentBlock, splitBlocks } from '../core/text/segment.js';
import { LineIndex } from '../core/text/line-index.js';
import { thresholdsFor } from '../core/thresholds.js';
import type {
  AnalyseOptions,
  BlockKind,
  Diagnostic,
  Language,
  Metrics,
  Profile,
  Report,
  Resources,
  SectionReport,
  TextBlock,
} from '../core/types.js';
import { applySuppressions, missingReasons } from '../cli/suppress.js';
import { htmlDocument } from '../formats/html.js';
import { markdownDocument } from '../formats/markdown.js';
import { textDocument, type TextDocument } from '../formats/text.js';
import type { Suppression } from '../formats/types.js';
import { loadResources, lexiconLanguages } from '../node/resources.js';
import { resplitBlocks } from './blocks.js';
import type { DocumentConfig } from './project.js';

export type Format = 'text' | 'markdown' | 'html';

/** A finding as the user sees it, with the place of a second occurrence where there is one. */
export interface Finding extends Diagnostic {
  /** Consistency findings: where the text uses the form of its own written standard. */
  related?: { offset: number; endOffset: number; word: string };
}

export interface AnalysedBlock {
  kind: BlockKind;
  start: number;
  end: number;
  language: Language;
}

export interface DocumentStatsData {
  metrics: Metrics;
  sections: SectionReport[];
  /** Every sentence with its length in words, in text order. */
  sentences: { offset: number; endOffset: number; words: number }[];
}

export interface DocumentAnalysis {
  format: Format;
  /** What the core analysed: for Markdown and HTML the prose with markup blanked out, as long as the source. */
  text: string;
  source: string;
  lines: LineIndex;
  language: Language;
  languageSource: Report['languageSource'];
  profile: Profile;
  blocks: AnalysedBlock[];
  /** After inline suppressions, in text order: what `klar check` reports for the same file. */
  findings: Finding[];
  suppressions: readonly Suppression[];
  /** Document and section scores, measured on first use. */
  stats(): DocumentStatsData;
  /** Blocks analysed in this run (the others came from the cache). */
  analysedBlocks: number;
}

/** One block's results, reusable as long as its key is unchanged. */
interface BlockEntry {
  key: string;
  /** The block's text, its own copy (see `ownCopy`). */
  text: string;
  report: Report;
  /** Words and sentence lengths for the document scores, segmented on first use. */
  measured?: { words: MeasuredWord[]; sentenceLengths: number[] };
}

/** The last finished version of a plain-text document: what the next edit is compared with. */
interface LastVersion {
  fingerprint: string;
  text: string;
  blocks: TextBlock[];
  entries: BlockEntry[];
  /** Per block: its findings at their place in that version, and the block's first line. */
  placed: Diagnostic[][];
  lines: number[];
}

/** Per document: block results by key, and the last version for re-splitting after an edit. */
export interface BlockCache {
  entries: Map<string, BlockEntry>;
  last?: LastVersion;
}

export function newBlockCache(): BlockCache {
  return { entries: new Map() };
}

export interface AnalysisInput {
  text: string;
  format: Format;
  config: DocumentConfig;
  cache: BlockCache;
  /** True once a newer version or a closed document made this run pointless. */
  stopped(): boolean;
}

/** Work between two yields to the event loop, so requests and newer edits get through. */
const SLICE_MS = 8;
/** Unused results kept beyond the current blocks, for undo and for text typed and deleted again. */
const SPARE_ENTRIES = 256;

const NORWEGIAN = new Set<Language>(['nb', 'nn']);
const ALL_LANGUAGES: Language[] = ['sv', 'fi', 'nb', 'nn', 'en'];

function sameFamily(a: Language, b: Language): boolean {
  return a === b || (NORWEGIAN.has(a) && NORWEGIAN.has(b));
}

/**
 * A copy of a string that shares no memory with the string it came from. V8
 * represents `text.slice()` as a view of the whole text, and so does every
 * excerpt cut from that slice: a cached block result would keep the whole
 * document of its version alive, and an editing session would pile up one
 * document per edit.
 */
function ownCopy(s: string): string {
  return Buffer.from(s, 'utf16le').toString('utf16le');
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The front end for the editor's text, which is already decoded: the same
 * readers `readDocument` uses after decoding the file's bytes.
 */
function readEditorText(format: Format, source: string): TextDocument {
  switch (format) {
    case 'markdown':
      return markdownDocument('document.md', source);
    case 'html':
      return htmlDocument('document.html', source);
    case 'text':
      return textDocument(source);
  }
}

/**
 * Analyses one version of a document. Resolves to undefined when `stopped()`
 * turned true on the way (the work is then thrown away); throws a DocumentError
 * for text the front end cannot read.
 */
export async function analyseDocument(input: AnalysisInput): Promise<DocumentAnalysis | undefined> {
  const { config: doc, format, cache } = input;
  const source = input.text;
  const document = readEditorText(format, source);
  const text = document.text;
  const config = doc.config;
  const lang = config.language;
  const declared = document.documentLanguage;
  const spelling = config.spelling ?? false;
  const profile: Profile = config.profile ?? 'plain';
  const resources = await loadResources(ALL_LANGUAGES, { lexicons: false });
  if (input.stopped()) return undefined;
  const options: AnalyseOptions = {
    language: lang,
    ...(declared ? { declaredLanguage: declared } : {}),
    profile,
    resources,
    rules: doc.rules,
    disabled: doc.disabled,
    thresholds: config.thresholds,
    knownWords: doc.knownWords,
    spelling,
  };
  // The document's language, decided on the whole text as analyse() decides it (no blocks: nothing else runs).
  let head = analyse(text, { ...options, rules: [], blocks: [] });
  const guess = head.languageSource === 'default' ? undefined : head.language;
  const lexicons = lexiconLanguages(text, guess, spelling);
  if (lexicons.length > 0) {
    resources.lexicons = (await loadResources(lexicons, { lexicons: true })).lexicons;
    if (input.stopped()) return undefined;
    // Lexicons help tell bokmål from nynorsk: decide again with them, as `klar check` does.
    head = analyse(text, { ...options, rules: [], blocks: [] });
  }
  const lines = new LineIndex(text);
  const base = { format, text, source, lines, profile, suppressions: document.suppressions ?? [] };

  if (profile === 'easy-read') {
    const report = analyse(text, { ...options, ...(document.blocks ? { blocks: document.blocks } : {}) });
    cache.entries.clear();
    cache.last = undefined;
    return {
      ...base,
      language: report.language,
      languageSource: report.languageSource,
      blocks: report.paragraphs.map((p) => ({ kind: p.kind, start: p.offset, end: p.endOffset, language: p.language })),
      findings: visible(report.diagnostics, base.suppressions, source, config.requireSuppressionReason, text),
      stats: () => ({
        metrics: report.metrics,
        sections: report.sections,
        sentences: report.sentences.map((x) => ({ offset: x.offset, endOffset: x.endOffset, words: x.words })),
      }),
      analysedBlocks: report.paragraphs.length,
    };
  }

  const blockOptions: AnalyseOptions =
    head.languageSource === 'option' ? options : { ...options, language: 'auto', declaredLanguage: head.language };
  const fingerprint = [doc.key, head.language, head.languageSource === 'option' ? 'forced' : '', lexicons.join(','), profile].join('\u0001');

  // Plain text after an edit: split again only around the edit, keep the other blocks' results.
  const last = format === 'text' && cache.last?.fingerprint === fingerprint ? cache.last : undefined;
  const split = last ? resplitBlocks(last.text, last.blocks, text) : undefined;
  const blocks: readonly TextBlock[] = split?.blocks ?? document.blocks ?? splitBlocks(text);
  const from = split?.from ?? 0;
  const to = split?.to ?? blocks.length;

  const entries: BlockEntry[] = new Array<BlockEntry>(blocks.length);
  const placed: Diagnostic[][] = new Array<Diagnostic[]>(blocks.length);
  const startLines: number[] = new Array<number>(blocks.length);
  let analysedBlocks = 0;
  let sliceStart = performance.now();
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as TextBlock;
    if (last && split && i < from) {
      // Before the edit: same place, same results.
      entries[i] = last.entries[i] as BlockEntry;
      placed[i] = last.placed[i] as Diagnostic[];
      startLines[i] = last.lines[i] as number;
      continue;
    }
    if (last && split && i >= to) {
      // After the edit: the same results, moved by as many characters and lines as the edit added.
      const old = split.oldTo + (i - to);
      const line = lines.point(block.start).line;
      const lineDelta = line - (last.lines[old] as number);
      entries[i] = last.entries[old] as BlockEntry;
      startLines[i] = line;
      placed[i] =
        split.delta === 0 && lineDelta === 0
          ? (last.placed[old] as Diagnostic[])
          : (last.placed[old] as Diagnostic[]).map((d) => ({
              ...d,
              offset: d.offset + split.delta,
              endOffset: d.endOffset + split.delta,
              line: d.line + lineDelta,
              endLine: d.endLine + lineDelta,
            }));
      continue;
    }
    const slice = text.slice(block.start, block.end);
    const key = `${fingerprint}\u0001${block.kind}\u0001${block.contentStart - block.start}\u0001${block.language ?? ''}\u0001${slice}`;
    let entry = cache.entries.get(key);
    if (!entry) {
      const own = ownCopy(slice);
      const local: TextBlock = { ...block, start: 0, contentStart: block.contentStart - block.start, end: block.end - block.start };
      entry = { key: ownCopy(key), text: own, report: analyse(own, { ...blockOptions, blocks: [local] }) };
      // Kept at once: if a newer edit stops this run, the next one starts from here.
      cache.entries.set(entry.key, entry);
      analysedBlocks++;
    }
    entries[i] = entry;
    startLines[i] = lines.point(block.start).line;
    placed[i] = entry.report.diagnostics.map((d) => ({ ...d, ...lines.span(d.offset + block.start, d.endOffset + block.start) }));
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToEventLoop();
      if (input.stopped()) return undefined;
      sliceStart = performance.now();
    }
  }
  if (cache.entries.size > entries.length + SPARE_ENTRIES) cache.entries = new Map(entries.map((e) => [e.key, e]));
  cache.last = format === 'text' ? { fingerprint, text, blocks: [...blocks], entries, placed, lines: startLines } : undefined;

  const analysed: AnalysedBlock[] = [];
  const all: Diagnostic[] = [];
  const explainedOnce = new Set<string>();
  blocks.forEach((block, i) => {
    const report = (entries[i] as BlockEntry).report;
    analysed.push({ kind: block.kind, start: block.start, end: block.end, language: report.paragraphs[0]?.language ?? head.language });
    for (const d of placed[i] as Diagnostic[]) {
      // As in the core: an easy-read word is explained once per text, not in every block.
      if (d.category === 'easy-read') {
        if (explainedOnce.has(d.ruleId)) continue;
        explainedOnce.add(d.ruleId);
      }
      all.push(d);
    }
  });

  let stats: DocumentStatsData | undefined;
  return {
    ...base,
    language: head.language,
    languageSource: head.languageSource,
    blocks: analysed,
    findings: visible(all, base.suppressions, source, config.requireSuppressionReason, text),
    stats: () => (stats ??= measureDocument(text, lines, blocks, entries, head.language, profile, options, resources)),
    analysedBlocks,
  };
}

/** Suppressions applied and the suppression audit added, as `klar check` does. */
function visible(diagnostics: Diagnostic[], suppressions: readonly Suppression[], source: string, requireReason: boolean | undefined, text: string): Finding[] {
  const { kept } = applySuppressions(diagnostics, suppressions);
  let lines: string[] | undefined;
  const extra = requireReason ? missingReasons(suppressions, (line) => (lines ??= source.split(/\r\n|\r|\n/))[line - 1] ?? '') : [];
  const findings: Finding[] = [...kept, ...extra].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  return withRelated(findings, text);
}

const LETTERS = /\p{L}/u;

/**
 * A consistency finding (a nynorsk form in a bokmål text) has a second place:
 * where the text writes the form of its own standard, which shows what the text is.
 */
function withRelated(findings: Finding[], text: string): Finding[] {
  const found = new Map<string, RegExpExecArray | null>();
  return findings.map((f) => {
    const word = f.category === 'consistency' ? f.suggestions[0]?.toLowerCase() : undefined;
    if (!word || !LETTERS.test(word)) return f;
    let at = found.get(word);
    if (at === undefined) {
      at = new RegExp(`(?<![\\p{L}\\p{M}])${escapeRegExp(word)}(?![\\p{L}\\p{M}])`, 'iu').exec(text);
      found.set(word, at);
    }
    return at ? { ...f, related: { offset: at.index, endOffset: at.index + at[0].length, word: at[0] } } : f;
  });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Document and section scores from the cached blocks, computed as analyse()
 * computes them: words of the blocks in the document's language family, sections
 * opened by each heading. Blocks are segmented again only the first time.
 */
function measureDocument(
  text: string,
  lines: LineIndex,
  blocks: readonly TextBlock[],
  entries: BlockEntry[],
  language: Language,
  profile: Profile,
  options: AnalyseOptions,
  resources: Resources,
): DocumentStatsData {
  const limit = thresholdsFor(language, profile, options.thresholds).sentenceWords;
  const frequency = resources.frequency?.[language];
  const measured = blocks.map((block, i) => {
    const entry = entries[i] as BlockEntry;
    if (!entry.measured) {
      const paragraphLanguage = entry.report.paragraphs[0]?.language ?? language;
      const local: TextBlock = { ...block, start: 0, contentStart: block.contentStart - block.start, end: block.end - block.start };
      const model = segmentBlock(entry.text, local, paragraphLanguage, {
        lexicon: resources.lexicons?.[paragraphLanguage],
        frequency: resources.frequency?.[paragraphLanguage],
      });
      const words: MeasuredWord[] = [];
      const sentenceLengths: number[] = [];
      for (const s of model.sentences) {
        if (s.words.length === 0) continue;
        sentenceLengths.push(s.words.length);
        for (const w of s.words) words.push({ form: w.form, letters: w.letters });
      }
      entry.measured = { words, sentenceLengths };
    }
    return { block, entry, measured: entry.measured, inLanguage: sameFamily(entry.report.paragraphs[0]?.language ?? language, language) };
  });
  const measureOf = (members: typeof measured): Metrics => {
    const words: MeasuredWord[] = [];
    const sentenceLengths: number[] = [];
    for (const m of members) {
      if (!m.inLanguage) continue;
      for (const w of m.measured.words) words.push(w);
      for (const n of m.measured.sentenceLengths) sentenceLengths.push(n);
    }
    return measure({ language, profile, words, sentenceLengths, sentenceLimit: limit, ...(frequency ? { frequency } : {}) });
  };

  const sections: SectionReport[] = [];
  let current: { heading: string | null; start: number; end: number; members: typeof measured } | undefined;
  const close = (): void => {
    if (!current) return;
    sections.push({ index: sections.length, heading: current.heading, ...lines.span(current.start, current.end), metrics: measureOf(current.members) });
  };
  for (const m of measured) {
    if (m.block.kind === 'heading' || !current) {
      close();
      const first = m.entry.report.sentences[0];
      const heading = m.block.kind === 'heading' ? text.slice(first ? first.offset + m.block.start : m.block.start, m.block.end) : null;
      current = { heading, start: m.block.start, end: m.block.end, members: [] };
    }
    current.members.push(m);
    current.end = m.block.end;
  }
  close();
  const sentences = blocks.flatMap((block, i) =>
    (entries[i] as BlockEntry).report.sentences.map((x) => ({ offset: x.offset + block.start, endOffset: x.endOffset + block.start, words: x.words })),
  );
  return { metrics: measureOf(measured), sections, sentences };
}
