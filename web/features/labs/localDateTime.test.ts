import { describe, expect, it } from 'vitest';
import { isoDateTime } from '../../../common/fields.ts';
import { fromLocalInput, toLocalInput } from './localDateTime.ts';

describe('the start date and time of a lab', () => {
  it('round-trips through the local input without moving the moment', () => {
    const iso = '2026-02-06T18:30:00.000Z';
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(fromLocalInput(local)).toBe(iso);
  });

  it('sends an emptied field as null and shows no start as an empty field', () => {
    expect(fromLocalInput('  ')).toBeNull();
    expect(toLocalInput(null)).toBe('');
  });

  it('gives the schema something it accepts, or the raw text it will name as wrong', () => {
    expect(isoDateTime.safeParse(fromLocalInput('2026-02-06T09:00')).success).toBe(true);
    expect(fromLocalInput('morgen')).toBe('morgen');
    expect(isoDateTime.safeParse(fromLocalInput('morgen')).success).toBe(false);
  });
});
