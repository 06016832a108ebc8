import { pickMessage } from '@heza/shared/i18n-message';
import type { z } from 'zod';
import { fieldErrorsOf, isApiError } from '../../../lib/api-client';

/**
 * Messages of a failed check keyed by dotted path ('nameVi', 'documents.0.key'), first one per path, in the
 * UI language. The shared schemas carry bilingual messages; a check without one (a length or number limit)
 * gets `fallback(path)`.
 */
export function issuesByPath(
  error: z.ZodError,
  language: 'vi' | 'en',
  fallback: (path: string) => string,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.');
    if (out[path]) continue;
    out[path] = issue.message.startsWith('{"vi"') ? pickMessage(issue.message, language) : fallback(path);
  }
  return out;
}

/** The server's field messages keyed by their path (a 'body.' prefix removed). */
export function apiIssuesByPath(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isApiError(error)) return out;
  for (const { field, message } of fieldErrorsOf(error.details)) {
    const path = field.replace(/^body\./, '');
    if (!out[path]) out[path] = message;
  }
  return out;
}
