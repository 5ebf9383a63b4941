// Starts the deck. The build inlines this code and calls it with the deck's settings
// ({ config, scripts }), so the settings are part of the script's hashed text: the page's
// Content-Security-Policy runs this one script, and nothing a deck writes can swap the
// settings (no lookup by id). Scripts it adds are trusted through 'strict-dynamic'.
(deck) => {
  const { config } = deck;
  // The design unit from the configured slide size, not from reveal's --slide-width: reveal's
  // print view sets that only once it runs, after deckmark has copied each slide's box.
  document.querySelector('.reveal')?.style.setProperty('--dm-px', `${Math.min(config.width / 1440, config.height / 1080)}px`);
  // Reveal lays out its print view (`?print-pdf`) after it is ready and says so with
  // `pdf-ready`, which bubbles to the document: listened for now, before reveal can send it.
  const printing = /print-pdf/i.test(window.location.search);
  // Each slide's place in the deck, in reading order, read before the print view flattens it.
  const positions = [];
  for (const [h, top] of [...document.querySelectorAll('.reveal .slides > section')].entries()) {
    const inner = top.querySelectorAll(':scope > section');
    if (inner.length === 0) positions.push([h, 0]);
    for (let v = 0; v < inner.length; v++) positions.push([h, v]);
  }
  const printLaidOut = printing ? new Promise((resolve) => document.addEventListener('pdf-ready', resolve, { once: true })) : Promise.resolve();
  const loads = deck.scripts.map(
    (src) =>
      new Promise((resolve, reject) => {
        const script = document.createElement('script');
        script.src = src;
        // Added while the page is parsed, in order: they run in order and delay `load`.
        script.async = false;
        script.addEventListener('load', resolve);
        script.addEventListener('error', () => reject(new Error(`deckmark: cannot load ${src}`)));
        document.body.append(script);
      }),
  );

  // A slide whose content would overflow shrinks all its sizes (layouts.css writes them in
  // --dm-px) step by step until it fits, down to half size; `data-fit` keeps the factor for
  // `deckmark check`. Runs once fonts and images are final, before exports read the page.
  const fitSlides = () => {
    const unit = Math.min(config.width / 1440, config.height / 1080);
    for (const section of document.querySelectorAll('.reveal .slides section:not(.stack)')) {
      // Against the configured size, not the section's box: in reveal's print view a section
      // is 1px tall until its page is laid out, and every slide would seem to overflow.
      const overflows = () => section.scrollHeight > config.height + 1 || section.scrollWidth > config.width + 1;
      let scale = 1;
      while (overflows() && scale > 0.5) {
        scale = Math.round((scale - 0.05) * 100) / 100;
        section.style.setProperty('--dm-px', `${unit * scale}px`);
      }
      if (scale < 1) section.dataset.fit = String(scale);
    }
  };
  // Reveal's print view numbers pages h.v whatever the deck shows; number them as the deck
  // does on screen (`c/t` by default: "8 / 12"), fragment pages included.
  const numberPrintedPages = () => {
    if (!printing || !config.slideNumber) return;
    const format = typeof config.slideNumber === 'string' ? config.slideNumber : 'h.v';
    // Reveal labels the pages 1, 2, 3… (3.1, 3.2 for fragment steps): the count is the slide's.
    for (const label of document.querySelectorAll('.pdf-page > .slide-number-pdf')) {
      const count = Number.parseInt(label.textContent, 10);
      const position = positions[count - 1];
      if (!position) continue;
      const [h, v] = position;
      const parts =
        format === 'c' ? [count] : format === 'c/t' ? [count, '/', positions.length] : v > 0 ? [h + 1, format === 'h/v' ? '/' : '.', v + 1] : [h + 1];
      const names = ['slide-number-a', 'slide-number-delimiter', 'slide-number-b'];
      label.replaceChildren(
        ...parts.map((part, index) => {
          const span = document.createElement('span');
          span.className = names[index];
          span.textContent = String(part);
          return span;
        }),
      );
    }
  };
  // A notes page (`--notes`) says which slide it belongs to: its number and its title.
  const headNotesPages = () => {
    if (!printing) return;
    for (const notes of document.querySelectorAll('.reveal .slides > .speaker-notes-pdf')) {
      let page = notes.previousElementSibling;
      while (page && !page.classList.contains('pdf-page')) page = page.previousElementSibling;
      const label = page?.querySelector('.slide-number-pdf');
      const number = label ? [...label.childNodes].map((part) => part.textContent.trim()).join(' ') : '';
      const title = page?.querySelector('section :is(h1, h2, h3)')?.textContent.trim() ?? '';
      notes.dataset.dmHeading = [number, title].filter(Boolean).join(' · ') || 'Notes';
    }
  };
  const imagesDecoded = () => Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));

  window.deckmarkReady = Promise.all(loads)
    .then(() => {
      const plugins = typeof RevealNotes === 'undefined' ? [] : [RevealNotes];
      return Reveal.initialize({ ...config, plugins });
    })
    .then(() => document.fonts.ready)
    .then(imagesDecoded)
    .then(() => printLaidOut)
    .then(numberPrintedPages)
    .then(headNotesPages)
    .then(fitSlides);
};
