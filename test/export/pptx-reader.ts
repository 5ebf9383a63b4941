import { readFile } from 'node:fs/promises';
import { XMLParser } from 'fast-xml-parser';
import JSZip from 'jszip';

export interface PptxRun {
  text: string;
  bold: boolean;
  italic: boolean;
  font?: string;
  colour?: string;
  link: boolean;
}

export interface PptxShape {
  name: string;
  /** EMU. */
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PptxSlide {
  runs: PptxRun[];
  /** Text of each paragraph, runs joined, soft breaks as "\n". */
  paragraphs: string[];
  /** Each table's rows of cell texts. */
  tables: string[][][];
  pictures: PptxShape[];
  shapes: PptxShape[];
  notes: string;
  hasBullets: boolean;
}

export interface PptxFile {
  width: number;
  height: number;
  slides: PptxSlide[];
  core: Record<string, string>;
  media: Map<string, Uint8Array>;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: false, parseTagValue: false, trimValues: false });

type Node = Record<string, unknown>;
const list = (value: unknown): Node[] => (value === undefined ? [] : Array.isArray(value) ? (value as Node[]) : [value as Node]);

/** Every object under `node` held by key `key`, depth first. */
function findAll(node: unknown, key: string, found: Node[] = []): Node[] {
  if (Array.isArray(node)) for (const item of node) findAll(item, key, found);
  else if (node && typeof node === 'object') {
    for (const [name, value] of Object.entries(node)) {
      if (name === key) found.push(...list(value));
      findAll(value, key, found);
    }
  }
  return found;
}

const textOf = (run: Node) => {
  const t = run['a:t'];
  return typeof t === 'string' ? t : typeof t === 'object' && t !== null ? String((t as Node)['#text'] ?? '') : '';
};

function runOf(run: Node): PptxRun {
  const properties = (run['a:rPr'] ?? {}) as Node;
  const fill = (properties['a:solidFill'] as Node | undefined)?.['a:srgbClr'] as Node | undefined;
  return {
    text: textOf(run),
    bold: properties['@b'] === '1',
    italic: properties['@i'] === '1',
    font: (properties['a:latin'] as Node | undefined)?.['@typeface'] as string | undefined,
    colour: fill?.['@val'] as string | undefined,
    link: properties['a:hlinkClick'] !== undefined,
  };
}

/** A paragraph's text in document order: fast-xml-parser groups `a:r` and `a:br` apart, so soft breaks are counted, not placed. */
function paragraphText(paragraph: Node): string {
  return list(paragraph['a:r']).map(textOf).join('') + '\n'.repeat(list(paragraph['a:br']).length);
}

function shapeOf(shape: Node): PptxShape {
  const name = String(findAll(shape, 'p:cNvPr')[0]?.['@name'] ?? '');
  const off = findAll(shape, 'a:off')[0] ?? {};
  const ext = findAll(shape, 'a:ext').find((node) => node['@cx'] !== undefined) ?? {};
  return { name, x: Number(off['@x']), y: Number(off['@y']), w: Number(ext['@cx']), h: Number(ext['@cy']) };
}

/** Unzips a PPTX and reads what a person would check in PowerPoint: slides, text, tables, pictures, notes, properties. */
export async function readPptx(file: string): Promise<PptxFile> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const read = async (path: string) => parser.parse(await zip.file(path)!.async('string')) as Node;
  const presentation = await read('ppt/presentation.xml');
  const size = findAll(presentation, 'p:sldSz')[0]!;
  const slideFiles = Object.keys(zip.files)
    .filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const slides: PptxSlide[] = [];
  for (const path of slideFiles) {
    const xml = await read(path);
    const tree = findAll(xml, 'p:spTree')[0]!;
    const textShapes = list(tree['p:sp']);
    const frames = list(tree['p:graphicFrame']);
    const rels = await zip.file(path.replace('slides/', 'slides/_rels/').replace('.xml', '.xml.rels'))?.async('string');
    const notesPath = rels ? /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1] : undefined;
    const notesXml = notesPath ? await read(`ppt/notesSlides/${notesPath}`) : undefined;
    const notes = notesXml
      ? list(findAll(notesXml, 'p:sp'))
          .filter((shape) => findAll(shape, 'p:ph').some((placeholder) => placeholder['@type'] === 'body'))
          .flatMap((shape) => findAll(shape, 'a:p').map(paragraphText))
          .join('\n')
      : '';
    slides.push({
      runs: textShapes.flatMap((shape) => findAll(shape, 'a:r').map(runOf)),
      paragraphs: textShapes.flatMap((shape) => findAll(shape, 'a:p').map(paragraphText)).filter((text) => text.trim() !== ''),
      tables: frames.map((frame) => findAll(frame, 'a:tr').map((row) => list(row['a:tc']).map((cell) => findAll(cell, 'a:p').map(paragraphText).join('\n')))),
      pictures: list(tree['p:pic']).map(shapeOf),
      shapes: [...textShapes, ...frames].map(shapeOf),
      notes,
      hasBullets: findAll(xml, 'a:buChar').length + findAll(xml, 'a:buAutoNum').length > 0,
    });
  }
  const coreXml = (await read('docProps/core.xml'))['cp:coreProperties'] as Node;
  const core = Object.fromEntries(
    Object.entries(coreXml)
      .filter(([key]) => !key.startsWith('@'))
      .map(([key, value]) => [key, typeof value === 'object' ? String((value as Node)['#text'] ?? '') : String(value)]),
  );
  const media = new Map<string, Uint8Array>();
  for (const path of Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/') && !zip.files[name]!.dir))
    media.set(path, await zip.file(path)!.async('uint8array'));
  return { width: Number(size['@cx']), height: Number(size['@cy']), slides, core, media };
}
