import MarkdownIt from 'markdown-it';
import { FilterXSS } from 'xss';

// The guide's Markdown to HTML that is safe to put in a page. Two layers: markdown-it with raw HTML off
// (a `<script>` in the Markdown comes out as text) and its link check (no javascript:, vbscript:, file:
// links), then an allowlist sanitiser (js-xss) over the result, which keeps only the elements and
// attributes Markdown produces and only http(s), mailto, tel, relative and data:image URLs. Both libraries
// run in the browser too, so the web app can render the same way when it is offline.

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

// Links in the guide open outside the app (which stays on the guide), without handing it the opener.
const renderLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, index, options, _env, self) => self.renderToken(tokens, index, options));
markdown.renderer.rules.link_open = (tokens, index, options, env, self) => {
  tokens[index].attrSet('target', '_blank');
  tokens[index].attrSet('rel', 'noopener noreferrer');
  return renderLinkOpen(tokens, index, options, env, self);
};

const CELL = ['style'];
const sanitizer = new FilterXSS({
  whiteList: {
    h1: [], h2: [], h3: [], h4: [], h5: [], h6: [],
    p: [], br: [], hr: [], blockquote: [],
    ul: [], ol: ['start'], li: [],
    em: [], strong: [], s: [], code: [], pre: [],
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title'],
    table: [], thead: [], tbody: [], tr: [], th: CELL, td: CELL,
  },
  // Anything else is dropped, and the content of script and style elements with it.
  stripIgnoreTag: true,
  stripIgnoreTagBody: ['script', 'style'],
  allowCommentTag: false,
});

/** Sanitised HTML for a guide written in Markdown. */
export function renderGuideHtml(source: string): string {
  return sanitizer.process(markdown.render(source));
}
