import { pickMessage } from '@heza/shared/i18n-message';
import type { z } from 'zod';

/**
 * The first message per top-level field of a failed shared-schema check, in the UI language. The shared
 * schemas carry bilingual messages; a check without one (a length limit) gets `fallback(field)`.
 */
export function schemaErrors(
  error: z.ZodError,
  language: 'vi' | 'en',
  fallback: (field: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!field || out[field]) continue;
    out[field] = issue.message.startsWith('{"vi"') ? pickMessage(issue.message, language) : fallback(field);
  }
  return out;
}
