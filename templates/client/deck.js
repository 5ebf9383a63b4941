// Starts Reveal with the configuration the build embedded as JSON (never as script text).
(() => {
  const config = JSON.parse(document.getElementById('deckmark-config').textContent);
  const plugins = typeof RevealNotes === 'undefined' ? [] : [RevealNotes];

  // A slide whose content would overflow shrinks all its sizes (layouts.css writes them in
  // --dm-px) step by step until it fits, down to half size; `data-fit` keeps the factor for
  // `deckmark check`. Runs once fonts and images are final, before exports read the page.
  const fitSlides = () => {
    const unit = Math.min(config.width / 1440, config.height / 1080);
    for (const section of document.querySelectorAll('.reveal .slides section:not(.stack)')) {
      const overflows = () => section.scrollHeight > section.clientHeight + 1 || section.scrollWidth > section.clientWidth + 1;
      let scale = 1;
      while (overflows() && scale > 0.5) {
        scale = Math.round((scale - 0.05) * 100) / 100;
        section.style.setProperty('--dm-px', `${unit * scale}px`);
      }
      if (scale < 1) section.dataset.fit = String(scale);
    }
  };
  const imagesDecoded = () => Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));

  window.deckmarkReady = Reveal.initialize({ ...config, plugins })
    .then(() => document.fonts.ready)
    .then(imagesDecoded)
    .then(fitSlides);
})();
