/**
 * Reads back a PDF printed by Chromium with pdf.js (Mozilla's PDF reader):
 * its page count, the titles of its outline (the headings, with
 * `outline: true`) and the text of each page.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

interface OutlineItem {
  title: string;
  items: OutlineItem[];
}

const flatten = (items: OutlineItem[]): string[] =>
  items.flatMap((item) => [item.title, ...flatten(item.items)]);

export async function readPdf(pdf: Uint8Array) {
  const task = getDocument({ data: new Uint8Array(pdf) });
  const doc = await task.promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      pages.push(
        content.items
          .map((item) => ('str' in item ? item.str : ''))
          .join(' ')
          .replace(/\s+/g, ' ')
          .trim(),
      );
    }
    return { pages, titles: flatten((await doc.getOutline()) ?? []) };
  } finally {
    await task.destroy();
  }
}
