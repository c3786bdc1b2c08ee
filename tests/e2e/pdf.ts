/**
 * Reads back a PDF printed by Chromium with pdf.js (Mozilla's PDF reader, as
 * bundled by unpdf, which needs no native canvas): its page count, the titles
 * of its outline (the headings, with `outline: true`) and the text of each page.
 */
import { getDocumentProxy } from 'unpdf';

interface OutlineItem {
  title: string;
  items: OutlineItem[];
}

const flatten = (items: OutlineItem[]): string[] =>
  items.flatMap((item) => [item.title, ...flatten(item.items)]);

export async function readPdf(pdf: Uint8Array) {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
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
    await doc.loadingTask.destroy();
  }
}
