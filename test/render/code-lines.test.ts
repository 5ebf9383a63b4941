import { describe, expect, it } from 'vitest';
import { highlightSteps, numberedCodeBlock, parseFenceInfo, splitHighlightedLines } from '../../src/render/code-lines.js';

describe('a fence info string with reveal.js line numbers', () => {
  it('reads the language, the steps and the first line number', () => {
    expect(parseFenceInfo('js [712: 1|3-5]')).toEqual({ language: 'js', lineNumbers: '1|3-5', startFrom: 712 });
    expect(parseFenceInfo('js[2]')).toEqual({ language: 'js', lineNumbers: '2' });
    expect(parseFenceInfo('python []')).toEqual({ language: 'python', lineNumbers: '' });
    expect(parseFenceInfo('js title="x"')).toEqual({ language: 'js' });
  });

  it('splits steps into ranges as the highlight plugin does', () => {
    expect(highlightSteps('1,3-5|7')).toEqual([[{ start: 1 }, { start: 3, end: 5 }], [{ start: 7 }]]);
    expect(highlightSteps('')).toEqual([[{}]]);
  });
});

describe('highlighted HTML split into lines', () => {
  it('closes and reopens a token that spans lines, and keeps entities escaped', () => {
    const lines = splitHighlightedLines('<span class="c">/* a\nb */</span> x &lt; 1\n');
    expect(lines).toEqual(['<span class="c">/* a</span>', '<span class="c">b */</span> x &lt; 1']);
  });
});

describe('the numbered block', () => {
  it('lights the step’s lines and makes each later step a fragment', () => {
    const html = numberedCodeBlock('a\nb\nc', { language: 'js', lineNumbers: '1|2-3' }, 'hljs language-js');
    const blocks = html.match(/<code[^>]*>/g)!;
    expect(blocks).toEqual([
      '<code class="hljs language-js has-highlights" data-line-numbers="1">',
      '<code class="hljs language-js has-highlights fragment" data-line-numbers="2-3">',
    ]);
    const second = html.slice(html.lastIndexOf('<code'));
    expect(second.match(/<tr class="highlight-line">/g)).toHaveLength(2);
  });

  it('never loops past the last line for a huge range', () => {
    const html = numberedCodeBlock('a', { language: '', lineNumbers: '1-999999999' }, 'hljs');
    expect(html.match(/<tr/g)).toHaveLength(1);
  });
});
