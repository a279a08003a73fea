#!/usr/bin/env node
/**
 * Generates the Word, OpenDocument and PDF test fixtures in tests/fixtures/office/
 * (or the folder given as the first argument): a short official-style letter in
 * Swedish, Norwegian bokmål and Finnish in each format, plus the broken inputs the
 * tests feed klar. Output is deterministic: fixed dates, ids and zip timestamps,
 * so running the script again changes no byte.
 *
 *   node scripts/make-fixtures.mjs [folder]
 */

import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, rgb, StandardFonts } from 'pdf-lib';

/** Every date written into a fixture. */
const FIXED_DATE = new Date('2025-03-01T09:00:00Z');
const FIXED_ISO = '2025-03-01T09:00:00Z';
/** Zip entries store local wall-clock time, and fflate reads a Date's local fields: this gives the same bytes in every time zone. */
const ZIP_DATE = new Date(2025, 2, 1, 9, 0, 0);

const SHY = '\u00ad';

/**
 * The letters. `\u00ad` marks where the PDF may hyphenate a word at a line end
 * (the other formats drop it). `long` is the paragraph with the long sentence and
 * the officialese word; `hyphenated` carries the long compound the PDF breaks.
 */
const LETTERS = {
  sv: {
    heading: 'Beslut om bostadsbidrag',
    long: [
      'Kommunen har prövat din ansökan om bostadsbidrag och beslutat att du kommer att ',
      'erhålla',
      ' ett bidrag på 1 250 kronor per månad från och med den 1 mars 2025, under förutsättning att du fortsätter att uppfylla de villkor som gäller för bidraget.',
    ],
    hyphenated: `Om du flyttar eller får ändrade inkomster ska du berätta det för oss, eftersom handläggnings${SHY}skyldigheten gäller även då. Om du inte håller med om beslutet kan du överklaga det inom tre veckor från den dag du fick beslutet.`,
    note: 'Enligt 5 kap. i lagen om bostadsbidrag.',
    listIntro: 'Skicka in de här handlingarna:',
    list: ['ditt hyresavtal', 'ett intyg om din inkomst', 'uppgifter om alla som bor i bostaden'],
    table: [
      ['Månad', 'Belopp'],
      ['Mars', '1 250 kr'],
      ['April', '1 250 kr'],
    ],
    page2Heading: 'Det här behöver vi från dig',
    closing: 'Med vänliga hälsningar',
    footer: (page, pages) => `Sida ${page} av ${pages}`,
  },
  nb: {
    heading: 'Vedtak om bostøtte',
    long: [
      'Kommunen har behandlet søknaden din om bostøtte og har kommet fram til at du vil ',
      'erholde',
      ' en støtte på 1 250 kroner i måneden fra og med 1. mars 2025, forutsatt at du fortsatt oppfyller de vilkårene som gjelder for ordningen.',
    ],
    hyphenated: `Hvis du flytter eller får endret inntekt, må du si fra til oss, fordi saksbehandlings${SHY}fristen da begynner å løpe på nytt. Dersom du ikke er enig i vedtaket, kan du klage innen tre uker etter at du fikk det.`,
    listIntro: 'Send oss disse dokumentene:',
    list: ['husleiekontrakten din', 'en bekreftelse på inntekten din', 'opplysninger om alle som bor i boligen'],
    table: [
      ['Måned', 'Beløp'],
      ['Mars', '1 250 kr'],
      ['April', '1 250 kr'],
    ],
    page2Heading: 'Dette trenger vi fra deg',
    closing: 'Med vennlig hilsen',
    footer: (page, pages) => `Side ${page} av ${pages}`,
  },
  fi: {
    heading: 'Päätös asumistuesta',
    long: [
      'Kunta on käsitellyt asumistukea koskevan hakemuksenne ja päättänyt, että teille ',
      'myönnetään',
      ' asumistukea 1 250 euroa kuukaudessa 1.3.2025 alkaen edellyttäen, että täytätte edelleen tuen saamisen ehdot ja ilmoitatte kaikista tuloissanne tapahtuvista muutoksista viipymättä.',
    ],
    hyphenated: `Jos muutatte tai tulonne muuttuvat, ilmoittakaa siitä meille, koska toimeentulotuki${SHY}hakemuksenne käsittely alkaa silloin alusta. Jos ette ole tyytyväinen päätökseen, voitte hakea siihen oikaisua kolmen viikon kuluessa.`,
    listIntro: 'Lähettäkää meille nämä asiakirjat:',
    list: ['vuokrasopimus', 'todistus tuloistanne', 'tiedot kaikista asunnossa asuvista henkilöistä'],
    table: [
      ['Kuukausi', 'Määrä'],
      ['Maaliskuu', '1 250 euroa'],
      ['Huhtikuu', '1 250 euroa'],
    ],
    page2Heading: 'Tarvitsemme teiltä nämä tiedot',
    closing: 'Ystävällisin terveisin',
    footer: (page, pages) => `Sivu ${page} / ${pages}`,
  },
};

