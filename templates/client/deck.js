// Starts the deck. The build inlines this code and calls it with the deck's settings
// ({ config, scripts }), so the settings are part of the script's hashed text: the page's
// Content-Security-Policy runs this one script, and nothing a deck writes can swap the
// settings (no lookup by id). Scripts it adds are trusted through 'strict-dynamic'.
(deck) => {
  const { config } = deck;
  // The design unit from the configured slide size, not from reveal's --slide-width: reveal's
  // print view sets that only once it runs, after deckmark has copied each slide's box.
  document.querySelector('.reveal')?.style.setProperty('--dm-px', `${Math.min(config.width / 1440, config.height / 1080)}px`);
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
  const imagesDecoded = () => Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));

  window.deckmarkReady = Promise.all(loads)
    .then(() => {
      const plugins = typeof RevealNotes === 'undefined' ? [] : [RevealNotes];
      return Reveal.initialize({ ...config, plugins });
    })
    .then(() => document.fonts.ready)
    .then(imagesDecoded)
    .then(fitSlides);
};
