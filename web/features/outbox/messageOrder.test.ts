import { describe, expect, it } from 'vitest';
import { newestFirst } from './messageOrder.ts';

describe('newestFirst', () => {
  it('puts the latest message on top, comparing instants rather than text', () => {
    const messages = [
      { id: 'a', createdAt: '2025-03-01T09:00:00.000Z' },
      { id: 'b', createdAt: '2025-03-01T10:30:00+02:00' },
      { id: 'c', createdAt: '2025-03-02T08:00:00.000Z' },
    ];
    // b is 08:30 UTC, so earlier than a although its text sorts later.
    expect(newestFirst(messages).map((message) => message.id)).toEqual(['c', 'a', 'b']);
  });

  it('leaves the input untouched', () => {
    const messages = [
      { createdAt: '2025-01-01T00:00:00.000Z' },
      { createdAt: '2025-02-01T00:00:00.000Z' },
    ];
    newestFirst(messages);
    expect(messages[0]?.createdAt).toBe('2025-01-01T00:00:00.000Z');
  });
});
