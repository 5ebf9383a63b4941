// Starts the deck. The build inlines this code and calls it with the deck's settings
// ({ config, scripts }), so the settings are part of the script's hashed text: the page's
// Content-Security-Policy runs this one script, and nothing a deck writes can swap the
// settings (no lookup by id). Scripts it adds are trusted through 'strict-dynamic'.
(deck) => {
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
  window.deckmarkReady = Promise.all(loads).then(() => {
    const plugins = typeof RevealNotes === 'undefined' ? [] : [RevealNotes];
    return Reveal.initialize({ ...deck.config, plugins });
  });
};
