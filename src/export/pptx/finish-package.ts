import JSZip from 'jszip';
import type { PdfMetadata } from '../metadata.js';

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * What pptxgenjs leaves to do in its package: document properties it has no option for,
 * and paragraphs it gives one `<a:pPr>` per run where DrawingML allows one, first.
 */
export async function finishPackage(pptx: Uint8Array, metadata: PdfMetadata): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(pptx);
  const core = zip.file('docProps/core.xml');
  if (core) {
    // Keywords and language go where PowerPoint's File › Info and search read them.
    const extra = [
      metadata.keywords.length > 0 ? `<cp:keywords>${escapeXml(metadata.keywords.join(', '))}</cp:keywords>` : '',
      `<dc:language>${escapeXml(metadata.lang)}</dc:language>`,
    ].join('');
    zip.file('docProps/core.xml', (await core.async('string')).replace('</cp:coreProperties>', `${extra}</cp:coreProperties>`));
  }
  for (const name of Object.keys(zip.files).filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path))) {
    zip.file(name, oneParagraphPropertiesEach(await zip.file(name)!.async('string')));
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Keeps each paragraph's first `<a:pPr>`: a later one, between runs, is invalid and makes PowerPoint offer a repair. */
export function oneParagraphPropertiesEach(xml: string): string {
  return xml.replace(/<a:p>[\s\S]*?<\/a:p>/g, (paragraph) => {
    let first = true;
    return paragraph.replace(/<a:pPr\b[^>]*?(?:\/>|>[\s\S]*?<\/a:pPr>)/g, (properties) => {
      if (!first) return '';
      first = false;
      return properties;
    });
  });
}
