import { bilingual } from '@heza/shared';
import type { FastifySchemaCompiler } from 'fastify';
import { type ZodType, z } from 'zod';
import { AppError, type FieldProblem } from '../errors.ts';

const viMap = z.locales.vi().localeError;
const enMap = z.locales.en().localeError;

function text(result: unknown): string {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'message' in result) return String(result.message);
  return '';
}

/** A zod error map that writes every default message in Vietnamese and English at once. */
const bilingualErrorMap: z.core.$ZodErrorMap = (issue) => bilingual(text(viMap(issue)), text(enMap(issue)));

/** Parses with bilingual messages; returns the value or throws VALIDATION_FAILED naming each field. */
export function parseInput<T extends ZodType>(schema: T, data: unknown, prefix?: string): z.output<T> {
  const result = schema.safeParse(data, { error: bilingualErrorMap });
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', { details: toProblems(result.error.issues, prefix) });
}

function toProblems(issues: z.core.$ZodIssue[], prefix?: string): FieldProblem[] {
  return issues.map((i) => ({
    field: [prefix, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: i.message,
  }));
}

/**
 * Fastify validator for zod route schemas: failures become one AppError (VALIDATION_FAILED) whose details
 * name every field; messages are localised by the error handler for the request's language.
 */
export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { error: bilingualErrorMap });
    if (result.success) return { value: result.data };
    const prefix = httpPart === 'body' ? undefined : httpPart === 'querystring' ? 'query' : httpPart;
    return { error: new AppError('VALIDATION_FAILED', { details: toProblems(result.error.issues, prefix) }) };
  };
