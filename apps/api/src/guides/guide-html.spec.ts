import { renderGuideHtml } from './guide-html';

/** Every start tag in the HTML, as written. Escaped text (`&lt;script&gt;`) is not a tag and never runs. */
function tags(html: string): string[] {
  return html.match(/<[a-z][^>]*>/gi) ?? [];
}

describe('renderGuideHtml', () => {
  it('renders the Markdown a guide uses', () => {
    const html = renderGuideHtml('# Naloxon\n\n1. Ring **112**\n2. Ge *naloxon*\n\n| Steg | Tid |\n|---|--:|\n| A | 2 min |\n\n[Mer](https://example.org/guide)');
    expect(html).toContain('<h1>Naloxon</h1>');
    expect(html).toContain('<ol>');
    expect(html).toContain('<strong>112</strong>');
    expect(html).toContain('<em>naloxon</em>');
    expect(html).toContain('<td style="text-align:right;">2 min</td>');
    expect(html).toContain('<a href="https://example.org/guide" target="_blank" rel="noopener noreferrer">Mer</a>');
  });

  it('never lets a script element through, raw or disguised', () => {
    for (const source of [
      '<script>alert(1)</script>',
      'text <script src="https://evil.example/x.js"></script> more',
      '<SCRIPT>alert(1)</SCRIPT>',
      '<scr<script>ipt>alert(1)</script>',
      '```html\n<script>alert(1)</script>\n```',
      '<svg><script>alert(1)</script></svg>',
    ]) {
      const html = renderGuideHtml(source);
      expect(tags(html).filter((tag) => /^<\s*(script|svg|iframe|object|embed)/i.test(tag))).toEqual([]);
    }
  });

  it('never keeps an event handler attribute', () => {
    for (const source of [
      '<img src=x onerror=alert(1)>',
      '<img src="x" onerror="alert(1)">',
      '<a href="#" onclick="alert(1)">x</a>',
      '<p onmouseover="alert(1)">x</p>',
      '<body onload=alert(1)>',
      '![x](https://example.org/a.png" onerror="alert(1))',
    ]) {
      const html = renderGuideHtml(source);
      expect(tags(html).filter((tag) => /\son[a-z]+\s*=/i.test(tag))).toEqual([]);
    }
  });

  it('never makes a javascript:, vbscript: or data:text link', () => {
    for (const source of [
      '[x](javascript:alert(1))',
      '[x](JaVaScRiPt:alert(1))',
      '[x](&#106;avascript:alert(1))',
      '[x](java%0Ascript:alert(1))',
      '[x]( javascript:alert(1))',
      '<javascript:alert(1)>',
      '[x](vbscript:msgbox(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '<a href="javascript:alert(1)">x</a>',
      '[x][ref]\n\n[ref]: javascript:alert(1)',
    ]) {
      const html = renderGuideHtml(source);
      expect(tags(html).filter((tag) => /(href|src)\s*=\s*"?\s*(javascript|vbscript|data:text)/i.test(tag))).toEqual([]);
    }
  });

  it('keeps phone and mail links, which a guide needs', () => {
    expect(renderGuideHtml('[Ring 112](tel:112)')).toContain('href="tel:112"');
    expect(renderGuideHtml('<mailto:info@example.org>')).toContain('href="mailto:info@example.org"');
  });
});
