import { useCallback, useRef, useState } from 'react';
import { fieldErrorsOf, isApiError } from './api-client';
import type { FieldError } from './api-types';

/** Error messages keyed by the field's path in the request body: "nameVi", "contacts.0.email", "firstEntry.kind". */
export type PathErrors = Record<string, string>;

/**
 * The server's field messages keyed by their full path (a leading "body." dropped), first message per path.
 * Unlike `fieldErrorMap` the path is kept whole, so list rows ("investors.1.country") and nested objects
 * ("firstEntry.certificateNo") find their own input.
 */
export function serverErrorsByPath(error: unknown): PathErrors {
  const out: PathErrors = {};
  if (!isApiError(error)) return out;
  for (const { field, message } of fieldErrorsOf(error.details)) {
    const path = field.replace(/^body\./, '');
    if (!(path in out)) out[path] = message;
  }
  return out;
}

/** Splits path errors into those a form shows (`shows(path)`) and the rest, for the form's error summary. */
export function partitionErrors(
  errors: PathErrors,
  shows: (path: string) => boolean,
): { shown: PathErrors; others: FieldError[] } {
  const shown: PathErrors = {};
  const others: FieldError[] = [];
  for (const [field, message] of Object.entries(errors)) {
    if (shows(field)) shown[field] = message;
    else others.push({ field, message });
  }
  return { shown, others };
}

/** Drops the message of a path and of everything below it ("contacts" also clears "contacts.0.name"). */
export function clearPath(errors: PathErrors, path: string): PathErrors {
  let changed = false;
  const next: PathErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    if (key === path || key.startsWith(`${path}.`)) changed = true;
    else next[key] = message;
  }
  return changed ? next : errors;
}

/**
 * Form state for forms with lists and nested objects: values, messages keyed by path, focus on the first
 * invalid input whenever messages are shown (as `useFormState`, which keys messages by top-level field only).
 */
export function usePathForm<T extends object>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<PathErrors>({});
  const formRef = useRef<HTMLFormElement>(null);

  const setValue = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => clearPath(current, key));
  }, []);

  const clearError = useCallback((path: string) => setErrors((current) => clearPath(current, path)), []);

  const showErrors = useCallback((next: PathErrors) => {
    setErrors(next);
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }, []);

  return { values, setValues, setValue, errors, clearError, showErrors, formRef };
}
