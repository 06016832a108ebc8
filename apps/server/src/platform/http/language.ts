import type { Lang } from '@heza/shared';
import type { FastifyRequest } from 'fastify';

const SUPPORTED: Lang[] = ['vi', 'en'];

/** The request's UI language: `?lang=`, then the `heza_lang` cookie, then Accept-Language; Vietnamese by default. */
export function requestLang(req: FastifyRequest): Lang {
  const q = (req.query as Record<string, unknown> | undefined)?.lang;
  if (typeof q === 'string' && SUPPORTED.includes(q as Lang)) return q as Lang;
  const cookie = req.cookies?.heza_lang;
  if (cookie && SUPPORTED.includes(cookie as Lang)) return cookie as Lang;
  const header = req.headers['accept-language'];
  if (typeof header === 'string') {
    const ranked = header
      .split(',')
      .map((part) => {
        const [tag, ...params] = part.trim().split(';');
        const qParam = params.find((p) => p.trim().startsWith('q='));
        return { tag: (tag ?? '').toLowerCase(), q: qParam ? Number(qParam.trim().slice(2)) || 0 : 1 };
      })
      .sort((a, b) => b.q - a.q);
    for (const { tag } of ranked) {
      const base = tag.split('-')[0] as Lang;
      if (SUPPORTED.includes(base)) return base;
    }
  }
  return 'vi';
}
