import { defineMachine } from './state-machine';

const door = defineMachine({
  name: 'door',
  states: ['open', 'closed', 'locked', 'broken'],
  transitions: {
    close: { from: ['open'], to: 'closed', description: 'Someone closes the door.' },
    open: { from: ['closed'], to: 'open' },
    lock: { from: ['closed'], to: 'locked' },
    unlock: { from: ['locked'], to: 'closed' },
    smash: { from: ['open', 'closed', 'locked'], to: 'broken' },
  },
});

describe('defineMachine', () => {
  it('moves along allowed transitions', () => {
    expect(door.next('open', 'close')).toEqual({ ok: true, value: 'closed' });
    expect(door.next('locked', 'smash')).toEqual({ ok: true, value: 'broken' });
  });

  it('returns INVALID_TRANSITION with details for a disallowed event', () => {
    const result = door.next('open', 'lock');
    expect(result).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
      message: expect.stringContaining('lock'),
      details: { machine: 'door', state: 'open', event: 'lock' },
    });
  });

  it('answers can() and events() in definition order', () => {
    expect(door.can('closed', 'lock')).toBe(true);
    expect(door.can('open', 'unlock')).toBe(false);
    expect(door.events('closed')).toEqual(['open', 'lock', 'smash']);
    expect(door.events('broken')).toEqual([]);
  });

  it('knows terminal states and its own states', () => {
    expect(door.isTerminal('broken')).toBe(true);
    expect(door.isTerminal('open')).toBe(false);
    expect(door.isState('locked')).toBe(true);
    expect(door.isState('ajar')).toBe(false);
    expect(door.isState(3)).toBe(false);
  });

  it('rejects unknown states and events at runtime (data from the database)', () => {
    // Simulates a corrupt document: the type system cannot see these values.
    const state = 'ajar' as 'open';
    const event = 'toString' as 'open';
    expect(door.can(state, 'close')).toBe(false);
    expect(door.next('open', event).ok).toBe(false);
  });

  it('exposes the table as data', () => {
    expect(door.eventNames).toEqual(['close', 'open', 'lock', 'unlock', 'smash']);
    expect(door.table[0]).toEqual({ event: 'close', from: ['open'], to: 'closed', description: 'Someone closes the door.' });
    expect(door.table[1].description).toBe('');
  });

  it('throws on a broken definition', () => {
    expect(() => defineMachine({ name: 'x', states: ['a', 'a'], transitions: {} })).toThrow(/duplicate/);
    expect(() => defineMachine({ name: 'x', states: [], transitions: {} })).toThrow(/no states/);
    expect(() =>
      defineMachine({ name: 'x', states: ['a'] as string[], transitions: { go: { from: ['a'], to: 'b' } } }),
    ).toThrow(/unknown state b/);
    expect(() => defineMachine({ name: 'x', states: ['a'], transitions: { go: { from: [], to: 'a' } } })).toThrow(
      /no source/,
    );
  });
});
