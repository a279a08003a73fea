import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/core/analyse.js';
import { readDocx, wordParagraphs, type DocxLocator } from '../../src/formats/docx.js';
import { locatorAt, readOfficeDocument } from '../../src/formats/office.js';
import { odtBlocks } from '../../src/formats/odt.js';
import { buildBlocks, type PdfLine } from '../../src/formats/pdf.js';
import { DocumentError, type SourceDocument } from '../../src/formats/types.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'office');

async function read(name: string): Promise<SourceDocument> {
  const path = join(fixtures, name);
  return readOfficeDocument(path, readFileSync(path));
}

/** The blocks as a reader sees them: kind, paragraph number, page, text. */
function outline(doc: SourceDocument) {
  return (doc.blocks ?? []).map((b, i) => ({
    kind: b.kind,
    paragraph: doc.locators?.[i]?.paragraph,
    ...(doc.locators?.[i]?.page !== undefined ? { page: doc.locators[i]?.page } : {}),
    text: doc.text.slice(b.start, b.end),
  }));
}

/** The message a bad file gets, as klar prints it. */
async function failure(path: string, bytes: Uint8Array): Promise<string> {
  try {
    await readOfficeDocument(path, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error(`${path} was read without an error`);
}

const LETTER_SV = [
  { kind: 'heading', paragraph: 1, text: 'Beslut om bostadsbidrag' },
  {
    kind: 'paragraph',
    paragraph: 2,
    text: 'Kommunen har prövat din ansökan om bostadsbidrag och beslutat att du kommer att erhålla ett bidrag på 1 250 kronor per månad från och med den 1 mars 2025, under förutsättning att du fortsätter att uppfylla de villkor som gäller för bidraget.',
  },
  {
    kind: 'paragraph',
    paragraph: 3,
    text: 'Om du flyttar eller får ändrade inkomster ska du berätta det för oss, eftersom handläggningsskyldigheten gäller även då. Om du inte håller med om beslutet kan du överklaga det inom tre veckor från den dag du fick beslutet.',
  },
  { kind: 'heading', paragraph: 4, text: 'Det här behöver vi från dig' },
  { kind: 'paragraph', paragraph: 5, text: 'Skicka in de här handlingarna:' },
  { kind: 'list-item', paragraph: 6, text: 'ditt hyresavtal' },
  { kind: 'list-item', paragraph: 7, text: 'ett intyg om din inkomst' },
  { kind: 'list-item', paragraph: 8, text: 'uppgifter om alla som bor i bostaden' },
  { kind: 'paragraph', paragraph: 9, text: 'Månad' },
  { kind: 'paragraph', paragraph: 10, text: 'Belopp' },
  { kind: 'paragraph', paragraph: 11, text: 'Mars' },
  { kind: 'paragraph', paragraph: 12, text: '1 250 kr' },
  { kind: 'paragraph', paragraph: 13, text: 'April' },
  { kind: 'paragraph', paragraph: 14, text: '1 250 kr' },
  { kind: 'paragraph', paragraph: 15, text: 'Med vänliga hälsningar' },
  // The footnote comes after the body, so the body's numbers are the ones a reader counts.
  { kind: 'paragraph', paragraph: 16, text: 'Enligt 5 kap. i lagen om bostadsbidrag.' },
];

describe('fixtures', () => {
  it('are exactly what scripts/make-fixtures.mjs generates', async () => {
    // @ts-expect-error: a plain JavaScript module without type declarations
    const { makeFixtures } = (await import('../../scripts/make-fixtures.mjs')) as { makeFixtures: (folder: string) => Promise<string[]> };
    const folder = mkdtempSync(join(tmpdir(), 'klar-fixtures-'));
    const names = await makeFixtures(folder);
    expect(names.sort()).toEqual(readdirSync(fixtures).sort());
    for (const name of names) expect(readFileSync(join(folder, name)).equals(readFileSync(join(fixtures, name))), name).toBe(true);
  });
});

describe('Word (.docx)', () => {
  it('reads headings, paragraphs, list items, table cells and the footnote in order', async () => {
    const doc = await read('letter-sv.docx');
    expect(doc.format).toBe('docx');
    expect(outline(doc)).toEqual(LETTER_SV);
    // Blocks are separated by a blank line, so the core's lines and sentences never run across them.
    expect(doc.text.split('\n\n')).toHaveLength(LETTER_SV.length);
  });

  it('ties every block to its <w:p>, in the order mammoth reads them', async () => {
    const path = join(fixtures, 'letter-sv.docx');
    const bytes = readFileSync(path);
    const doc = await readDocx(path, bytes);
    const paragraphs = wordParagraphs(strFromU8(unzipSync(bytes)['word/document.xml'] as Uint8Array));
    const body = doc.locators.filter((l) => !l.note);
    const indices = body.map((l) => l.wordParagraph);
    expect(indices.every((i) => i !== undefined)).toBe(true);
    // Strictly increasing: mammoth's paragraph order is the XML's.
    expect(indices).toEqual([...(indices as number[])].sort((a, b) => a - b));
    expect(new Set(indices).size).toBe(indices.length);
    for (const l of body) expect(paragraphs[l.wordParagraph as number]?.text).toBe(doc.text.slice(l.start, l.end));
    // The empty paragraph before the closing line is skipped, not matched.
    expect(paragraphs[14]?.text).toBe('');
    expect(body.at(-1)?.wordParagraph).toBe(15);
    // The footnote points to the paragraph that refers to it.
    const note = doc.locators.find((l: DocxLocator) => l.note);
    expect(note).toMatchObject({ paragraph: 16, wordParagraph: 2 });
  });

  it('reads the Norwegian and Finnish letters', async () => {
    const nb = outline(await read('letter-nb.docx'));
    expect(nb.map((b) => b.kind)).toEqual(LETTER_SV.slice(0, 15).map((b) => b.kind));
    expect(nb[1]?.text).toContain('vil erholde en støtte');
    expect(nb[5]).toEqual({ kind: 'list-item', paragraph: 6, text: 'husleiekontrakten din' });
    const fi = outline(await read('letter-fi.docx'));
    expect(fi[0]).toEqual({ kind: 'heading', paragraph: 1, text: 'Päätös asumistuesta' });
    expect(fi[2]?.text).toContain('toimeentulotukihakemuksenne');
    expect(fi.slice(8, 12).map((b) => b.text)).toEqual(['Kuukausi', 'Määrä', 'Maaliskuu', '1 250 euroa']);
  });

  it('gives the core blocks it measures as the document has them', async () => {
    const doc = await read('letter-sv.docx');
    const report = analyse(doc.text, { blocks: doc.blocks, language: 'sv' });
    expect(report.paragraphs.map((p) => p.kind)).toEqual(LETTER_SV.map((b) => b.kind));
    const long = report.diagnostics.find((d) => d.ruleId === 'long-sentence');
    expect(doc.text.slice(long?.offset, long?.endOffset)).toBe(LETTER_SV[1]?.text);
    expect(report.diagnostics.find((d) => d.ruleId === 'long-word')?.excerpt).toBe('handläggningsskyldigheten');
  });

  it('refuses a truncated file', async () => {
    const path = join(fixtures, 'truncated.docx');
    expect(await failure(path, readFileSync(path))).toBe(`${path}: not a valid Word document (.docx)`);
  });

  it('refuses a file that is not a zip, and an old .doc renamed', async () => {
    expect(await failure('brev.docx', strToU8('Hej, det här är bara text.'))).toBe('brev.docx: not a valid Word document (.docx)');
    const compound = new Uint8Array(512);
    compound.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(await failure('gammal.docx', compound)).toBe('gammal.docx: this is an old Word (.doc) file; save it as .docx and try again');
    compound.set(strToU8(Buffer.from('EncryptedPackage', 'utf16le').toString('latin1'), true), 100);
    expect(await failure('hemlig.docx', compound)).toBe('hemlig.docx: the document is password-protected; remove the password in Word and try again');
  });

  it('refuses a zip without word/document.xml', async () => {
    const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>') });
    expect(await failure('tom.docx', zip)).toBe('tom.docx: not a valid Word document (.docx)');
  });
});

/** Sets an entry's declared uncompressed size in both the local header and the central directory. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let at = 0; at + 4 <= out.length; at++) {
    const sig = view.getUint32(at, true);
    if (sig === 0x04034b50) view.setUint32(at + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(at + 24, size, true);
  }
  return out;
}

describe('zip bombs', () => {
  // 60 MB of zeros deflate to about 60 kB: the shape of a real zip bomb.
  const zeros = new Uint8Array(60 * 1024 * 1024);
  const bomb = zipSync({ 'word/document.xml': zeros }, { level: 1 });

  it('refuses a document that declares more than 50 MB before inflating anything', async () => {
    expect(bomb.length).toBeLessThan(200_000);
    expect(await failure('bomb.docx', bomb)).toBe('bomb.docx: the document expands to more than 50 MB; klar refuses it to stay safe');
    expect(await failure('bomb.odt', bomb)).toBe('bomb.odt: the document expands to more than 50 MB; klar refuses it to stay safe');
  });

  it('stops inflating when an entry outgrows the size its header declares', async () => {
    // The header says 1 kB; the data would inflate to 60 MB.
    expect(await failure('lying.docx', declareSize(bomb, 1024))).toBe('lying.docx: not a valid Word document (.docx)');
  });

  it('refuses an entry that expands more than 200 times', async () => {
    const dense = zipSync({ 'word/document.xml': new Uint8Array(10 * 1024 * 1024) }, { level: 9 });
    expect(await failure('dense.docx', dense)).toBe('dense.docx: a part of the document expands more than 200 times (a zip bomb?); klar refuses it to stay safe');
  });

  it('checks a raw deflate stream under the running limit too', () => {
    // Guards the premise of the tests above: the data really is tiny and really is huge.
    expect(deflateSync(zeros.subarray(0, 1024 * 1024)).length).toBeLessThan(5000);
  });
});

describe('OpenDocument (.odt)', () => {
  it('reads headings, paragraphs, list items, table cells and the footnote in order', async () => {
    const doc = await read('letter-sv.odt');
    expect(doc.format).toBe('odt');
    expect(outline(doc)).toEqual(LETTER_SV);
  });

  it('reads the Norwegian and Finnish letters', async () => {
    const nb = outline(await read('letter-nb.odt'));
    expect(nb).toEqual(outline(await read('letter-nb.docx')));
    const fi = outline(await read('letter-fi.odt'));
    expect(fi).toEqual(outline(await read('letter-fi.docx')));
  });

  it('collapses white space as ODF says and keeps text:s, text:tab and text:line-break', () => {
    const xml = `<?xml version="1.0"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:t="urn:oasis:names:tc:opendocument:xmlns:text:1.0">
 <office:body><office:text>
  <t:p>
     Två   ord<t:s t:c="2"/>och<t:tab/>tabb<t:line-break/>ny rad &amp; mer<office:annotation><t:p>en kommentar</t:p></office:annotation>
  </t:p>
  <t:list><t:list-item><t:p>punkt</t:p><t:p>fortsättning</t:p><t:list><t:list-item><t:h t:outline-level="2">rubrik i lista</t:h></t:list-item></t:list></t:list-item></t:list>
 </office:text></office:body>
</office:document-content>`;
    expect(odtBlocks(xml)).toEqual([
      // Trailing white space is left for assembleBlocks to trim.
      { kind: 'paragraph', text: 'Två ord  och\ttabb\nny rad & mer ' },
      { kind: 'list-item', text: 'punkt' },
      { kind: 'paragraph', text: 'fortsättning' },
      { kind: 'heading', text: 'rubrik i lista' },
    ]);
  });

  it('refuses an OpenDocument spreadsheet renamed to .odt', async () => {
    const zip = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    expect(await failure('tabell.odt', zip)).toBe('tabell.odt: not a valid OpenDocument text (.odt)');
  });

  it('refuses a password-protected document', async () => {
    const manifest = '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml"><manifest:encryption-data/></manifest:file-entry></manifest:manifest>';
    const zip = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }],
      'content.xml': new Uint8Array([1, 2, 3, 4]),
      'META-INF/manifest.xml': strToU8(manifest),
    });
    expect(await failure('hemlig.odt', zip)).toBe('hemlig.odt: the document is password-protected; remove the password and try again');
  });

  it('refuses content.xml that is not XML', async () => {
    const zip = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<office:text><text:p>oavslutad') });
    expect(await failure('trasig.odt', zip)).toBe('trasig.odt: not a valid OpenDocument text (.odt)');
  });
});

describe('PDF', () => {
  it('rebuilds headings, paragraphs, list items and table rows from the layout, with page numbers', async () => {
    const doc = await read('letter-sv.pdf');
    expect(doc.format).toBe('pdf');
    const blocks = outline(doc);
    expect(blocks.map((b) => [b.kind, b.paragraph, b.page])).toEqual([
      ['heading', 1, 1],
      ['paragraph', 2, 1],
      ['paragraph', 3, 1],
      ['heading', 4, 2],
      ['paragraph', 5, 2],
      ['list-item', 6, 2],
      ['list-item', 7, 2],
      ['list-item', 8, 2],
      ['paragraph', 9, 2],
      ['paragraph', 10, 2],
      ['paragraph', 11, 2],
      ['paragraph', 12, 2],
    ]);
    expect(blocks[0]?.text).toBe('Beslut om bostadsbidrag');
    expect(blocks[5]?.text).toBe('• ditt hyresavtal');
    // Table rows keep their cells apart with a tab.
    expect(blocks.slice(8, 11).map((b) => b.text)).toEqual(['Månad\tBelopp', 'Mars\t1 250 kr', 'April\t1 250 kr']);
    // The page footers ("Sida 1 av 2") are not text of the letter.
    expect(doc.text).not.toContain('Sida');
  });

  it('joins a paragraph\'s wrapped lines into one block, one line each', async () => {
    const doc = await read('letter-sv.pdf');
    const [, first, second] = outline(doc);
    expect(first?.text.split('\n').length).toBeGreaterThanOrEqual(3);
    expect(first?.text.replace(/\n/g, ' ')).toBe(LETTER_SV[1]?.text);
    expect(second?.text.replace(/-\n/g, '').replace(/\n/g, ' ')).toBe(LETTER_SV[2]?.text);
  });

  it('keeps a word hyphenated at a line end so the core joins it', async () => {
    const doc = await read('letter-sv.pdf');
    expect(doc.text).toContain('handläggnings-\nskyldigheten');
    const report = analyse(doc.text, { blocks: doc.blocks, language: 'sv' });
    // One word of 25 letters, not two, and the line breaks end no sentence.
    const long = report.diagnostics.find((d) => d.ruleId === 'long-word');
    expect(long?.excerpt).toBe('handläggnings-\nskyldigheten');
    expect(report.sentences.filter((s) => s.paragraph === 2)).toHaveLength(2);
    const sentence = report.diagnostics.find((d) => d.ruleId === 'long-sentence');
    expect(doc.text.slice(sentence?.offset, sentence?.endOffset).replace(/\n/g, ' ')).toBe(LETTER_SV[1]?.text);
  });

  it('reads the Norwegian and Finnish letters', async () => {
    const nb = await read('letter-nb.pdf');
    expect(nb.text).toContain('saksbehandlings-\nfristen');
    expect(outline(nb).map((b) => b.kind)).toEqual(outline(await read('letter-sv.pdf')).map((b) => b.kind));
    const fi = await read('letter-fi.pdf');
    expect(fi.text).toContain('toimeentulotuki-\nhakemuksenne');
    expect(fi.text).not.toContain('Sivu');
    expect(outline(fi)[0]).toEqual({ kind: 'heading', paragraph: 1, page: 1, text: 'Päätös asumistuesta' });
  });

  it('refuses an encrypted PDF', async () => {
    const path = join(fixtures, 'encrypted.pdf');
    expect(await failure(path, readFileSync(path))).toBe(`${path}: the PDF is encrypted; remove the password and try again`);
  });

  it('refuses a scanned PDF without a text layer', async () => {
    const path = join(fixtures, 'scanned.pdf');
    expect(await failure(path, readFileSync(path))).toBe(`${path}: this PDF has no text; run OCR first`);
  });

  it('refuses a file that is not a PDF', async () => {
    const path = join(fixtures, 'not-a-pdf.pdf');
    expect(await failure(path, readFileSync(path))).toBe(`${path}: not a valid PDF`);
    expect(await failure('tom.pdf', new Uint8Array(0))).toBe('tom.pdf: not a valid PDF');
  });

  it('leaves the caller\'s bytes usable', async () => {
    const bytes = readFileSync(join(fixtures, 'letter-sv.pdf'));
    await readOfficeDocument('letter-sv.pdf', bytes);
    expect(bytes.length).toBeGreaterThan(0);
    expect(strFromU8(bytes.subarray(0, 5), true)).toBe('%PDF-');
  });
});

describe('PDF paragraphs from the layout', () => {
  /** Lines at 12 pt from the top of each page down, `gap` points apart unless given as [gap, text]. */
  function page(n: number, gap: number, rows: (string | [number, string] | [number, string, number])[]): PdfLine[] {
    let y = 800;
    return rows.map((row, i) => {
      const [step, text, size] = typeof row === 'string' ? [gap, row, 12] : [row[0], row[1], row[2] ?? 12];
      if (i > 0) y -= step;
      return { page: n, y, x: 72, right: 72 + text.length * 6, size, text, tabular: false };
    });
  }
  const texts = (lines: PdfLine[]) => buildBlocks(lines).map((b) => [b.kind, b.page, b.lines.join('|')]);

  it('tells paragraphs apart on a page of one-line paragraphs, where the usual gap is the paragraph gap', () => {
    expect(texts(page(1, 24, ['Första stycket.', 'Andra stycket.', 'Tredje stycket.']))).toEqual([
      ['paragraph', 1, 'Första stycket.'],
      ['paragraph', 1, 'Andra stycket.'],
      ['paragraph', 1, 'Tredje stycket.'],
    ]);
  });

  it('keeps a two-line heading together and a paragraph running on to the next page', () => {
    const lines = [
      ...page(1, 14, [
        [0, 'En rubrik som är så lång att den', 16],
        [19, 'bryts över två rader', 16],
        [26, 'Ett stycke som börjar på den första sidan och som fortsätter'],
        'över flera rader och sedan på nästa sida utan att meningen',
      ]),
      ...page(2, 14, ['har tagit slut på den förra sidan.', [24, 'Ett nytt stycke.']]),
    ];
    expect(texts(lines)).toEqual([
      ['heading', 1, 'En rubrik som är så lång att den|bryts över två rader'],
      [
        'paragraph',
        1,
        'Ett stycke som börjar på den första sidan och som fortsätter|över flera rader och sedan på nästa sida utan att meningen|har tagit slut på den förra sidan.',
      ],
      ['paragraph', 2, 'Ett nytt stycke.'],
    ]);
  });

  it('ends a paragraph at a short line after a full stop when paragraphs have no space between them', () => {
    expect(
      texts(
        page(1, 14, [
          'Det första stycket har en lång första rad som fyller hela bredden av',
          'spalten och en kort sista rad.',
          'Det andra stycket börjar direkt på nästa rad utan mellanrum alls, men',
          'med stor bokstav.',
        ]),
      ),
    ).toEqual([
      ['paragraph', 1, 'Det första stycket har en lång första rad som fyller hela bredden av|spalten och en kort sista rad.'],
      ['paragraph', 1, 'Det andra stycket börjar direkt på nästa rad utan mellanrum alls, men|med stor bokstav.'],
    ]);
  });

  it('starts a list item at every bullet, even with the tighter list spacing', () => {
    expect(texts(page(1, 14, ['Skicka in:', [24, '• hyresavtalet'], [16, '• ett intyg som är så långt att det'], [14, 'fortsätter på nästa rad'], [16, '1. en lista med nummer']]))).toEqual([
      ['paragraph', 1, 'Skicka in:'],
      ['list-item', 1, '• hyresavtalet'],
      ['list-item', 1, '• ett intyg som är så långt att det|fortsätter på nästa rad'],
      ['list-item', 1, '1. en lista med nummer'],
    ]);
  });

  it('does not take a date or an abbreviation wrapped to a line start for a list item', () => {
    expect(texts(page(1, 14, ['Stödet betalas ut från och med den', '1. mars 2025 till och med den', '31. desember 2025, se s.', 's. 12 i beslutet.']))).toEqual([
      ['paragraph', 1, 'Stödet betalas ut från och med den|1. mars 2025 till och med den|31. desember 2025, se s.|s. 12 i beslutet.'],
    ]);
  });
});

