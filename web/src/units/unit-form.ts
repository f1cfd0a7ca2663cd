import * as z from 'zod';
import { UNIT_KINDS, UnitInput, UnitPatch, type Unit } from '../../../shared/schemas/unit.ts';

/** What the unit forms hold: text inputs as typed. The shared UnitInput / UnitPatch decide what is valid. */
export const UnitFormValues = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), vi: z.string(), my: z.string(), ar: z.string() }),
  kind: z.enum(UNIT_KINDS),
  capacity: z.string(),
});
export type UnitFormValues = z.infer<typeof UnitFormValues>;

export const emptyUnitValues = (kind: Unit['kind'] = 'region'): UnitFormValues => ({ id: '', name: { en: '', vi: '', my: '', ar: '' }, kind, capacity: '' });

export const valuesOf = (unit: Unit): UnitFormValues => ({
  id: unit.id,
  name: { en: unit.name.en, vi: unit.name.vi ?? '', my: unit.name.my ?? '', ar: unit.name.ar ?? '' },
  kind: unit.kind,
  capacity: unit.capacity === undefined ? '' : String(unit.capacity),
});

/** Blank translations are left out (English shows instead). */
const nameOf = (values: UnitFormValues) =>
  Object.fromEntries(Object.entries(values.name).filter(([code, text]) => code === 'en' || text.trim() !== '')) as UnitInput['name'];

/** A capacity as typed: blank is none; anything else must be a whole number, which the shared schema bounds. */
const capacityOf = (values: UnitFormValues) => (values.kind !== 'facility' || values.capacity.trim() === '' ? undefined : Number(values.capacity));

/** `POST /units` from the form, checked by the shared schema. */
export const toUnitInput = (values: UnitFormValues, parentId: string) => {
  const capacity = capacityOf(values);
  return UnitInput.safeParse({ id: values.id.trim(), parentId, name: nameOf(values), kind: values.kind, ...(capacity === undefined ? {} : { capacity }) });
};

/** `PATCH /units/{id}` with only what the admin changed, so a retry never undoes a colleague's edit. */
export const toUnitPatch = (values: UnitFormValues, unit: Unit) => {
  const name = nameOf(values);
  const capacity = capacityOf(values);
  const sameName = JSON.stringify(Object.entries(name).sort()) === JSON.stringify(Object.entries(unit.name).filter(([, text]) => text).sort());
  return UnitPatch.safeParse({
    ...(sameName ? {} : { name }),
    ...(values.kind === unit.kind ? {} : { kind: values.kind }),
    ...(capacity === unit.capacity ? {} : { capacity: capacity ?? null }),
  });
};
