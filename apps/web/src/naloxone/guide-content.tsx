/**
 * A naloxone guide's body: the one place the web app puts HTML into the page (eslint.config.mjs allows
 * dangerouslySetInnerHTML in this file only). The HTML is the api's rendering of the guide's Markdown,
 * sanitised there (apps/api/src/guides/guide-html.ts: markdown-it without raw HTML, then an allowlist).
 */
export function GuideContent({ html }: { html: string }) {
  return <div class="guide__content" dangerouslySetInnerHTML={{ __html: html }} />;
}
