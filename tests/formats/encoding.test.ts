import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, detectLineEnding, encodeText } from '../../src/formats/encoding.js';
import { readDocument } from '../../src/formats/index.js';
import { DocumentError, type TextEncoding } from '../../src/formats/types.js';

const SWEDISH = 'Beslut om bostadsbidrag\r\nDu får 1 250 kr i månaden från och med 1 mars – läs mer på sidan två.\r\n';

function bytesOf(...parts: (number[] | Uint8Array)[]): Uint8Array {
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

function utf16(text: string, littleEndian: boolean): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(...(littleEndian ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return out;
}

function refused(path: string, bytes: Uint8Array): string {
  try {
    decodeText(path, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(DocumentError);
    return (error as Error).message;
  }
  throw new Error('not refused');
}

describe('decoding', () => {
  const utf8 = new TextEncoder().encode(SWEDISH);
  const cases: [string, Uint8Array, TextEncoding][] = [
    ['UTF-8', utf8, { name: 'utf-8', bom: false, lineEnding: 'crlf' }],
    ['UTF-8 with BOM', bytesOf([0xef, 0xbb, 0xbf], utf8), { name: 'utf-8', bom: true, lineEnding: 'crlf' }],
    ['UTF-16 LE with BOM', bytesOf([0xff, 0xfe], utf16(SWEDISH, true)), { name: 'utf-16le', bom: true, lineEnding: 'crlf' }],
    ['UTF-16 BE with BOM', bytesOf([0xfe, 0xff], utf16(SWEDISH, false)), { name: 'utf-16be', bom: true, lineEnding: 'crlf' }],
    // 0x96 is the en dash in Windows-1252 (a control character in ISO-8859-1).
    ['Windows-1252', Uint8Array.from(Buffer.from(SWEDISH.replace('–', '\x96'), 'latin1')), { name: 'windows-1252', bom: false, lineEnding: 'crlf' }],
  ];

  for (const [name, bytes, encoding] of cases) {
    it(`decodes ${name} and writes it back byte for byte`, () => {
      const decoded = decodeText('beslut.txt', bytes);
      expect(decoded.encoding).toEqual(encoding);
      expect(decoded.text).toBe(SWEDISH);
      expect(decoded.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(encodeText(decoded.text, decoded.encoding)).toEqual(bytes);
    });
  }

  it('reads Windows-1252 quotes and dashes as the characters Word wrote', () => {
    const bytes = Uint8Array.from([0x93, 0x4a, 0x61, 0x92, 0x94, 0x20, 0x96, 0x20, 0x80, 0x20, 0x31, 0x30]);
    expect(decodeText('citat.txt', bytes).text).toBe('“Ja’” – € 10');
  });

  it('reads ISO-8859-1 Nordic text as Windows-1252', () => {
    const latin1 = Uint8Array.from(Buffer.from('Søknad om støtte til båt. Hakemus käsitellään. Ærlig talt.\n', 'latin1'));
    const decoded = decodeText('gammal.txt', latin1);
    expect(decoded).toEqual({ text: 'Søknad om støtte til båt. Hakemus käsitellään. Ærlig talt.\n', encoding: { name: 'windows-1252', bom: false, lineEnding: 'lf' } });
    expect(encodeText(decoded.text, decoded.encoding)).toEqual(latin1);
  });

  it('names each line-end convention', () => {
    expect(['a\nb\n', 'a\r\nb', 'a\rb', 'a\r\nb\n', 'ab'].map(detectLineEnding)).toEqual(['lf', 'crlf', 'cr', 'mixed', 'none']);
  });

  it('reads an empty file as an empty text', () => {
    expect(decodeText('tom.txt', new Uint8Array())).toEqual({ text: '', encoding: { name: 'utf-8', bom: false, lineEnding: 'none' } });
    expect(decodeText('bom.txt', Uint8Array.from([0xef, 0xbb, 0xbf])).text).toBe('');
  });

  it('refuses binary files with one line naming the file', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const expected = 'bild.txt: binary file, not text; klar checks .txt, .md, .html, .docx, .odt and .pdf';
    expect(refused('bild.txt', png)).toBe(expected);
    // No NUL, but control characters throughout: data, not text.
    const controls = Uint8Array.from({ length: 200 }, (_, i) => (i % 5 === 0 ? 1 + (i % 30) : 0x41 + (i % 26)));
    expect(refused('bild.txt', controls)).toBe(expected);
    // UTF-16 without a byte-order mark has NUL bytes: refused the same way.
    expect(refused('bild.txt', Uint8Array.from(utf16('Hej', true)))).toBe(expected);
  });

  it('accepts a stray control character in a long text', () => {
    const text = `${'Du får ett beslut. '.repeat(20)}\u001b[0m\u001a`;
    expect(decodeText('logg.txt', new TextEncoder().encode(text)).text).toBe(text);
  });

  it('refuses bytes that are no known encoding', () => {
    // 0x81 and 0x8D are undefined in Windows-1252 and invalid on their own in UTF-8.
    expect(refused('konstig.txt', Uint8Array.from([0x48, 0x65, 0x6a, 0x81, 0x8d, 0x21]))).toBe(
      'konstig.txt: not UTF-8, UTF-16 or Windows-1252 text; save it as UTF-8 and try again',
    );
    expect(refused('trasig.txt', Uint8Array.from([0xef, 0xbb, 0xbf, 0x48, 0xe5, 0x6a]))).toBe(
      'trasig.txt: starts as UTF-8 but is not valid UTF-8; save it again as UTF-8 and try again',
    );
    expect(refused('halv.txt', Uint8Array.from([0xff, 0xfe, 0x48, 0x00, 0x65]))).toBe(
      'halv.txt: starts as UTF-16 but is not valid UTF-16; save it again as UTF-8 and try again',
    );
  });

  it('refuses to write a character Windows-1252 does not have', () => {
    expect(() => encodeText('Hyvää päivää → ő', { name: 'windows-1252', bom: false, lineEnding: 'none' }, 'brev.txt')).toThrow(
      new DocumentError('brev.txt: "→" (U+2192) cannot be written in Windows-1252; save the file as UTF-8 first'),
    );
  });

  it('refuses a binary file with any text extension', async () => {
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    await expect(readDocument('sida.md', zip)).rejects.toThrow('sida.md: binary file, not text;');
    await expect(readDocument('sida.html', zip)).rejects.toThrow('sida.html: binary file, not text;');
  });
});

describe('round trip (property)', () => {
  // Text without the control characters that would make it look binary.
  const prose = fc.string({ unit: 'binary', maxLength: 200 }).map((s) => s.replace(/[\u0000-\u0008\u000e-\u0019\u001b-\u001f\u007f]/g, ''));

  it('UTF-8 and UTF-16 bytes decode and encode to the same bytes', () => {
    fc.assert(
      fc.property(prose, fc.constantFrom<TextEncoding>(
        { name: 'utf-8', bom: false, lineEnding: 'none' },
        { name: 'utf-8', bom: true, lineEnding: 'none' },
        { name: 'utf-16le', bom: true, lineEnding: 'none' },
        { name: 'utf-16be', bom: true, lineEnding: 'none' },
      ), (text, encoding) => {
        const bytes = encodeText(text, encoding);
        const decoded = decodeText('x.txt', bytes);
        expect(encodeText(decoded.text, decoded.encoding)).toEqual(bytes);
        if (encoding.bom || text.charCodeAt(0) !== 0xfeff) expect(decoded.text).toBe(text);
      }),
    );
  });

  it('Windows-1252 bytes decode and encode to the same bytes', () => {
    const alphabet = [...'abc XYZ.,\n\r\tåäöÅÄÖæøÆØéü€–“”’'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 200 }), (chars) => {
        const bytes = encodeText(chars.join(''), { name: 'windows-1252', bom: false, lineEnding: 'none' });
        const decoded = decodeText('x.txt', bytes);
        expect(encodeText(decoded.text, decoded.encoding)).toEqual(bytes);
      }),
    );
  });
});
