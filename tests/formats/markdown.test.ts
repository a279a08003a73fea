import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { readDocument } from '../../src/formats/index.js';
import { parseMarkdown } from '../../src/formats/markdown.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'text');

/** Where `needle` first is in `source` from `from` on, as an editor shows it: 1-based line and column. */
function where(source: string, needle: string, from = 0): { line: number; column: number; offset: number } {
  const offset = source.indexOf(needle, from);
  if (offset === -1) throw new Error(`"${needle}" is not in the source`);
  const before = source.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length, column: (before[before.length - 1] as string).length + 1, offset };
}

async function guide() {
  const path = join(fixtures, 'vagledning.md');
  const doc = await readDocument(path, readFileSync(path));
  return { doc, source: doc.source as string };
}

describe('Markdown front end', () => {
  it('keeps the text as long as the source, with every line break in place', async () => {
    const { doc, source } = await guide();
    expect(doc.format).toBe('markdown');
    expect(doc.encoding).toEqual({ name: 'utf-8', bom: false, lineEnding: 'lf' });
    expect(doc.text).toHaveLength(source.length);
    const breaks = (s: string) => [...s.matchAll(/\n/g)].map((m) => m.index);
    expect(breaks(doc.text)).toEqual(breaks(source));
  });

  it('reports long words at their line and column in the Markdown file', async () => {
    const { doc, source } = await guide();
    const report = JSON.parse(JSON.stringify(analyse(doc.text, { blocks: doc.blocks })));
    const longWords = report.diagnostics.filter((d: { ruleId: string }) => d.ruleId === 'long-word');
    expect(longWords.map((d: { excerpt: string }) => d.excerpt)).toEqual([
      'arbetsmarknadsutbildningen',
      'socialförsäkringsbalksbestämmelserna',
      'personalutbildningsverksamheten',
    ]);
    // The first word is also in the front matter; the finding is the one in the prose.
    expect(longWords[0]).toMatchObject({ line: 8, column: 19 });
    const body = source.indexOf('# Så söker');
    for (const d of longWords) {
      expect({ line: d.line, column: d.column, offset: d.offset }).toEqual(where(source, d.excerpt, body));
      expect(source.slice(d.offset, d.endOffset)).toBe(d.excerpt);
    }
  });

  it('never reports front matter, code, inline code, URLs or link titles', async () => {
    const { doc } = await guide();
    const report = analyse(doc.text, { blocks: doc.blocks, thresholds: { wordLetters: 12 } });
    const found = report.diagnostics.map((d) => d.excerpt.toLowerCase()).join(' ');
    for (const hidden of [
      'konfigurationshanteringssystemet',
      'bostadsanpassningsbidragsansokan',
      'informationsöverföringsprocessen',
      'folkbokforingsadressandringen',
      'kommandoradsgränssnittsinställningarna',
      'upphandlingsmyndighetsföreskrifterna',
      'arbetsförmedlingsadministrationssystemet',
      'kontorsbyggnadsplaneringsavdelningen',
    ]) {
      expect(found).not.toContain(hidden);
      expect(doc.text).not.toContain(hidden);
    }
    // The markup around prose is gone, the words themselves stay.
    expect(doc.text).not.toMatch(/[#*`|>[\]]/);
    expect(doc.text).not.toContain('klar-disable');
  });

  it('keeps link text and image alt text as prose, at their source positions', async () => {
    const { doc, source } = await guide();
    for (const prose of ['vår sida om utbildningar', 'Karta över kontoret i centrum', 'ansökan']) {
      const { offset } = where(source, prose);
      expect(doc.text.slice(offset, offset + prose.length)).toBe(prose);
    }
  });

  it('gives one block per heading, paragraph, list item and table cell', async () => {
    const { doc, source } = await guide();
    const blocks = (doc.blocks ?? []).map((b) => [b.kind, doc.text.slice(b.contentStart, b.end).replace(/\s+/g, ' ')]);
    expect(blocks).toEqual([
      ['heading', 'Så söker du en utbildning'],
      ['paragraph', 'Kommunen erbjuder arbetsmarknadsutbildningen till dig som saknar arbete. Läs mer på vår sida om utbildningar eller på .'],
      ['paragraph', 'Lagen heter socialförsäkringsbalksbestämmelserna i dagligt tal.'],
      ['list-item', 'Fyll i ansökan och skicka den till oss.'],
      ['list-item', 'Bifoga ett intyg från din arbetsgivare.'],
      ['paragraph', 'Har du frågor? Ring oss på vardagar mellan klockan 9 och 16.'],
      ['paragraph', 'Skriv i fältet, eller besök idag.'],
      ['paragraph', 'Karta över kontoret i centrum'],
      ['paragraph', 'Dag'],
      ['paragraph', 'Öppet'],
      ['paragraph', 'Måndag'],
      ['paragraph', 'Stängt på grund av personalutbildningsverksamheten'],
      ['paragraph', 'Beslutet fattades av nämnden.'],
    ]);
    // A heading and a list item start at their markup, as the core's own blocks do.
    const heading = doc.blocks?.[0];
    expect(source.slice(heading?.start, heading?.contentStart)).toBe('# ');
    const item = doc.blocks?.[3];
    expect(source.slice(item?.start, item?.contentStart)).toBe('- ');
    const report = analyse(doc.text, { blocks: doc.blocks });
    expect(report.sections.map((s) => [s.heading, s.line])).toEqual([['Så söker du en utbildning', 6]]);
    expect(report.paragraphs.filter((p) => p.kind === 'list-item').map((p) => p.line)).toEqual([15, 16]);
  });

  it('reads suppression comments with their rules, reasons and lines', async () => {
    const { doc } = await guide();
    expect(doc.suppressions).toEqual([
      { kind: 'disable-next-line', rules: ['long-word'], reason: 'namnet på lagen står så i beslutet', offset: expect.any(Number), line: 12 },
      { kind: 'disable', rules: ['sv/passive/', 'long-sentence'], reason: 'citat ur förordningen', offset: expect.any(Number), line: 32 },
      { kind: 'enable', rules: [], offset: expect.any(Number), line: 34 },
    ]);
    const first = doc.suppressions?.[0];
    expect(doc.source?.slice(first?.offset, (first?.offset ?? 0) + 4)).toBe('<!--');
  });

  it('ignores a directive shown in a code block', () => {
    const source = 'Så här stänger du av regeln:\n\n```html\n<!-- klar-disable long-word -->\n```\n\nText `<!-- klar-enable -->` här.\n';
    expect(parseMarkdown(source).suppressions).toEqual([]);
  });

  it('keeps positions through CRLF line ends, quotes, escapes and character references', () => {
    const source = '> Vi skickar \\*beslutet\\* och H&auml;lsoavgiften\r\n> till dig &amp; din familj.\r\n';
    const { text, blocks } = parseMarkdown(source);
    expect(text).toHaveLength(source.length);
    expect(text).toBe('  Vi skickar  *beslutet * och Hä\u034f\u034f\u034f\u034f\u034flsoavgiften\r\n  till dig &     din familj.\r\n');
    expect(blocks).toEqual([{ kind: 'paragraph', start: 2, contentStart: 2, end: source.indexOf('familj.') + 7 }]);
  });

  it('treats bare and angle-bracket links as addresses, not prose', () => {
    const { text } = parseMarkdown('Mejla kundtjanst@example.org eller gå till https://example.org/sida.\n');
    expect(text.replace(/\s+/g, ' ').trim()).toBe('Mejla eller gå till .');
  });

  it('reads an empty file as an empty document', async () => {
    const doc = await readDocument('tom.md', new Uint8Array());
    expect(doc).toMatchObject({ format: 'markdown', text: '', blocks: [], suppressions: [] });
  });
});

describe('long Markdown documents', () => {
  // Blocks of every kind that could be cut wrongly: a fence and a comment with
  // blank lines and headings inside, a list with a lazy line, references whose
  // definitions come at the very end.
  const extra = [
    'Se [lagen][sfb] och fotnoten[^n1].',
    '```md\nKod\n\n# Rubrik i koden\n\nText i koden\n```',
    '<!--\n\n# Rubrik i kommentaren\n\n-->',
    'Efter.',
    '- punkt\n\n  fortsättning\nlat rad',
    '',
  ].join('\n\n');
  const body = readFileSync(join(fixtures, 'vagledning.md'), 'utf8').replace(/^---[\s\S]*?---\n/, '');
  const doc = `---\ntitle: Lång\n---\n\n${(body + extra).repeat(30)}[sfb]: https://example.org/sfb\n\n[^n1]: Fotnoten.\n`;

  it('reads a document parsed in pieces exactly as one parsed whole', () => {
    const whole = parseMarkdown(doc, { chunkSize: Infinity });
    expect(whole.text).not.toMatch(/Rubrik i (koden|kommentaren)|\[|\]/);
    for (const chunkSize of [300, 2000, 8000]) {
      const pieces = parseMarkdown(doc, { chunkSize });
      expect(pieces.text).toBe(whole.text);
      expect(pieces.blocks).toEqual(whole.blocks);
      expect(pieces.suppressions).toEqual(whole.suppressions);
    }
  });

  it('reads a long changelog full of lists in linear time', () => {
    const release = '## 1.2.3 – 2024-01-01\n\nÄndringar i den här versionen.\n\n- Rättade felet i exporten.\n- Nya texter på [svenska][sv].\n\n';
    const log = `${release.repeat(Math.ceil(300_000 / release.length))}[sv]: https://example.org\n`;
    const started = performance.now();
    const { text, blocks } = parseMarkdown(log);
    // Parsed whole, micromark takes over a minute on this; in pieces a second or two.
    expect(performance.now() - started).toBeLessThan(15_000);
    expect(blocks?.filter((b) => b.kind === 'heading')).toHaveLength(Math.ceil(300_000 / release.length));
    expect(text).not.toContain('[');
  }, 60_000);
});

describe('front matter in a long document', () => {
  it('is never cut, even with blank lines inside', () => {
    const front = `---\ntitle: Vägledning\n\n${Array.from({ length: 200 }, (_, i) => `beskrivning${i}: Ett långt värde som inte är prosa alls\n`).join('\n')}---\n\n`;
    const doc = `${front}${'Kommunen skickar beslutet till dig.\n\n'.repeat(50)}`;
    const pieces = parseMarkdown(doc, { chunkSize: 500 });
    expect(pieces.text.slice(0, front.length).trim()).toBe('');
    expect(pieces).toEqual(parseMarkdown(doc, { chunkSize: Infinity }));
  });
});

describe('long documents read in pieces', () => {
  // Found by the fuzz job: a "[ref]: …" line continuing a paragraph defines
  // nothing, but the pieces got it appended as a definition, which turned the
  // literal "[Alla][ref]" into a link (brackets blanked) only in long documents.
  it('give the same mask and blocks as the document read whole', () => {
    const source = '> *Alla*\n[Alla][ref] [ref]: https://example.org Alla brev diarieförs när de kommer in.\n[ref]: <https://x.y> "t"\n\nNytt stycke med [en länk][def] här.\n\n[def]: https://example.org\n';
    const whole = parseMarkdown(source, { chunkSize: Number.MAX_SAFE_INTEGER });
    expect(parseMarkdown(source, { chunkSize: 32 })).toEqual(whole);
    expect(whole.text).toContain('[Alla][ref]');
    // A definition in a later piece still makes a link of the reference: its brackets are blanked.
    expect(whole.text).toContain('med  en länk       här.');
  });
});

describe('a "---" at the start that is not front matter', () => {
  // Found by the fuzz job: with the front-matter extension, an unclosed "---" at the
  // start made every later "- item" a paragraph, so its marker was read as prose.
  it('leaves the list items after it list items, in CR-only files too', () => {
    for (const source of ['---\ntitle: x\n---y\n\n- Punkt ett.\n', '---\n\n- Punkt ett.\n']) {
      const { text, blocks } = parseMarkdown(source);
      expect(blocks?.map((b) => b.kind)).toContain('list-item');
      expect(text).not.toContain('- Punkt');
    }
    const front = parseMarkdown('---\rtitle: Rubrik\r---\r\r- Punkt ett.\r');
    expect(front.text).toBe(`   \r${' '.repeat('title: Rubrik'.length)}\r   \r\r  Punkt ett.\r`);
    expect(front.blocks?.map((b) => b.kind)).toEqual(['list-item']);
  });
});

describe('deep nesting', () => {
  // Found by the fuzz job: a 40 kB line of "- - - …" took 30 s and was then refused
  // or not depending on the JIT; a megabyte took hours.
  it('reads 100 block quotes and list items on a line and refuses more at once, with a message', async () => {
    const read = (text: string): Promise<unknown> => readDocument('deep.md', new TextEncoder().encode(text));
    const ok = (await readDocument('ok.md', new TextEncoder().encode(`${'> '.repeat(50)}${'- '.repeat(50)}Vi erhåller ansökan.`))) as { text: string };
    expect(ok.text.trim()).toBe('Vi erhåller ansökan.');
    for (const text of [`${'> - '.repeat(51)}Hej`, `${'>'.repeat(1_000_000)} Hej`, `${'- '.repeat(500_000)}Hej`]) {
      await expect(read(text)).rejects.toThrow('deep.md: Markdown nested more than 100 block quotes or list items deep; simplify the nesting and try again');
    }
  });
});
