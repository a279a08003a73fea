import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { formatOf, readDocument, SUPPORTED_EXTENSIONS } from '../../src/formats/index.js';
import { DocumentError } from '../../src/formats/types.js';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'text');
// The Word/PDF front end is written alongside this one; its dispatch test waits for it.
const hasOffice = existsSync(join(root, 'src', 'formats', 'office.ts'));

describe('plain text front end', () => {
  it('gives the decoded source as the text and leaves the blocks to the core', async () => {
    const path = join(fixtures, 'brev.txt');
    const bytes = readFileSync(path);
    const doc = await readDocument(path, bytes);
    expect(doc.format).toBe('text');
    expect(doc.text).toBe(bytes.toString('utf8'));
    expect(doc.source).toBe(doc.text);
    expect(doc.blocks).toBeUndefined();
    expect(doc.encoding).toEqual({ name: 'utf-8', bom: false, lineEnding: 'lf' });
    const report = analyse(doc.text, { blocks: doc.blocks });
    expect(report.language).toBe('nb');
    expect(report.sections[0]?.heading).toBe('Vedtak om bostøtte');
    expect(report.diagnostics.filter((d) => d.ruleId === 'long-word').map((d) => [d.excerpt, d.line, d.column])).toEqual([
      ['arbeidsmarkedsopplæringsordningen', 6, 13],
    ]);
  });

  it('keeps positions in a Windows-1252 file with CRLF line ends', async () => {
    const source = 'Hakemus\r\n\r\nKunta käsittelee hakemuksesi. Työttömyysturvalautakunnassa päätös tehdään kuukauden kuluessa.\r\n';
    const doc = await readDocument('hakemus.txt', Uint8Array.from(Buffer.from(source, 'latin1')));
    expect(doc.encoding).toEqual({ name: 'windows-1252', bom: false, lineEnding: 'crlf' });
    expect(doc.text).toBe(source);
    const d = analyse(doc.text).diagnostics.find((x) => x.ruleId === 'long-word');
    expect(d).toMatchObject({ excerpt: 'Työttömyysturvalautakunnassa', line: 3, column: 31 });
  });

  it('reads a name without an extension (standard input) as plain text', async () => {
    expect(formatOf('<stdin>')).toBe('text');
    expect(formatOf('README')).toBe('text');
    const doc = await readDocument('<stdin>', new TextEncoder().encode('Hej!'));
    expect(doc).toMatchObject({ format: 'text', text: 'Hej!' });
  });

  it('reads an empty file as an empty document', async () => {
    const doc = await readDocument('tom.txt', new Uint8Array());
    expect(doc).toMatchObject({ format: 'text', text: '', source: '' });
    expect(analyse(doc.text).diagnostics).toEqual([]);
  });

  it('chooses the front end by extension, in any case', () => {
    expect(['a.TXT', 'a.md', 'a.Markdown', 'a.mdx', 'a.htm', 'a.HTML', 'a.xhtml', 'a.docx', 'a.odt', 'a.pdf'].map(formatOf)).toEqual([
      'text',
      'markdown',
      'markdown',
      'markdown',
      'html',
      'html',
      'html',
      'docx',
      'odt',
      'pdf',
    ]);
    expect(SUPPORTED_EXTENSIONS).toContain('.md');
  });

  it('refuses an unknown extension with one line naming the file', async () => {
    const attempt = readDocument('brev.rtf', new TextEncoder().encode('{\\rtf1 Hej}'));
    await expect(attempt).rejects.toBeInstanceOf(DocumentError);
    await expect(readDocument('brev.rtf', new Uint8Array())).rejects.toThrow(
      'brev.rtf: unknown file type ".rtf"; klar checks .txt, .md, .html, .docx, .odt and .pdf',
    );
  });

  it.skipIf(!hasOffice)('hands .docx and .pdf to the office front end', async () => {
    const { Document, Packer, Paragraph } = await import('docx');
    const sentence = 'Vi har tagit emot din ansökan om bostadsbidrag.';
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph(sentence)] }] }));
    const word = await readDocument('ansokan.docx', new Uint8Array(docx));
    expect(word.format).toBe('docx');
    expect(word.text).toContain(sentence);

    const { PDFDocument, StandardFonts } = await import('pdf-lib');
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    pdf.addPage().drawText(sentence, { x: 50, y: 700, size: 12, font });
    const printed = await readDocument('ansokan.pdf', await pdf.save());
    expect(printed.format).toBe('pdf');
    expect(printed.text).toContain(sentence);
  });
});
