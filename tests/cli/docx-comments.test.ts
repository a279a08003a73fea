import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { writeDocxWithComments } from '../../src/cli/docx-comments.js';
import { analyse } from '../../src/core/analyse.js';
import type { Diagnostic } from '../../src/core/types.js';
import { readDocx } from '../../src/formats/docx.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'office');

async function letter(name = 'letter-sv.docx') {
  const path = join(fixtures, name);
  const bytes = new Uint8Array(readFileSync(path));
  const doc = await readDocx(path, bytes);
  return { path, bytes, doc };
}

/** A finding on the first occurrence of `words` in the document's text, as a rule would report it. */
function finding(text: string, words: string, extra: Partial<Diagnostic> = {}): Diagnostic {
  const offset = text.indexOf(words);
  if (offset === -1) throw new Error(`"${words}" is not in the text`);
  return {
    ruleId: 'sv/ovanliga-ord',
    category: 'word-choice',
    severity: 'warning',
    message: `Ovanligt ord: ”${words}”.`,
    messageEn: `Uncommon word: "${words}".`,
    suggestions: [],
    excerpt: words,
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 1,
    offset,
    endOffset: offset + words.length,
    ...extra,
  };
}

/** The top-level paragraphs of document.xml with the text Word shows in each (the fixtures nest none). */
function paragraphsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) => m[0]);
}

function textOf(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => (m[1] as string).replace(/&amp;/g, '&')).join('');
}

/** What Word shows inside comment `id`'s range. */
function commented(paragraph: string, id: number): string {
  const start = paragraph.indexOf(`<w:commentRangeStart w:id="${id}"/>`);
  const end = paragraph.indexOf(`<w:commentRangeEnd w:id="${id}"/>`);
  expect(start).toBeGreaterThan(-1);
  expect(end).toBeGreaterThan(start);
  return textOf(paragraph.slice(start, end));
}

function parts(bytes: Uint8Array) {
  const files = unzipSync(bytes);
  const get = (name: string) => {
    const part = files[name];
    if (!part) throw new Error(`no ${name} in the package`);
    return strFromU8(part);
  };
  return { files, get };
}

function comments(xml: string) {
  return [...xml.matchAll(/<w:comment w:id="(\d+)" w:author="([^"]*)"[^>]*>([\s\S]*?)<\/w:comment>/g)].map((m) => ({
    id: Number(m[1]),
    author: m[2],
    text: [...(m[3] as string).matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]),
  }));
}