const plain = (s) => s.replaceAll(SHY, '');

// ---------------------------------------------------------------------------
// Zip helpers: every package is rewritten with fflate so entry dates are fixed.

function zipDeterministic(files) {
  const input = {};
  for (const [name, data] of files) {
    // ODF requires the mimetype entry first and stored, so readers can sniff it.
    input[name] = [data, { level: name === 'mimetype' ? 0 : 6, mtime: ZIP_DATE }];
  }
  return zipSync(input, { mtime: ZIP_DATE });
}

// ---------------------------------------------------------------------------
// .docx

async function makeDocx(lang) {
  const l = LETTERS[lang];
  const cell = (text, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })], width: { size: 50, type: WidthType.PERCENTAGE } });
  const hyphenated = plain(l.hyphenated);
  const noteAt = hyphenated.indexOf('.') + 1;
  const doc = new Document({
    creator: 'klar',
    title: l.heading,
    description: 'klar test fixture',
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT }] }],
    },
    ...(l.note ? { footnotes: { 1: { children: [new Paragraph(l.note)] } } } : {}),
    sections: [
      {
        children: [
          new Paragraph({ text: l.heading, heading: HeadingLevel.HEADING_1 }),
          // The officialese word is a run of its own, so comments must split runs to anchor on it.
          new Paragraph({ children: [new TextRun(l.long[0]), new TextRun({ text: l.long[1], italics: true }), new TextRun(l.long[2])] }),
          new Paragraph({
            children: l.note
              ? [new TextRun(hyphenated.slice(0, noteAt)), new FootnoteReferenceRun(1), new TextRun(hyphenated.slice(noteAt))]
              : [new TextRun(hyphenated)],
          }),
          new Paragraph({ text: l.page2Heading, heading: HeadingLevel.HEADING_2 }),
          new Paragraph(l.listIntro),
          ...l.list.map((item) => new Paragraph({ text: item, numbering: { reference: 'bullets', level: 0 } })),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: l.table.map((row, i) => new TableRow({ tableHeader: i === 0, children: row.map((text) => cell(text, i === 0)) })),
          }),
          new Paragraph(''),
          new Paragraph(l.closing),
        ],
      },
    ],
  });
  const packed = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  const files = new Map();
  for (const [name, data] of Object.entries(packed)) {
    if (name === 'docProps/core.xml') {
      // The docx package stamps the current time; pin it.
      const xml = strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${FIXED_ISO}$2`);
      files.set(name, strToU8(xml));
    } else files.set(name, data);
  }
  return zipDeterministic([...files].sort(([a], [b]) => (a === '[Content_Types].xml' ? -1 : b === '[Content_Types].xml' ? 1 : a < b ? -1 : a > b ? 1 : 0)));
}

// ---------------------------------------------------------------------------
// .odt

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Writes spaces as ODF wants them: runs of spaces after the first as <text:s/>. */
const odfText = (s) => esc(s).replace(/ {2,}/g, (m) => ` <text:s text:c="${m.length - 1}"/>`);

function makeOdt(lang) {
  const l = LETTERS[lang];
  const hyphenated = plain(l.hyphenated);
  const noteAt = hyphenated.indexOf('.') + 1;
  const note = l.note
    ? `<text:note text:id="ftn1" text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p text:style-name="Footnote">${odfText(l.note)}</text:p></text:note-body></text:note>`
    : '';
  const secondParagraph = l.note ? `${odfText(hyphenated.slice(0, noteAt))}${note}${odfText(hyphenated.slice(noteAt))}` : odfText(hyphenated);
  const row = (cells, header) =>
    `<table:table-row>${cells.map((c) => `<table:table-cell office:value-type="string"><text:p text:style-name="${header ? 'Table_20_Heading' : 'Table_20_Contents'}">${odfText(c)}</text:p></table:table-cell>`).join('')}</table:table-row>`;
  const content = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-style="italic"/></style:style>
 </office:automatic-styles>
 <office:body>
  <office:text>
   <text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
   <text:h text:style-name="Heading_20_1" text:outline-level="1">${odfText(l.heading)}</text:h>
   <text:p text:style-name="Text_20_body">${odfText(l.long[0])}<text:span text:style-name="T1">${odfText(l.long[1])}</text:span>${odfText(l.long[2])}</text:p>
   <text:p text:style-name="Text_20_body">${secondParagraph}</text:p>
   <text:h text:style-name="Heading_20_2" text:outline-level="2">${odfText(l.page2Heading)}</text:h>
   <text:p text:style-name="Text_20_body">${odfText(l.listIntro)}</text:p>
   <text:list text:style-name="L1">
${l.list.map((item) => `    <text:list-item><text:p text:style-name="List_20_Bullet">${odfText(item)}</text:p></text:list-item>`).join('\n')}
   </text:list>
   <table:table table:name="Table1">
    <table:table-column table:number-columns-repeated="2"/>
    ${l.table.map((r, i) => row(r, i === 0)).join('\n    ')}
   </table:table>
   <text:p text:style-name="Text_20_body"/>
   <text:p text:style-name="Text_20_body">${odfText(l.closing)}</text:p>
  </office:text>
 </office:body>
</office:document-content>
`;
  const styles = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3">
 <office:styles>
  <style:style style:name="Standard" style:family="paragraph"><style:text-properties fo:font-size="12pt" fo:language="${lang}"/></style:style>
  <style:style style:name="Text_20_body" style:display-name="Text body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-bottom="0.25cm"/></style:style>
  <style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="1"><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:parent-style-name="Standard" style:default-outline-level="2"><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
  <style:style style:name="List_20_Bullet" style:display-name="List Bullet" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Table_20_Contents" style:display-name="Table Contents" style:family="paragraph" style:parent-style-name="Standard"/>
  <style:style style:name="Table_20_Heading" style:display-name="Table Heading" style:family="paragraph" style:parent-style-name="Table_20_Contents"><style:text-properties fo:font-weight="bold"/></style:style>
  <style:style style:name="Footnote" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="10pt"/></style:style>
  <text:list-style style:name="L1"><text:list-level-style-bullet text:level="1" text:bullet-char="•"/></text:list-style>
 </office:styles>
</office:document-styles>
`;
  const meta = `<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3">
 <office:meta><dc:title>${esc(l.heading)}</dc:title><dc:language>${lang}</dc:language><meta:creation-date>${FIXED_ISO}</meta:creation-date><meta:generator>klar make-fixtures</meta:generator></office:meta>
</office:document-meta>
`;
  const manifest = `<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text" manifest:version="1.3"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
`;
  return zipDeterministic([
    ['mimetype', strToU8('application/vnd.oasis.opendocument.text')],
    ['content.xml', strToU8(content)],
    ['styles.xml', strToU8(styles)],
    ['meta.xml', strToU8(meta)],
    ['META-INF/manifest.xml', strToU8(manifest)],
  ]);
}

// ---------------------------------------------------------------------------
// .pdf

const PAGE = [595.28, 841.89];
const LEFT = 72;
/** Narrow enough that the long paragraphs wrap over several lines. */
const TEXT_WIDTH = 440;
const BODY = 12;
const LEADING = 14;
const PARAGRAPH_GAP = 24;

/**
 * Greedy line breaking. A word that does not fit may break at a marked
 * hyphenation point (the part before it plus "-" ending the line).
 */
function wrap(text, font, size, width) {
  const lines = [];
  let line = '';
  const fits = (s) => font.widthOfTextAtSize(s, size) <= width;
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${plain(word)}` : plain(word);
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    const parts = word.split(SHY);
    let broke = false;
    for (let k = parts.length - 1; k >= 1 && !broke; k--) {
      const head = `${parts.slice(0, k).join('')}-`;
      if (fits(line ? `${line} ${head}` : head)) {
        lines.push(line ? `${line} ${head}` : head);
        line = parts.slice(k).join('');
        broke = true;
      }
    }
    if (!broke) {
      if (line) lines.push(line);
      line = plain(word);
    }
  }
  if (line) lines.push(line);
  return lines;
}

