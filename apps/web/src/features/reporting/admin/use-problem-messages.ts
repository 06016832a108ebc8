import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { PathErrors } from '../../../lib/use-path-form';
import type { Problems } from './logic';

/** Turns the message keys of a form check into the Vietnamese (or English) messages shown under the fields. */
export function useProblemMessages(): (problems: Problems) => PathErrors {
  const { t } = useTranslation();
  return useCallback(
    (problems: Problems) => {
      const out: PathErrors = {};
      for (const [field, key] of Object.entries(problems)) {
        if (key) out[field] = t(`reportingAdmin.validation.${key}`);
      }
      return out;
    },
    [t],
  );
}
