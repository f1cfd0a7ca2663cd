import { createContext, useContext, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type * as z from 'zod';
import type { Case } from '../../../shared/schemas/case.ts';
import { ApiError } from '../app/api.ts';
import { parseForm, type FieldErrors } from './parse-form.ts';
import { ConflictDialog } from './ConflictDialog.tsx';

const ErrorsContext = createContext<FieldErrors>({});

interface ChangeFormProps<S extends z.ZodType> {
  /** The shared schema the API validates with. */
  schema: S;
  values: (form: FormData) => unknown;
  /** Sends the change based on `version` (If-Match). */
  send: (data: z.infer<S>, version: number) => Promise<unknown>;
  /** The case as the user saw it: its version is sent, and a conflict shows what changed since. */
  seen: Case;
  submitLabel: string;
  children: ReactNode;
  resetOnSuccess?: boolean;
}

/**
 * A form that changes a case: validates with the shared schema, sends with If-Match, and on 412 opens the
 * conflict dialog — the form stays mounted, so nothing the user typed is lost — then retries on the latest.
 */
export function ChangeForm<S extends z.ZodType>({ schema, values, send, seen, submitLabel, children, resetOnSuccess = true }: ChangeFormProps<S>) {
  const { t } = useTranslation();
  const queries = useQueryClient();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  // The case as the user saw it when the conflict happened: the page refreshes underneath, this must not.
  const [conflict, setConflict] = useState<{ data: z.infer<S>; seen: Case } | undefined>();

  const attempt = async (data: z.infer<S>, version: number, form?: HTMLFormElement) => {
    setBusy(true);
    setFailed(false);
    try {
      await send(data, version);
      setConflict(undefined);
      if (resetOnSuccess) form?.reset();
      await queries.invalidateQueries({ queryKey: ['case', seen.id] });
      void queries.invalidateQueries({ queryKey: ['cases'] });
      void queries.invalidateQueries({ queryKey: ['approvals'] });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) setConflict((open) => open ?? { data, seen });
      else if (error instanceof ApiError && error.details.length > 0) setErrors(Object.fromEntries(error.details.map((d) => [d.path, d.message])));
      else setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const parsed = parseForm(schema, values(new FormData(form)));
    setErrors(parsed.errors ?? {});
    if (parsed.data !== undefined) void attempt(parsed.data, seen.version, form);
  };

  return (
    <ErrorsContext.Provider value={errors}>
      <form className="form change-form" onSubmit={submit} noValidate>
        {children}
        {failed && <p role="alert" className="error">{t('common.error')}</p>}
        <button type="submit" disabled={busy}>{busy ? t('register.saving') : submitLabel}</button>
      </form>
      {conflict && (
        <ConflictDialog
          seen={conflict.seen}
          onRetry={(latest) => void attempt(conflict.data, latest.version)}
          onClose={() => setConflict(undefined)}
        />
      )}
    </ErrorsContext.Provider>
  );
}

/** A labelled field whose error (from the shared schema or the API) is announced and linked. */
export function Field({ name, label, children }: { name: string; label: string; children: (props: { id: string; name: string; 'aria-invalid'?: boolean; 'aria-describedby'?: string }) => ReactNode }) {
  const { t } = useTranslation();
  const errors = useContext(ErrorsContext);
  const id = useId();
  const error = Object.entries(errors).find(([path]) => path === name || path.startsWith(`${name}.`));
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {children({ id, name, ...(error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}) })}
      {error && <p id={`${id}-error`} className="field-error">{t('errors.generic')}</p>}
    </>
  );
}