async function makePdf(lang) {
  const l = LETTERS[lang];
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setTitle(l.heading);
  pdf.setLanguage(lang);
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  pdf.setProducer('pdf-lib');
  pdf.setCreator('klar make-fixtures');
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const pages = [pdf.addPage(PAGE), pdf.addPage(PAGE)];
  let hyphenatedLines = 0;

  const paragraph = (page, y, text, width = TEXT_WIDTH) => {
    const lines = wrap(text, font, BODY, width);
    for (const [i, line] of lines.entries()) {
      page.drawText(line, { x: LEFT, y: y - i * LEADING, size: BODY, font });
      if (line.endsWith('-') && /\p{Ll}/u.test(lines[i + 1]?.[0] ?? '')) hyphenatedLines++;
    }
    return y - (lines.length - 1) * LEADING - PARAGRAPH_GAP;
  };

  let y = 770;
  const [first, second] = pages;
  first.drawText(l.heading, { x: LEFT, y, size: 16, font: bold });
  y -= 26;
  y = paragraph(first, y, l.long.join(''));
  // The first column width (from TEXT_WIDTH down) at which the marked compound breaks at a line end.
  let width = TEXT_WIDTH;
  while (width > 260 && !wrap(l.hyphenated, font, BODY, width).some((line) => line.endsWith('-'))) width -= 2;
  y = paragraph(first, y, l.hyphenated, width);
  if (hyphenatedLines === 0) throw new Error(`${lang}: no word is hyphenated across a line end; adjust TEXT_WIDTH`);

  y = 770;
  second.drawText(l.page2Heading, { x: LEFT, y, size: 14, font: bold });
  y -= 25;
  y = paragraph(second, y, l.listIntro);
  for (const item of l.list) {
    second.drawText(`•  ${item}`, { x: LEFT + 10, y, size: BODY, font });
    y -= 16;
  }
  y -= 10;
  for (const [i, row] of l.table.entries()) {
    second.drawText(row[0], { x: LEFT, y, size: BODY, font: i === 0 ? bold : font });
    second.drawText(row[1], { x: LEFT + 220, y, size: BODY, font: i === 0 ? bold : font });
    second.drawLine({ start: { x: LEFT, y: y - 4 }, end: { x: LEFT + 380, y: y - 4 }, thickness: 0.5, color: rgb(0.6, 0.6, 0.6) });
    y -= 18;
  }
  y -= PARAGRAPH_GAP - 18;
  second.drawText(l.closing, { x: LEFT, y, size: BODY, font });

  pages.forEach((page, i) => {
    const footer = l.footer(i + 1, pages.length);
    page.drawText(footer, { x: PAGE[0] / 2 - font.widthOfTextAtSize(footer, 9) / 2, y: 40, size: 9, font });
  });
  return pdf.save({ useObjectStreams: false });
}