describe('readOfficeDocument', () => {
  it('names the formats it reads when given another', async () => {
    expect(await failure('brev.rtf', new Uint8Array(10))).toBe('brev.rtf: not a .docx, .odt or .pdf file');
  });

  it('finds the paragraph number and page of a finding', async () => {
    const doc = await read('letter-sv.pdf');
    const report = analyse(doc.text, { blocks: doc.blocks, language: 'sv' });
    const where = report.diagnostics.map((d) => [d.ruleId, locatorAt(doc, d.offset)?.paragraph, locatorAt(doc, d.offset)?.page]);
    expect(where).toEqual([
      ['long-sentence', 2, 1],
      ['long-word', 3, 1],
    ]);
    const list = doc.text.indexOf('• ett intyg');
    expect(locatorAt(doc, list)).toMatchObject({ paragraph: 7, page: 2 });
    expect(locatorAt(doc, list - 1)).toMatchObject({ paragraph: 6, page: 2 });
    expect(locatorAt(doc, doc.text.length)).toMatchObject({ paragraph: 12, page: 2 });
  });

  it('dispatches on the extension in any case', async () => {
    const bytes = readFileSync(join(fixtures, 'letter-sv.odt'));
    expect((await readOfficeDocument('BREV.ODT', bytes)).format).toBe('odt');
  });
});
