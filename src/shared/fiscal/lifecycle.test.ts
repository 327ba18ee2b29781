import { describe, expect, it } from 'vitest';
import { DOCUMENT_STATUSES, IllegalTransitionError, canTransition, isTerminal, pathTo, transition } from './lifecycle';

describe('document lifecycle', () => {
  it('follows the happy path of a sale', () => {
    let s = transition('DRAFT', 'QUEUED');
    s = transition(s, 'PROCESSING');
    s = transition(s, 'AUTHORIZED');
    expect(transition(s, 'ANNULLED')).toBe('ANNULLED');
  });

  it('lets a manager retry FAILED and REJECTED documents, and the queue retry a transient failure', () => {
    expect(canTransition('FAILED', 'QUEUED')).toBe(true);
    expect(canTransition('REJECTED', 'QUEUED')).toBe(true);
    expect(canTransition('PROCESSING', 'QUEUED')).toBe(true);
  });

  it.each([
    ['AUTHORIZED', 'QUEUED'],
    ['AUTHORIZED', 'PROCESSING'],
    ['ANNULLED', 'AUTHORIZED'],
    ['QUEUED', 'AUTHORIZED'],
    ['QUEUED', 'ANNULLED'],
    ['DRAFT', 'AUTHORIZED'],
    ['REJECTED', 'AUTHORIZED'],
  ] as const)('refuses %s -> %s with a typed error', (from, to) => {
    expect(() => transition(from, to)).toThrow(IllegalTransitionError);
    try {
      transition(from, to);
    } catch (e) {
      expect(e).toMatchObject({ name: 'IllegalTransitionError', from, to });
    }
  });

  it('has no way out of ANNULLED and never loops a status onto itself', () => {
    for (const to of DOCUMENT_STATUSES) expect(canTransition('ANNULLED', to)).toBe(false);
    for (const s of DOCUMENT_STATUSES) expect(canTransition(s, s)).toBe(false);
    expect(isTerminal('AUTHORIZED')).toBe(true);
    expect(isTerminal('FAILED')).toBe(false);
  });

  it('lets a manager discard only REJECTED, FAILED and NUMBER_COLLISION documents, and a discarded one is final', () => {
    expect(DOCUMENT_STATUSES.filter((from) => canTransition(from, 'CANCELLED'))).toEqual([
      'REJECTED',
      'FAILED',
      'NUMBER_COLLISION',
    ]);
    for (const to of DOCUMENT_STATUSES) expect(canTransition('CANCELLED', to)).toBe(false);
    expect(isTerminal('CANCELLED')).toBe(true);
    expect(pathTo('CANCELLED', 'AUTHORIZED')).toBeUndefined();
  });

  it('finds the legal way to record an authorisation from anywhere but ANNULLED', () => {
    expect(pathTo('PROCESSING', 'AUTHORIZED')).toEqual(['AUTHORIZED']);
    expect(pathTo('QUEUED', 'AUTHORIZED')).toEqual(['PROCESSING', 'AUTHORIZED']);
    expect(pathTo('FAILED', 'AUTHORIZED')).toEqual(['QUEUED', 'PROCESSING', 'AUTHORIZED']);
    expect(pathTo('ANNULLED', 'AUTHORIZED')).toBeUndefined();
    expect(pathTo('AUTHORIZED', 'AUTHORIZED')).toBeUndefined();
  });
});