/** A page with a grey rectangle where a scanner would have put the page image, and no text at all. */
async function makeScannedPdf() {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.setCreationDate(FIXED_DATE);
  pdf.setModificationDate(FIXED_DATE);
  const page = pdf.addPage(PAGE);
  page.drawRectangle({ x: 40, y: 40, width: PAGE[0] - 80, height: PAGE[1] - 80, color: rgb(0.92, 0.92, 0.9) });
  for (let i = 0; i < 20; i++) page.drawRectangle({ x: 72, y: 740 - i * 16, width: 300 + ((i * 37) % 120), height: 6, color: rgb(0.3, 0.3, 0.3) });
  return pdf.save({ useObjectStreams: false });
}

// --- PDF encryption: the standard security handler, revision 2 (40-bit RC4, PDF 1.4 §3.5).
// pdf-lib cannot encrypt, so the script does it: every stream of the saved document is
// encrypted with its object key, and the trailer gets /Encrypt and /ID.

const PASSWORD_PAD = Buffer.from('28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a', 'hex');

function rc4(key, data) {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = new Uint8Array(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 255;
    j = (j + s[i]) & 255;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 255];
  }
  return out;
}

const md5 = (...parts) => createHash('md5').update(Buffer.concat(parts.map((p) => Buffer.from(p)))).digest();
const padPassword = (pw) => Buffer.concat([Buffer.from(pw, 'latin1'), PASSWORD_PAD]).subarray(0, 32);

