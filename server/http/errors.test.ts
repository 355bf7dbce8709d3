import { DrizzleQueryError } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { loggableError } from './errors.ts';

describe('loggableError', () => {
  it('keeps the SQL and the driver error of a failed query but never its parameters', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
    });
    const error = new DrizzleQueryError(
      'insert into "users" ("email", "password_hash") values ($1, $2)',
      ['anna@velsen.example', '$argon2id$v=19$secret-hash'],
      cause,
    );
    const logged = JSON.stringify(loggableError(error));
    expect(logged).toContain('insert into \\"users\\"');
    expect(logged).toContain('23505');
    expect(logged).not.toContain('anna@velsen.example');
    expect(logged).not.toContain('secret-hash');
  });

  it('passes other errors through unchanged', () => {
    const error = new Error('plain');
    expect(loggableError(error)).toBe(error);
  });
});
