import type { Box, Colour, PictureItem, SlideItem, SlideLayout, TableCell, TableItem, TextItem, TextParagraph, TextRun } from './layout.js';

/**
 * Runs in the deck's page, in Reveal's print view: describes the `index`-th printed page as
 * the browser laid it out. Sent as source text, so it is self-contained (the page gets a
 * do-nothing `__name` for the helpers esbuild's keepNames wraps).
 *
 * Text is read character by character with `Range.getClientRects`, so each line break is
 * the browser's own: a run starts a new line where its first character sits below the
 * line before. Elements PowerPoint cannot draw (SVG, canvas, formulas, rotated or clipped
 * boxes, videos) are listed as pictures and their text left out.
 */
export function describePrintedPage(index: number): SlideLayout {
  const page = document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')[index];
  if (!page) throw new Error(`no printed page ${index}`);
  const origin = page.getBoundingClientRect();
  // A display formula's block is as wide as the slide: its .katex inside is the formula itself.
  const pictureSelector = 'svg, canvas, video, iframe, img, .katex, math, object, embed';

  const colour = (css: string): Colour => {
    const match = /rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:,?\s*\/?\s*([\d.]+%?))?\)/.exec(css);
    if (!match) return { hex: '#000000', alpha: css === 'transparent' ? 0 : 1 };
    const hex = `#${[match[1], match[2], match[3]].map((part) => Math.round(Number(part)).toString(16).padStart(2, '0')).join('')}`;
    const alphaText = match[4];
    const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? Number.parseFloat(alphaText) / 100 : Number(alphaText);
    return { hex, alpha };
  };
  const relative = (rect: DOMRect): Box => ({ x: rect.left - origin.left, y: rect.top - origin.top, w: rect.width, h: rect.height });
  const contentBox = (element: Element): Box => {
    const style = getComputedStyle(element);
    const rect = relative(element.getBoundingClientRect());
    const left = Number.parseFloat(style.paddingLeft) + Number.parseFloat(style.borderLeftWidth);
    const top = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.borderTopWidth);
    const right = Number.parseFloat(style.paddingRight) + Number.parseFloat(style.borderRightWidth);
    const bottom = Number.parseFloat(style.paddingBottom) + Number.parseFloat(style.borderBottomWidth);
    return { x: rect.x + left, y: rect.y + top, w: Math.max(1, rect.w - left - right), h: Math.max(1, rect.h - top - bottom) };
  };
  const shown = (element: Element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true });

  // The background: the first of the slide's layers that paints one.
  const section = page.querySelector<HTMLElement>('section');
  const layers = [page.querySelector('.slide-background'), section, page, document.querySelector('.reveal'), document.body, document.documentElement];
  let background: Colour = { hex: '#ffffff', alpha: 1 };
  let backgroundPicture = false;
  for (const layer of layers) {
    if (!layer) continue;
    const style = getComputedStyle(layer);
    if (style.backgroundImage !== 'none' && layer === layers[0]) backgroundPicture = true;
    const painted = colour(style.backgroundColor);
    if (painted.alpha > 0) {
      background = painted;
      break;
    }
  }

  /** Pictures first: their text must not be read as text too. */
  const pictures: { element: Element; item: PictureItem }[] = [];
  const isPicture = (element: Element): boolean => {
    if (element.matches(pictureSelector)) return true;
    const style = getComputedStyle(element);
    // Rotated or skewed (not merely moved or scaled): PowerPoint's text boxes stay upright.
    const matrix = /^matrix\(([^)]+)\)/.exec(style.transform)?.[1]?.split(',').map(Number);
    if (matrix && (Math.abs(matrix[1]!) > 1e-3 || Math.abs(matrix[2]!) > 1e-3)) return true;
    return style.clipPath !== 'none' && style.clipPath !== '';
  };
  const collectPictures = (element: Element) => {
    for (const child of element.children) {
      if (child.matches('aside.notes, .slide-background') || !shown(child)) continue;
      const rect = child.getBoundingClientRect();
      if (isPicture(child)) {
        if (rect.width < 2 || rect.height < 2) continue;
        // The decorations' screenshot hides what is pictured on its own.
        child.setAttribute('data-dm-pptx-picture', '');
        const image = child instanceof HTMLImageElement ? child : undefined;
        const url = image?.currentSrc ?? '';
        const raster = url.startsWith('file:') && /\.(png|jpe?g|gif)$/i.test(new URL(url).pathname) && getComputedStyle(child).objectFit === 'fill';
        // A display formula is a block as wide as the slide; its glyphs are a fraction of it.
        const glyphs = child.matches('.katex') ? [...child.querySelectorAll(':scope > .katex-html > *')].map((part) => part.getBoundingClientRect()) : [];
        const tight =
          glyphs.length > 0
            ? new DOMRect(
                Math.min(...glyphs.map((part) => part.left)),
                Math.min(...glyphs.map((part) => part.top)),
                Math.max(...glyphs.map((part) => part.right)) - Math.min(...glyphs.map((part) => part.left)),
                Math.max(...glyphs.map((part) => part.bottom)) - Math.min(...glyphs.map((part) => part.top)),
              )
            : rect;
        pictures.push({
          element: child,
          item: {
            kind: 'picture',
            box: relative(tight),
            role: child.tagName.toLowerCase(),
            file: raster ? url : undefined,
            alt: image?.alt ?? child.getAttribute('aria-label') ?? '',
          },
        });
        continue;
      }
      collectPictures(child);
    }
  };
  collectPictures(page);
  const insidePicture = (element: Element) => pictures.some((picture) => picture.element.contains(element));

  /** The block a text node belongs to, and the shape it becomes part of. */
  const blockOf = (element: Element): Element => {
    let current: Element = element;
    while (current.parentElement && current !== page) {
      const display = getComputedStyle(current).display;
      if (!display.startsWith('inline') && display !== 'contents') break;
      current = current.parentElement;
    }
    return current;
  };
  const groupOf = (block: Element): { group: Element; paragraph: Element } => {
    const cell = block.closest('td, th');
    if (cell && page.contains(cell)) return { group: cell.closest('table')!, paragraph: cell };
    const pre = block.closest('pre');
    // The code element carries the block's padding: its content box is where the text is.
    if (pre && page.contains(pre)) return { group: pre, paragraph: pre.querySelector(':scope > code') ?? pre };
    const item = block.closest('li');
    // A list laid out as a row or grid of cards (the figures layout): each card is a box.
    if (item && page.contains(item) && /flex|grid/.test(getComputedStyle(item.parentElement!).display)) return { group: item, paragraph: block };
    if (item && page.contains(item)) {
      let root = item.parentElement!;
      while (root.parentElement?.closest('li') && page.contains(root.parentElement.closest('li'))) root = root.parentElement.closest('li')!.parentElement!;
      return { group: root, paragraph: item };
    }
    return { group: block, paragraph: block };
  };

  const paragraphs = new Map<Element, TextParagraph>();
  const groups = new Map<Element, Element[]>();
  // Where the current line of each paragraph ends, to see when the next character wraps.
  const lineBottom = new Map<Element, number>();
  const range = document.createRange();

  const paragraphFor = (element: Element, group: Element): TextParagraph => {
    let paragraph = paragraphs.get(element);
    if (paragraph) return paragraph;
    const style = getComputedStyle(element);
    const fontSize = Number.parseFloat(style.fontSize);
    const lineHeight = style.lineHeight === 'normal' ? fontSize * 1.2 : Number.parseFloat(style.lineHeight);
    const align = style.textAlign === 'center' || style.textAlign === 'right' || style.textAlign === 'justify' ? style.textAlign : 'left';
    paragraph = { runs: [], align, lineHeightPx: lineHeight, topPx: Number.NaN };
    if (element.tagName === 'LI') {
      const list = element.parentElement!;
      let level = 0;
      for (let above = list.parentElement?.closest('li'); above && group.contains(above); above = above.parentElement?.closest('li')) level++;
      const groupLeft = group.getBoundingClientRect().left;
      const listStyle = getComputedStyle(element).listStyleType;
      paragraph.list =
        listStyle === 'none'
          ? undefined
          : {
              ordered: list.tagName === 'OL',
              start: list instanceof HTMLOListElement ? list.start : 1,
              level,
              indentPx: (element.getBoundingClientRect().left - groupLeft) / (level + 1),
            };
    }
    paragraphs.set(element, paragraph);
    const members = groups.get(group) ?? [];
    members.push(element);
    groups.set(group, members);
    return paragraph;
  };

  const styleOf = (element: Element): Omit<TextRun, 'text' | 'breakBefore'> => {
    const style = getComputedStyle(element);
    const anchor = element.closest('a[href]') as HTMLAnchorElement | null;
    const link = anchor && /^(https?|mailto):/.test(anchor.href) ? anchor.href : undefined;
    let highlight: Colour | undefined;
    for (let current: Element | null = element; current && getComputedStyle(current).display.startsWith('inline'); current = current.parentElement) {
      const painted = colour(getComputedStyle(current).backgroundColor);
      if (painted.alpha > 0) {
        highlight = painted;
        break;
      }
    }
    const decoration = style.textDecorationLine;
    return {
      bold: Number(style.fontWeight) >= 600,
      italic: style.fontStyle === 'italic' || style.fontStyle.startsWith('oblique'),
      underline: decoration.includes('underline') && !link,
      strike: decoration.includes('line-through'),
      code: element.closest('code, kbd, samp, pre') !== null,
      colour: colour(style.color),
      font: style.fontFamily
        .split(',')[0]!
        .trim()
        .replace(/^["']|["']$/g, ''),
      sizePx: Number.parseFloat(style.fontSize),
      link,
      highlight,
    };
  };

  const pendingBreaks = new Map<Element, number>();
  const walker = document.createTreeWalker(page, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || parent.closest('aside.notes, .slide-background, script, style') || insidePicture(parent) || !shown(parent)) continue;
    const { group, paragraph: owner } = groupOf(blockOf(parent));
    const style = getComputedStyle(parent);
    const preformatted = style.whiteSpace.startsWith('pre');
    const base = styleOf(parent);
    const transform = (text: string) =>
      style.textTransform === 'uppercase' ? text.toUpperCase() : style.textTransform === 'lowercase' ? text.toLowerCase() : text;
    const text = node.data;
    let run: TextRun | undefined;
    for (let offset = 0; offset < text.length; ) {
      const length = text.codePointAt(offset)! > 0xffff ? 2 : 1;
      const character = text.slice(offset, offset + length);
      range.setStart(node, offset);
      range.setEnd(node, offset + length);
      offset += length;
      if (preformatted && character === '\n') {
        pendingBreaks.set(owner, (pendingBreaks.get(owner) ?? 0) + 1);
        continue;
      }
      const rect = range.getClientRects()[0];
      // Collapsed white space has no box: the browser does not show it.
      if (!rect || (rect.width <= 1 && rect.height <= 1)) continue;
      const paragraph = paragraphFor(owner, group);
      // The top of the paragraph's first line box: its glyphs are centred in the line height.
      if (Number.isNaN(paragraph.topPx)) paragraph.topPx = rect.top - origin.top - (paragraph.lineHeightPx - rect.height) / 2;
      const bottom = lineBottom.get(owner);
      const breaks = pendingBreaks.get(owner) ?? 0;
      pendingBreaks.set(owner, 0);
      const wrapped = bottom !== undefined && rect.top + rect.height / 2 > bottom;
      if (paragraph.runs.length > 0 && (wrapped || breaks > 0)) {
        // The empty lines of a code block are kept as empty runs.
        for (let blank = 1; blank < breaks; blank++) paragraph.runs.push({ ...base, text: '', breakBefore: true });
        run = { ...base, text: '', breakBefore: true };
        paragraph.runs.push(run);
        lineBottom.set(owner, rect.bottom);
      } else {
        if (!run) {
          run = { ...base, text: '', breakBefore: false };
          paragraph.runs.push(run);
        }
        lineBottom.set(owner, Math.max(bottom ?? rect.bottom, rect.bottom));
      }
      run.text += transform(character);
    }
  }

  // Text wins over the picture of a block only where the block itself is not a picture.
  const items: { element: Element; item: SlideItem }[] = pictures.map((picture) => ({ element: picture.element, item: picture.item }));
  for (const [group, members] of groups) {
    const texts = members.map((member) => paragraphs.get(member)!).filter((paragraph) => paragraph.runs.some((run) => run.text.trim() !== ''));
    if (texts.length === 0) continue;
    // Code keeps its spaces; elsewhere a line the browser wrapped at a space keeps that
    // space at the end of the line before, and a paragraph's edges show none.
    if (group.tagName !== 'PRE') {
      for (const paragraph of texts) {
        for (const [position, run] of paragraph.runs.entries()) {
          const next = paragraph.runs[position + 1];
          if (!next || next.breakBefore) run.text = run.text.replace(/\s+$/, '');
          if (position === 0 || run.breakBefore) run.text = run.text.replace(/^\s+/, '');
        }
      }
    }
    if (group.tagName === 'TABLE') {
      items.push({ element: group, item: describeTable(group as HTMLTableElement) });
      continue;
    }
    // A list's markers sit in its padding, so its box is the border box; a lone paragraph
    // element (the code inside a pre) knows best where its text starts.
    const list = group.tagName === 'UL' || group.tagName === 'OL';
    const box = list ? relative(group.getBoundingClientRect()) : contentBox(members.length === 1 ? members[0]! : group);
    const item: TextItem = { kind: 'text', box, role: group.tagName.toLowerCase(), paragraphs: texts };
    items.push({ element: group, item });
  }

  function describeTable(table: HTMLTableElement): TableItem {
    const rows = [...table.rows].map((row) => ({
      heightPx: row.getBoundingClientRect().height,
      cells: [...row.cells].map((cell): TableCell => {
        const style = getComputedStyle(cell);
        const fill = colour(style.backgroundColor);
        const border = colour(style.borderBottomColor);
        const borderWidth = style.borderBottomStyle === 'none' ? 0 : Number.parseFloat(style.borderBottomWidth);
        return {
          paragraphs: paragraphs.has(cell) ? [paragraphs.get(cell)!] : [],
          header: cell.tagName === 'TH',
          fill: fill.alpha > 0 ? fill : undefined,
          bottomBorder: borderWidth > 0 && border.alpha > 0 ? { colour: border, widthPx: borderWidth } : undefined,
          colspan: cell.colSpan,
          rowspan: cell.rowSpan,
        };
      }),
    }));
    const widest = [...table.rows].reduce<HTMLTableRowElement | undefined>(
      (best, row) => (!best || row.cells.length > best.cells.length ? row : best),
      undefined,
    );
    const columnWidths = widest ? [...widest.cells].map((cell) => cell.getBoundingClientRect().width / cell.colSpan) : [];
    const firstCell = table.querySelector('td, th');
    const cellStyle = firstCell ? getComputedStyle(firstCell) : undefined;
    const padding = (['paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft'] as const).map((side) => Number.parseFloat(cellStyle?.[side] ?? '0') || 0);
    return {
      kind: 'table',
      box: relative(table.getBoundingClientRect()),
      columnWidths,
      rows,
      cellPaddingPx: [padding[0]!, padding[1]!, padding[2]!, padding[3]!],
    };
  }

  // Document order is paint order for the flow content a deck has.
  items.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return { background, backgroundPicture, items: items.map((entry) => entry.item) };
}
