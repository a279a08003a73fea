/**
 * Hover: on a finding, what it is, why it matters (the rule's message and its
 * source), what to write instead; on a heading, the difficulty and LIX of the
 * section it opens.
 */
import { MarkupKind, type Connection, type Hover, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Metrics, SectionReport } from '../../core/types.js';
import type { Finding } from '../analysis.js';
import type { Analysed, Checker } from '../checker.js';
import { rangeOf, rulePageUrl } from '../convert.js';
import type { ServerStrings } from '../strings.js';

export interface HoverOptions {
  /** The client renders Markdown in hovers; otherwise plain text is sent. */
  markdown: boolean;
}

export function registerHover(connection: Connection, documents: TextDocuments<TextDocument>, checker: Checker, options: HoverOptions): void {
  connection.onHover(async (params, token): Promise<Hover | null> => {
    const analysed = await checker.current(params.textDocument.uri, token);
    const doc = documents.get(params.textDocument.uri);
    if (!analysed || !doc || doc.version !== analysed.version) return null;
    const offset = doc.offsetAt(params.position);
    const here = analysed.findings.filter((f) => f.offset <= offset && offset < f.endOffset);
    const text = new Text(options.markdown);
    if (here.length > 0) {
      here.forEach((finding, i) => {
        if (i > 0) text.rule();
        describeFinding(text, finding, analysed, checker.strings);
      });
      const first = here[0] as Finding;
      return { contents: text.markup(), range: rangeOf(analysed.lines, first.offset, first.endOffset) };
    }
    const heading = analysed.blocks.find((b) => b.kind === 'heading' && b.start <= offset && offset <= b.end);
    const section = heading ? analysed.stats().sections.find((s) => s.offset === heading.start) : undefined;
    if (!heading || !section) return null;
    describeSection(text, section, checker.strings);
    return { contents: text.markup(), range: rangeOf(analysed.lines, heading.start, heading.end) };
  });
}

function describeFinding(text: Text, finding: Finding, analysed: Analysed, strings: ServerStrings): void {
  const rule = analysed.config.ruleById.get(finding.ruleId);
  const category = strings.ui.categories[finding.category] ?? finding.category;
  text.line(`${text.bold(capitalise(category))} · ${text.code(finding.ruleId)}`);
  text.paragraph(text.escape(finding.message));
  if (finding.messageEn !== finding.message && strings.locale !== languageOfText(finding, analysed)) {
    text.paragraph(`${text.italic(strings.inEnglish)}: ${text.escape(finding.messageEn)}`);
  }
  if (finding.suggestions.length > 0) text.paragraph(`${text.bold(strings.ui.suggestions)}: ${finding.suggestions.map((s) => text.escape(s)).join(', ')}`);
  if (finding.explanation) text.paragraph(`${text.bold(strings.ui.explanation)}: ${text.escape(finding.explanation)}`);
  if (rule?.source) text.paragraph(`${text.bold(strings.source)}: ${text.escape(rule.source)}`);
  const href = rulePageUrl(analysed.settings.docsUrl, finding.ruleId);
  if (href) text.paragraph(text.link(strings.rulePage, href));
}

function describeSection(text: Text, section: SectionReport, strings: ServerStrings): void {
  const ui = strings.ui;
  text.line(text.bold(`${strings.section}: ${text.escape(section.heading ?? ui.beforeFirstHeading)}`));
  text.paragraph(scoreLine(section.metrics, strings));
  text.paragraph(`${ui.words(section.metrics.words)}, ${ui.sentences(section.metrics.sentences)}`);
}

/** "Difficulty 42 (medium) · LIX 38 (medium)", as far as the scores are defined. */
export function scoreLine(metrics: Metrics, strings: ServerStrings): string {
  const parts: string[] = [];
  if (metrics.difficulty !== null) {
    parts.push(`${capitalise(strings.ui.difficulty)} ${Math.round(metrics.difficulty)}${metrics.difficultyBand ? ` (${metrics.difficultyBand})` : ''}`);
  }
  if (metrics.lix !== null) parts.push(`LIX ${Math.round(metrics.lix)}${metrics.lixBand ? ` (${metrics.lixBand})` : ''}`);
  return parts.length > 0 ? parts.join(' · ') : `${capitalise(strings.ui.difficulty)} –`;
}

function languageOfText(finding: Finding, analysed: Analysed): string {
  return analysed.blocks.find((b) => b.start <= finding.offset && finding.offset < b.end)?.language ?? analysed.language;
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Hover text as Markdown or as plain text, whichever the client shows. */
class Text {
  private readonly parts: string[] = [];
  constructor(private readonly markdown: boolean) {}

  line(s: string): void {
    this.parts.push(s);
  }
  paragraph(s: string): void {
    this.parts.push('', s);
  }
  rule(): void {
    this.parts.push('', this.markdown ? '---' : '', '');
  }
  bold(s: string): string {
    return this.markdown ? `**${s}**` : s;
  }
  italic(s: string): string {
    return this.markdown ? `*${s}*` : s;
  }
  code(s: string): string {
    return this.markdown ? `\`${s}\`` : s;
  }
  link(label: string, href: string): string {
    return this.markdown ? `[${this.escape(label)}](${href})` : `${label}: ${href}`;
  }
  /** Messages may hold `*`, `_` or brackets that Markdown would read as markup. */
  escape(s: string): string {
    return this.markdown ? s.replace(/[\\`*_[\]<>|]/g, '\\$&') : s;
  }
  markup(): { kind: MarkupKind; value: string } {
    return { kind: this.markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: this.parts.join('\n') };
  }
}
