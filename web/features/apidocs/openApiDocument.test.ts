import { describe, expect, it } from 'vitest';
import { describeType, groupEndpoints, openApiDocument } from './openApiDocument.ts';

const document = openApiDocument.parse({
  openapi: '3.0.3',
  info: { title: 'Stadshart API', version: '1' },
  paths: {
    '/api/v1/orgs/{orgSlug}/places': {
      get: { tags: ['places'], summary: 'List' },
      post: { tags: ['places'], summary: 'Add' },
      parameters: [{ name: 'orgSlug', in: 'path' }],
    },
    '/api/v1/session': { get: { tags: ['auth'], summary: 'Who' } },
    '/healthz': { get: { summary: 'Up' } },
  },
});

describe('groupEndpoints', () => {
  it('groups operations by their first tag and skips what is not an operation', () => {
    const groups = groupEndpoints(document);
    expect(
      groups.map(([tag, endpoints]) => [tag, endpoints.map((e) => `${e.method} ${e.path}`)]),
    ).toEqual([
      ['places', ['get /api/v1/orgs/{orgSlug}/places', 'post /api/v1/orgs/{orgSlug}/places']],
      ['auth', ['get /api/v1/session']],
      ['other', ['get /healthz']],
    ]);
  });
});

describe('describeType', () => {
  it('names the type, its format and its allowed values', () => {
    expect(describeType({ type: 'string', format: 'uuid' })).toBe('string (uuid)');
    expect(describeType({ type: 'string', enum: ['admin', 'member'] })).toBe(
      'string: admin | member',
    );
    expect(describeType(undefined)).toBe('');
  });
});
