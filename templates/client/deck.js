// Starts Reveal with the configuration the build embedded as JSON (never as script text).
(() => {
  const config = JSON.parse(document.getElementById('deckmark-config').textContent);
  const plugins = typeof RevealNotes === 'undefined' ? [] : [RevealNotes];
  window.deckmarkReady = Reveal.initialize({ ...config, plugins });
})();
