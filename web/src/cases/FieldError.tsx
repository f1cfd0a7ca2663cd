import { useTranslation } from 'react-i18next';

/** The type react-hook-form records for an error the API reported (its message is English, for logs). */
export const SERVER_ERROR = 'server';

/** What react-hook-form knows of a field's error: its type is the zod issue code, or SERVER_ERROR. */
interface Problem {
  type?: string;
}

/**
 * Which message a problem gets. A missing or malformed value gets the field's own advice (`messageKey`);
 * a value that is too long, or one the API refused for a reason the form could not know, gets a general one.
 */
function messageKeyFor(error: Problem, messageKey: string | undefined): string {
  if (error.type === 'too_big') return 'errors.tooLong';
  if (error.type === SERVER_ERROR || !messageKey) return 'errors.generic';
  return messageKey;
}

/** A field's error, translated, with the id its field points at through aria-describedby. */
export function FieldError({ id, error, messageKey }: { id: string; error?: Problem; messageKey?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return <p id={id} className="field-error">{t(messageKeyFor(error, messageKey))}</p>;
}
