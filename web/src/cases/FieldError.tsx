import { useTranslation } from 'react-i18next';
import type { FieldError as HookFormError } from 'react-hook-form';

/** A field's error, translated: the key names what to fix; the field is linked by aria-describedby. */
export function FieldError({ id, error, messageKey }: { id: string; error?: HookFormError | { message?: string }; messageKey: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <p id={id} className="field-error">{t(messageKey, { defaultValue: t('errors.generic') })}</p>;
}
