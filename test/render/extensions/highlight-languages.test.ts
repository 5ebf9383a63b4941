import hljs from 'highlight.js';
import { describe, expect, it } from 'vitest';
import { commonAliases, highlighterFor } from '../../../src/render/extensions/highlight-languages.js';

const samples: Record<string, string> = {
  ts: 'const deck: string[] = [];\nexport function f<T>(x: T): T { return x; }',
  html: '<div class="x">hi</div>\n<script>const a = 1;</script>\n<style>.a { color: red; }</style>',
  markdown: '# Title\n\n<b>bold</b> and `code`',
  py: 'def f(x):\n    return x * 2',
  console: '$ npm run bench\n> deckmark@0.1.0 bench',
  http: 'POST /api HTTP/1.1\nContent-Type: application/json\n\n{"a": 1}',
};

describe('highlight languages loaded on demand', () => {
  it('maps each common alias to the language highlight.js gives it', () => {
    for (const [alias, file] of Object.entries(commonAliases)) {
      expect(hljs.getLanguage(alias)?.name, alias).toBe(hljs.getLanguage(file)?.name);
    }
  });

  it('colours code exactly as the full highlight.js build, embedded languages included', () => {
    for (const [language, code] of Object.entries(samples)) {
      const highlighter = highlighterFor(language);
      expect(highlighter, language).toBeDefined();
      expect(highlighter!.highlight(code, { language, ignoreIllegals: true }).value, language).toBe(
        hljs.highlight(code, { language, ignoreIllegals: true }).value,
      );
    }
  });

  it('knows no language that highlight.js does not know', () => {
    expect(highlighterFor('no-such-language')).toBeUndefined();
    expect(highlighterFor('../../package')).toBeUndefined();
  });
});
