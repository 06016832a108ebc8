import { type FormEvent, useCallback, useRef, useState } from 'react';
import { fieldErrorsOf, isApiError } from './api-client';
import type { FieldError } from './api-types';

export type FormErrors<T> = Partial<Record<keyof T & string, string>>;

/**
 * Minimal controlled-form state: values, one error message per field, and focus on the first
 * invalid field whenever errors are shown (so the error is read out and can be fixed at once).
 */
export function useFormState<T extends object>(initial: T) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrorsState] = useState<FormErrors<T>>({});
  const formRef = useRef<HTMLFormElement>(null);

  const setValue = useCallback(<K extends keyof T & string>(key: K, value: T[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrorsState((current) => (current[key] ? { ...current, [key]: undefined } : current));
  }, []);

  const showErrors = useCallback((next: FormErrors<T>) => {
    setErrorsState(next);
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }, []);

  const initialRef = useRef(initial);
  const reset = useCallback((next?: T) => {
    setValues(next ?? initialRef.current);
    setErrorsState({});
  }, []);

  return { values, setValues, errors, setValue, showErrors, reset, formRef };
}

export function hasErrors<T>(errors: FormErrors<T>): boolean {
  return Object.values(errors).some(Boolean);
}

/**
 * Splits an API validation error into messages for fields this form shows and the rest
 * (to be listed in the form's error summary).
 */
export function splitFieldErrors<T>(
  error: unknown,
  fields: readonly (keyof T & string)[],
  aliases: Partial<Record<string, keyof T & string>> = {},
): { fieldErrors: FormErrors<T>; otherErrors: FieldError[] } {
  const fieldErrors: FormErrors<T> = {};
  const otherErrors: FieldError[] = [];
  if (!isApiError(error)) return { fieldErrors, otherErrors };
  for (const entry of fieldErrorsOf(error.details)) {
    const last = entry.field.split('.').pop() ?? entry.field;
    const key = aliases[last] ?? (fields as readonly string[]).find((f) => f === last);
    if (key && !fieldErrors[key as keyof T & string]) fieldErrors[key as keyof T & string] = entry.message;
    else if (!key) otherErrors.push(entry);
  }
  return { fieldErrors, otherErrors };
}

/** `onSubmit` wrapper: no native submission, no native validation bubbles. */
export function onSubmit(handler: () => void) {
  return (event: FormEvent) => {
    event.preventDefault();
    handler();
  };
}
