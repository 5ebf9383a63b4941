// Live updates for `deckmark serve`. The server adds this script to pages it serves; built
// files never contain it. On a good build the page fetches its new HTML and swaps the slides
// in place, so the presenter keeps their slide, vertical position and fragment step
// (a full reload loses them: hakimel/reveal.js#3585). A failed build shows an overlay
// over the last good deck until the next good one.
(() => {
  const script = document.currentScript;
  const deck = script?.dataset.deck;
  const live = { connected: false, updates: 0, reloads: 0, error: null };
  window.__deckmarkLive = live;
  let styles = script?.dataset.styles;
  // The build this page shows; older news (a replay on connect, a late event) is skipped.
  let shown = Number(script?.dataset.build ?? 0);
  let pending = Promise.resolve();
  let config = JSON.stringify(deckSettings(document)?.config ?? null);

  // The speaker view's previews load this page in iframes (`?receiver`). Each stream holds
  // one of the browser's ~6 connections per host, so previews listen to the deck window over
  // a BroadcastChannel instead of opening their own.
  const channel = typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel('deckmark-live');
  const isPreview = new URLSearchParams(location.search).has('receiver') && channel !== undefined;
  if (isPreview) {
    channel.addEventListener('message', (message) => receive(message.data.type, message.data.event));
  } else {
    const source = new EventSource('/__deckmark/events');
    source.addEventListener('open', () => {
      live.connected = true;
    });
    source.addEventListener('error', () => {
      live.connected = false;
    });
    for (const type of ['built', 'failed']) {
      source.addEventListener(type, (message) => {
        const event = JSON.parse(message.data);
        channel?.postMessage({ type, event });
        receive(type, event);
      });
    }
    window.addEventListener('beforeunload', () => source.close());
  }

  function receive(type, event) {
    if (deck === undefined) {
      // The index page lists every deck: any fresh news changes it.
      if (!event.replay) location.reload();
      return;
    }
    if (event.deck !== deck || event.build <= shown) return;
    // One update at a time, in the order the builds finished.
    pending = pending.then(() => (type === 'built' ? applyBuild(event) : showError(event.message))).catch((error) => showError(String(error)));
  }

  async function applyBuild(event) {
    const slides = document.querySelector('.reveal > .slides');
    shown = Math.max(shown, event.build);
    if (event.reload || !window.Reveal || !slides) return reload();
    await window.deckmarkReady;
    const response = await fetch(location.pathname, { cache: 'no-store' });
    if (!response.ok) return reload();
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    const nextSlides = next.querySelector('.reveal > .slides');
    // New stylesheets or scripts (e.g. a first formula adds KaTeX) need a real page load.
    if (!nextSlides || resources(document) !== resources(next)) return reload();

    const { Reveal } = window;
    const before = Reveal.getIndices();
    swapSlides(slides, nextSlides);
    document.title = next.title;
    const nextConfig = JSON.stringify(deckSettings(next)?.config ?? null);
    if (nextConfig !== 'null' && nextConfig !== config) {
      config = nextConfig;
      Reveal.configure(JSON.parse(nextConfig));
    }
    if (event.styles !== styles) refreshStyles(event.styles);
    styles = event.styles;
    Reveal.sync();
    returnTo(Reveal, before);
    hideError();
    live.updates++;
  }

  // What the previous build sent, slide by slide: Reveal rewrites the live sections' classes
  // and styles, so changes are found by comparing the server's HTML with the server's HTML.
  let sent;

  /** Replaces only the slides whose HTML changed when the deck keeps its shape; else all of it. */
  function swapSlides(slides, nextSlides) {
    const next = leafSlides(nextSlides);
    const shape = stackShape(nextSlides);
    const live = leafSlides(slides);
    if (sent && sent.shape === shape && sent.html.length === next.length && live.length === next.length) {
      next.forEach((section, index) => {
        if (section.outerHTML !== sent.html[index]) live[index].replaceWith(document.importNode(section, true));
      });
    } else {
      slides.innerHTML = nextSlides.innerHTML;
    }
    sent = { shape, html: next.map((section) => section.outerHTML) };
  }

  function leafSlides(root) {
    return [...root.querySelectorAll('section')].filter((section) => !section.querySelector('section'));
  }

  function stackShape(root) {
    return [...root.children].map((section) => section.querySelectorAll(':scope > section').length).join(',');
  }

  /** Back to the same slide and fragment step, or the nearest one that still exists. */
  function returnTo(Reveal, before) {
    const stacks = Reveal.getHorizontalSlides();
    const h = Math.max(0, Math.min(before.h, stacks.length - 1));
    const children = stacks[h] ? stacks[h].querySelectorAll(':scope > section').length : 0;
    const v = children > 0 ? Math.max(0, Math.min(before.v ?? 0, children - 1)) : 0;
    let announced = false;
    const mark = () => {
      announced = true;
    };
    Reveal.on('slidechanged', mark);
    Reveal.slide(h, v, before.f);
    Reveal.off('slidechanged', mark);
    // Same indices fire no `slidechanged`, yet the slide is new: tell the speaker view.
    if (!announced) {
      Reveal.dispatchEvent({
        type: 'slidechanged',
        data: { indexh: h, indexv: v, previousSlide: null, currentSlide: Reveal.getCurrentSlide(), origin: 'deckmark-live' },
      });
    }
  }

  function resources(doc) {
    const links = [...doc.querySelectorAll('link[rel="stylesheet"]')].map((link) => link.getAttribute('href').split('?')[0]);
    return JSON.stringify([links, deckSettings(doc)?.scripts ?? []]);
  }

  /**
   * The settings deckmark's own script starts the deck with: JSON on the script's last line
   * (see src/template/page-scripts.ts). Never found by id, which a deck's HTML could reuse.
   */
  function deckSettings(doc) {
    const own = [...doc.querySelectorAll('body > script:not([src]):not([data-deckmark-live])')].at(-1);
    const text = own?.textContent ?? '';
    try {
      return JSON.parse(text.slice(text.lastIndexOf('\n') + 1, -2));
    } catch {
      return undefined;
    }
  }

  /** New stylesheet beside the old one, old removed once the new has loaded: no unstyled flash. */
  function refreshStyles(version) {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const fresh = link.cloneNode();
      fresh.href = `${link.getAttribute('href').split('?')[0]}?v=${encodeURIComponent(version)}`;
      fresh.addEventListener('load', () => link.remove(), { once: true });
      fresh.addEventListener('error', () => fresh.remove(), { once: true });
      link.after(fresh);
    }
  }

  function reload() {
    live.reloads++;
    // `hash: true` keeps the slide and fragment in the URL, so the reload lands on them.
    location.reload();
  }

  function showError(message) {
    live.error = message;
    let overlay = document.getElementById('deckmark-error');
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.id = 'deckmark-error';
      overlay.setAttribute('role', 'alert');
      overlay.style.cssText =
        'position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;overflow:auto;margin:0;padding:1.2em 1.5em;' +
        'background:rgba(30,0,0,.92);color:#fff;font:15px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;border-top:4px solid #e5484d';
      const title = document.createElement('strong');
      title.textContent = 'deckmark: the last edit did not build — showing the last good deck';
      const text = document.createElement('pre');
      text.style.cssText = 'margin:.6em 0 0;white-space:pre-wrap;font:inherit';
      overlay.append(title, text);
      document.body.append(overlay);
    }
    // Text only: the message can quote the author's Markdown, which must never become markup.
    overlay.querySelector('pre').textContent = message;
  }

  function hideError() {
    live.error = null;
    document.getElementById('deckmark-error')?.remove();
  }
})();