describe('writeDocxWithComments', () => {
  it('adds one comment per finding, anchored on its words in its paragraph', async () => {
    const { bytes, doc } = await letter();
    const report = analyse(doc.text, { blocks: doc.blocks, language: 'sv' });
    const diagnostics = [
      ...report.diagnostics,
      finding(doc.text, 'erhålla', { suggestions: ['få', 'ta emot'], explanation: 'Erhålla betyder få.' }),
      finding(doc.text, 'hyresavtal'),
      // Inside "1 250 kronor": the comment splits a run in the middle of a word.
      finding(doc.text, '1 250 kr'),
      finding(doc.text, 'Belopp'),
    ];
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['long-sentence', 'long-word', 'sv/ovanliga-ord', 'sv/ovanliga-ord', 'sv/ovanliga-ord', 'sv/ovanliga-ord']);

    const out = writeDocxWithComments(bytes, doc, diagnostics);
    const { get } = parts(out);

    const list = comments(get('word/comments.xml'));
    expect(list.map((c) => c.id)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(list.every((c) => c.author === 'klar')).toBe(true);
    expect(list[0]?.text).toEqual([report.diagnostics[0]?.message, 'klar · long-sentence']);
    expect(list[2]?.text).toEqual(['Ovanligt ord: ”erhålla”.', '→ få · ta emot', 'Erhålla betyder få.', 'klar · sv/ovanliga-ord']);

    const paragraphs = paragraphsOf(get('word/document.xml'));
    // The long sentence is the whole second paragraph, across its three runs.
    expect(commented(paragraphs[1] as string, 0)).toBe(doc.text.slice(diagnostics[0]?.offset, diagnostics[0]?.endOffset));
    expect(commented(paragraphs[2] as string, 1)).toBe('handläggningsskyldigheten');
    // "erhålla" is a run of its own, inside the long sentence's range.
    expect(commented(paragraphs[1] as string, 2)).toBe('erhålla');
    expect(commented(paragraphs[5] as string, 3)).toBe('hyresavtal');
    expect(commented(paragraphs[1] as string, 4)).toBe('1 250 kr');
    expect(paragraphs[1]).toContain('<w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r><w:r><w:t xml:space="preserve">onor per månad');
    // A table cell: the bold header run keeps its formatting.
    expect(paragraphs[9]).toMatch(/<w:commentRangeStart w:id="5"\/><w:r><w:rPr><w:b\/><w:bCs\/><\/w:rPr><w:t xml:space="preserve">Belopp<\/w:t><\/w:r><w:commentRangeEnd w:id="5"\/>/);
    for (const [id, p] of [[0, 1], [1, 2], [2, 1], [3, 5], [4, 1], [5, 9]] as const) {
      expect(paragraphs[p]).toContain(`<w:commentReference w:id="${id}"/>`);
    }
    // Splitting runs keeps their formatting: "erhålla" is still italic.
    expect(paragraphs[1]).toMatch(/<w:commentRangeStart w:id="2"\/><w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">erhålla<\/w:t><\/w:r><w:commentRangeEnd w:id="2"\/>/);
  });

  it('leaves the document text exactly as it was', async () => {
    const { bytes, doc } = await letter();
    const diagnostics = [finding(doc.text, 'bostadsbidrag och'), finding(doc.text, 'gäller även'), finding(doc.text, 'Belopp')];
    const out = writeDocxWithComments(bytes, doc, diagnostics);
    const before = paragraphsOf(parts(bytes).get('word/document.xml')).map(textOf);
    const after = paragraphsOf(parts(out).get('word/document.xml')).map(textOf);
    expect(after).toEqual(before);
    const raw = async (b: Uint8Array) => (await mammoth.extractRawText({ buffer: Buffer.from(b) })).value;
    expect(await raw(out)).toBe(await raw(bytes));
    // Every other part is carried over byte for byte.
    const original = parts(bytes).files;
    const copied = parts(out).files;
    for (const name of Object.keys(original)) {
      if (['word/document.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml'].includes(name)) continue;
      expect(Buffer.from(copied[name] as Uint8Array).equals(Buffer.from(original[name] as Uint8Array)), name).toBe(true);
    }
  });

  it('writes a package Word opens: relationship, content type, and mammoth reads the comments back', async () => {
    const { bytes, doc } = await letter();
    const out = writeDocxWithComments(bytes, doc, [finding(doc.text, 'erhålla', { suggestions: ['få'] })]);
    const { get } = parts(out);
    expect(get('word/_rels/document.xml.rels')).toContain(
      'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"',
    );
    expect(get('[Content_Types].xml')).toContain(
      '<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>',
    );
    // mammoth parses every part strictly (any XML error throws) and, asked to, shows comments where they are.
    const html = await mammoth.convertToHtml({ buffer: Buffer.from(out) }, { styleMap: ['comment-reference => sup'] });
    expect(html.messages.filter((m) => m.type === 'error')).toEqual([]);
    expect(html.value).toMatch(/<p>Kommunen har prövat .* <em>erhålla<\/em><sup><a href="#comment-0" id="comment-ref-0">\[klar1\]<\/a><\/sup> ett bidrag/);
    expect(html.value).toContain('<dt id="comment-0">Comment [klar1]</dt><dd><p>Ovanligt ord: ”erhålla”.</p><p>→ få</p><p>klar · sv/ovanliga-ord');
  });

  it('anchors a finding in a footnote at the paragraph that refers to it, quoting the words', async () => {
    const { bytes, doc } = await letter();
    const out = writeDocxWithComments(bytes, doc, [finding(doc.text, 'lagen om bostadsbidrag')]);
    const { get } = parts(out);
    const paragraphs = paragraphsOf(get('word/document.xml'));
    expect(paragraphs[2]).toContain('<w:footnoteReference w:id="1"/>');
    expect(commented(paragraphs[2] as string, 0)).toBe(textOf(paragraphs[2] as string));
    expect(comments(get('word/comments.xml'))[0]?.text[0]).toBe('«lagen om bostadsbidrag» Ovanligt ord: ”lagen om bostadsbidrag”.');
  });

  it('adds to the comments a document already has, with new ids', async () => {
    const { path, bytes, doc } = await letter();
    const once = writeDocxWithComments(bytes, doc, [finding(doc.text, 'erhålla')]);
    const again = await readDocx(path, once);
    expect(again.text).toBe(doc.text);
    const twice = writeDocxWithComments(once, again, [finding(again.text, 'hyresavtal'), finding(again.text, 'erhålla')]);
    const { get } = parts(twice);
    expect(comments(get('word/comments.xml')).map((c) => c.id)).toEqual([0, 1, 2]);
    expect(get('word/_rels/document.xml.rels').match(/relationships\/comments"/g)).toHaveLength(1);
    expect(get('[Content_Types].xml').match(/comments\+xml/g)).toHaveLength(1);
    const paragraphs = paragraphsOf(get('word/document.xml'));
    expect(commented(paragraphs[1] as string, 0)).toBe('erhålla');
    expect(commented(paragraphs[1] as string, 2)).toBe('erhålla');
    expect(commented(paragraphs[5] as string, 1)).toBe('hyresavtal');
  });

  it('gives the same bytes for the same input, and dates comments only when asked', async () => {
    const { bytes, doc } = await letter('letter-nb.docx');
    const diagnostics = analyse(doc.text, { blocks: doc.blocks, language: 'nb' }).diagnostics;
    expect(diagnostics.length).toBeGreaterThan(0);
    const a = writeDocxWithComments(bytes, doc, diagnostics);
    const b = writeDocxWithComments(bytes, doc, diagnostics);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(parts(a).get('word/comments.xml')).not.toContain('w:date');
    const dated = writeDocxWithComments(bytes, doc, diagnostics, { date: new Date('2025-03-02T10:30:00Z') });
    expect(parts(dated).get('word/comments.xml')).toContain('w:date="2025-03-02T10:30:00Z"');
  });

  it('escapes what XML cannot carry as is', async () => {
    const { bytes, doc } = await letter();
    const out = writeDocxWithComments(bytes, doc, [finding(doc.text, 'erhålla', { message: 'Skriv <få> & "ta emot"\u0007' })]);
    expect(parts(out).get('word/comments.xml')).toContain('Skriv &lt;få&gt; &amp; "ta emot"</w:t>');
    await expect(mammoth.convertToHtml({ buffer: Buffer.from(out) })).resolves.toBeDefined();
  });

  it('writes a copy without comments when there are no findings', async () => {
    const { bytes, doc } = await letter();
    const out = writeDocxWithComments(bytes, doc, []);
    expect(comments(parts(out).get('word/comments.xml'))).toEqual([]);
    expect(parts(out).get('word/document.xml')).toBe(parts(bytes).get('word/document.xml'));
  });

  it('anchors in the markup Word writes: hyperlinks, fields, tracked changes, line breaks, text boxes, content controls', async () => {
    const { bytes } = await letter();
    const files = unzipSync(bytes);
    files['word/document.xml'] = strToU8(WORD_MARKUP('w'));
    const word = zipSync(files);
    const doc = await readDocx('markup.docx', word);
    expect(outline(doc)).toEqual([
      ['heading', 'Rubrik', 0],
      ['paragraph', 'Läs mer på webbplatsen eller ring oss.', 1],
      ['paragraph', 'Datum: 2025-03-01', 2],
      ['paragraph', 'Vi har nu fattat beslut.', 3],
      ['paragraph', 'Adress:\nStorgatan\t1', 4],
      ['paragraph', 'En ruta:', 5],
      // The text box's paragraph follows the one holding it, in mammoth's order and in the XML's.
      ['paragraph', 'Text i rutan.', 6],
      ['paragraph', 'Innehåll i en kontroll.', 7],
    ]);
    const words = ['webbplatsen', '2025-03-01', 'nu', 'Storgatan', 'rutan', 'kontroll'];
    const out = writeDocxWithComments(word, doc, words.map((w) => finding(doc.text, w)));
    const xml = parts(out).get('word/document.xml');
    words.forEach((w, id) => expect(commented(xml, id), w).toBe(w));
    // The deleted word stays deleted text, outside every range.
    expect(xml).toContain('<w:delText xml:space="preserve"> inte</w:delText>');
    // The range in the text box is in the paragraph Word shows (mc:Choice), not in the fallback copy.
    const choice = xml.slice(xml.indexOf('<mc:Choice'), xml.indexOf('</mc:Choice>'));
    expect(choice).toContain('<w:commentRangeStart w:id="4"/>');
    expect(xml.slice(xml.indexOf('<mc:Fallback'), xml.indexOf('</mc:Fallback>'))).not.toContain('comment');
    const html = await mammoth.convertToHtml({ buffer: Buffer.from(out) }, { styleMap: ['comment-reference => sup'] });
    expect(html.value.match(/<dt id="comment-\d+">/g)).toHaveLength(5);
    expect(html.value).toContain('<a href="#x">webbplatsen</a><sup><a href="#comment-0"');
  });

  it('writes its markup with the prefix the document binds to the Word namespace', async () => {
    const { bytes } = await letter();
    const files = unzipSync(bytes);
    files['word/document.xml'] = strToU8(WORD_MARKUP('ord'));
    const word = zipSync(files);
    const doc = await readDocx('prefix.docx', word);
    expect(outline(doc).map((b) => b[2])).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const out = writeDocxWithComments(word, doc, [finding(doc.text, 'fattat')]);
    const xml = parts(out).get('word/document.xml');
    expect(xml).toContain('<ord:commentRangeStart ord:id="0"/><ord:r><ord:t xml:space="preserve">fattat</ord:t></ord:r><ord:commentRangeEnd ord:id="0"/><ord:r><ord:commentReference ord:id="0"/></ord:r>');
    const html = await mammoth.convertToHtml({ buffer: Buffer.from(out) }, { styleMap: ['comment-reference => sup'] });
    expect(html.value).toContain('fattat<sup><a href="#comment-0"');
  });
});

/** Kind, text and `<w:p>` index of each block. */
function outline(doc: Awaited<ReturnType<typeof readDocx>>) {
  return doc.blocks.map((b, i) => [b.kind, doc.text.slice(b.start, b.end), doc.locators[i]?.wordParagraph]);
}

/** A body with the markup Word writes around text, with `p` as the prefix of the Word namespace. */
function WORD_MARKUP(p: string): string {
  const x = (s: string) => s.replace(/\bw:/g, `${p}:`).replace('xmlns:w=', `xmlns:${p}=`);
  return x(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps">
<w:body>
<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:proofErr w:type="spellStart"/><w:r><w:t>Rubrik</w:t></w:r><w:proofErr w:type="spellEnd"/><w:bookmarkStart w:id="0" w:name="_Toc1"/><w:bookmarkEnd w:id="0"/></w:p>
<w:p><w:r><w:t xml:space="preserve">Läs mer på </w:t></w:r><w:hyperlink w:anchor="x"><w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t>webbplatsen</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> eller ring oss.</w:t></w:r></w:p>
<w:p><w:r><w:t xml:space="preserve">Datum: </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> DATE \@ "yyyy-MM-dd" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2025-03-01</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>
<w:p><w:r><w:t>Vi har</w:t></w:r><w:del w:id="1" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:delText xml:space="preserve"> inte</w:delText></w:r></w:del><w:ins w:id="2" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:t xml:space="preserve"> nu</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> fattat beslut.</w:t></w:r></w:p>
<w:p><w:r><w:t>Adress:</w:t></w:r><w:r><w:br/><w:t>Storgatan</w:t><w:tab/><w:t>1</w:t></w:r></w:p>
<w:p><w:r><w:t>En ruta:</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData><wps:wsp><wps:txbx><w:txbxContent><w:p><w:r><w:t>Text i rutan.</w:t></w:r></w:p></w:txbxContent></wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Text i rutan.</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>
<w:sdt><w:sdtPr><w:alias w:val="Ruta"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>Innehåll i en kontroll.</w:t></w:r></w:p></w:sdtContent></w:sdt>
<w:sectPr/>
</w:body>
</w:document>`);
}
