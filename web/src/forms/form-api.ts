import { useQuery } from '@tanstack/react-query';
import type { FormDefinition, LocalizedText } from '../../../shared/forms/form-definition.ts';
import { api } from '../app/api.ts';

export interface Lookups {
  categories: { code: string; label?: Partial<LocalizedText> | string }[];
  locationLevels?: unknown;
  locations: { id: string; parentId?: string | null; level?: string | number; name: string }[];
}

export interface LoadedForm {
  definition: FormDefinition;
  etag?: string;
}

export const FORM_QUERY_KEY = ['forms', 'case'] as const;

/** The tenant's case form, with its ETag for a save with If-Match. */
export function useCaseForm() {
  return useQuery({
    queryKey: FORM_QUERY_KEY,
    queryFn: async (): Promise<LoadedForm> => {
      const result = await api<FormDefinition>('/api/v1/forms/case');
      return { definition: result.data, etag: result.etag };
    },
  });
}

export function useLookups() {
  return useQuery({ queryKey: ['lookups'], queryFn: async () => (await api<Lookups>('/api/v1/lookups')).data });
}

/** A label in the active language, falling back to English. */
export function localized(text: Partial<LocalizedText> | string | undefined, language: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const key = language.slice(0, 2) as keyof LocalizedText;
  return text[key]?.trim() || text.en || '';
}
