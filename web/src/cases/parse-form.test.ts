import { describe, expect, it } from 'vitest';
import { CarePlanInput } from '../../../shared/schemas/lifecycle.ts';
import { lines, optional, parseForm } from './parse-form.ts';

describe('parseForm', () => {
  it('returns the parsed data when valid', () => {
    const result = parseForm(CarePlanInput, { goals: [{ goal: 'School', services: [], dueDate: '2027-01-01' }], summary: 'Plan' });
    expect(result.data?.goals[0]?.goal).toBe('School');
  });
  it('keys errors by the same paths the API reports', () => {
    const result = parseForm(CarePlanInput, { goals: [{ goal: 'School', dueDate: 'soon' }], summary: '' });
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(['goals.0.dueDate', 'summary']);
  });
  it('reads textarea lines and optional inputs', () => {
    expect(lines(' food \n\n school ')).toEqual(['food', 'school']);
    expect(optional('  ')).toBeUndefined();
    expect(optional('Vinh')).toBe('Vinh');
  });
});
