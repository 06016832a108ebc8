import type { Lang } from './errors.ts';

/**
 * A validation message in both UI languages, packed into one string so it can travel through libraries
 * that only carry strings (zod custom messages). `pickMessage` unpacks it for the request's language.
 */
export function bilingual(vi: string, en: string): string {
  return JSON.stringify({ vi, en });
}

/** Picks the message for `lang` from a `bilingual` string; plain strings come back unchanged. */
export function pickMessage(message: string, lang: Lang): string {
  if (!message.startsWith('{"vi"')) return message;
  try {
    const parsed = JSON.parse(message) as Record<Lang, string>;
    return parsed[lang] ?? parsed.vi;
  } catch {
    return message;
  }
}
