/**
 * HTML sanitising, done when content is saved (not when it is shown): what is stored is exactly what the
 * public pages insert. Allowed is the structure of an article — headings from h2 down (the page's title is
 * the h1), paragraphs, lists, tables, quotes, links, images from the portal itself — and nothing that runs:
 * no scripts, styles, frames, forms, event handlers or javascript: URLs. The caller learns what was removed.
 */
import sanitizeHtml from 'sanitize-html';

const ALLOWED_TAGS = [
  'h2',
  'h3',
  'h4',
  'p',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'small',
  'mark',
  'abbr',
  'span',
  'blockquote',
  'q',
  'cite',
  'code',
  'pre',
  'a',
  'img',
  'figure',
  'figcaption',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'hreflang', 'lang'],
    img: ['src', 'alt', 'width', 'height', 'loading'],
    abbr: ['title'],
    th: ['scope', 'colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
    '*': ['lang', 'id'],
  },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: [] },
  // Images only from the portal itself (relative URLs): the page's CSP would block others anyway.
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Script, style, textarea… lose their content too, not only their tags.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'svg', 'math'],
  // The page title is the only h1; a pasted h1 becomes a section heading.
  transformTags: { h1: 'h2', h5: 'h4', h6: 'h4' },
  exclusiveFilter: (frame) => frame.tag === 'img' && !String(frame.attribs.src ?? '').startsWith('/'),
};

/** Sanitised HTML and a list of what was taken out (tag names, `on…` attributes, `javascript:` URLs). */
export function sanitizeContent(input: string): { html: string; removed: string[] } {
  const removed = new Set<string>();
  for (const m of input.matchAll(/<\s*([a-zA-Z][a-zA-Z0-9-]*)/g)) {
    const tag = m[1]!.toLowerCase();
    if (!ALLOWED_TAGS.includes(tag) && !['h1', 'h5', 'h6'].includes(tag)) removed.add(`<${tag}>`);
  }
  for (const m of input.matchAll(/\s(on[a-z]+)\s*=/gi)) removed.add(m[1]!.toLowerCase());
  if (/javascript\s*:/i.test(input)) removed.add('javascript:');
  const html = sanitizeHtml(input, OPTIONS).trim();
  return { html, removed: [...removed].sort() };
}