async function makeEncryptedPdf(userPassword, ownerPassword) {
  const plainPdf = await PDFDocument.create({ updateMetadata: false });
  const font = await plainPdf.embedFont(StandardFonts.Helvetica);
  const page = plainPdf.addPage(PAGE);
  page.drawText('Sekretessbelagt beslut', { x: LEFT, y: 770, size: 16, font });
  page.drawText('Den här texten går inte att läsa utan lösenord.', { x: LEFT, y: 740, size: BODY, font });
  const pdf = await PDFDocument.load(await plainPdf.save({ useObjectStreams: false }), { updateMetadata: false });
  const context = pdf.context;

  const id = md5('klar fixture encrypted.pdf');
  const permissions = -4;
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  const owner = rc4(md5(padPassword(ownerPassword)).subarray(0, 5), padPassword(userPassword));
  const key = md5(padPassword(userPassword), owner, p, id).subarray(0, 5);
  const user = rc4(key, PASSWORD_PAD);

  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const n = ref.objectNumber;
    const g = ref.generationNumber;
    const objectKey = md5(key, [n & 255, (n >> 8) & 255, (n >> 16) & 255, g & 255, (g >> 8) & 255]).subarray(0, 10);
    context.assign(ref, PDFRawStream.of(object.dict, rc4(objectKey, object.contents)));
  }
  const encrypt = context.obj({
    Filter: PDFName.of('Standard'),
    V: PDFNumber.of(1),
    R: PDFNumber.of(2),
    O: PDFHexString.of(Buffer.from(owner).toString('hex')),
    U: PDFHexString.of(Buffer.from(user).toString('hex')),
    P: PDFNumber.of(permissions),
  });
  context.trailerInfo.Encrypt = context.register(encrypt);
  const idHex = PDFHexString.of(id.toString('hex'));
  context.trailerInfo.ID = context.obj([idHex, idHex]);
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false });
}

// ---------------------------------------------------------------------------

async function writeAtomically(path, bytes) {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, bytes);
  await rename(temp, path);
}

export async function makeFixtures(folder) {
  await mkdir(folder, { recursive: true });
  const out = new Map();
  for (const lang of Object.keys(LETTERS)) {
    out.set(`letter-${lang}.docx`, await makeDocx(lang));
    out.set(`letter-${lang}.odt`, makeOdt(lang));
    out.set(`letter-${lang}.pdf`, await makePdf(lang));
  }
  out.set('encrypted.pdf', await makeEncryptedPdf('hemligt', 'klar-owner'));
  out.set('scanned.pdf', await makeScannedPdf());
  // A Word file cut off halfway, as a failed download leaves it: no zip directory at the end.
  const docx = out.get('letter-sv.docx');
  out.set('truncated.docx', docx.subarray(0, Math.floor(docx.length / 2)));
  out.set('not-a-pdf.pdf', strToU8('Detta är ingen PDF, bara text som fått fel filändelse.\n'));
  for (const [name, bytes] of out) await writeAtomically(join(folder, name), bytes);
  return [...out.keys()];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const folder = resolve(process.argv[2] ?? fileURLToPath(new URL('../tests/fixtures/office/', import.meta.url)));
  const names = await makeFixtures(folder);
  process.stdout.write(`wrote ${names.length} fixtures to ${folder}\n`);
}
