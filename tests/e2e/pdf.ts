/**
 * Reads the little a test needs from a PDF printed by Chromium, without a PDF
 * library: its page objects and the titles of its outline (bookmarks).
 *
 * Chromium compresses page content streams and draws text as glyph ids of
 * subset fonts, so the printed text cannot be read back without a full parser.
 * With `outline: true` it writes every heading as a bookmark in plain
 * (uncompressed) objects: those titles are the headings as printed. Should a
 * Chromium start packing objects into object streams, these readers throw
 * rather than count wrong.
 */

function objects(pdf: Buffer): string[] {
  const text = pdf.toString('latin1');
  if (/\/Type\s*\/ObjStm\b/.test(text))
    throw new Error('This PDF packs objects into streams: its pages cannot be counted by regex.');
  return [...text.matchAll(/\d+\s+\d+\s+obj\b([\s\S]*?)\bendobj/g)].map((m) => m[1]!);
}

/** Page objects, and the page count the root of the page tree declares. */
export function pdfPages(pdf: Buffer): { pages: number; declared: number } {
  const all = objects(pdf);
  const pages = all.filter((o) => /\/Type\s*\/Page(?![A-Za-z])/.test(o)).length;
  const root = all.find((o) => /\/Type\s*\/Pages\b/.test(o) && !/\/Parent\b/.test(o));
  const declared = Number(/\/Count\s+(\d+)/.exec(root ?? '')?.[1] ?? NaN);
  return { pages, declared };
}

/** The bytes of the PDF string starting at `at`: a literal `( … )` or a hex `< … >`. */
function pdfString(text: string, at: number): number[] {
  if (text[at] === '<') {
    const hex = text.slice(at + 1, text.indexOf('>', at)).replace(/\s/g, '');
    return hex.match(/../g)!.map((h) => parseInt(h, 16));
  }
  const bytes: number[] = [];
  const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12 };
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      const next = text[++i]!;
      const octal = /^[0-7]{1,3}/.exec(text.slice(i, i + 3))?.[0];
      if (octal) {
        bytes.push(parseInt(octal, 8));
        i += octal.length - 1;
      } else bytes.push(escapes[next] ?? next.charCodeAt(0));
      continue;
    }
    if (c === '(' && depth++ === 0) continue;
    if (c === ')' && --depth === 0) break;
    bytes.push(c.charCodeAt(0));
  }
  return bytes;
}

/** Text strings are UTF-16BE after a byte order mark, else PDFDocEncoding (Latin-1 for letters). */
function decode(bytes: number[]): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.slice(2)).swap16().toString('utf16le');
  return Buffer.from(bytes).toString('latin1');
}

/** The titles of the outline items, in no particular order. */
export function pdfOutlineTitles(pdf: Buffer): string[] {
  // Outline items have a /Parent; the document information dictionary's /Title has none.
  return objects(pdf)
    .filter((o) => /\/Parent\b/.test(o) && /\/Title\b/.test(o))
    .map((o) => {
      const start = /\/Title\s*/.exec(o)!;
      return decode(pdfString(o, start.index + start[0].length));
    });
}
