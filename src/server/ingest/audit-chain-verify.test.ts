// The chain judgement of ingest, without a database: fresh entries against each other and against the stored
// neighbours the storing statement returns.
import { describe, expect, it } from 'vitest';
import { auditChain } from '../../../tests/fixtures/audit-chain-events';
import type { AuditEvent } from '../../shared/sync/events';
import { auditChainBreaks, type ChainLink } from './audit-chain-verify';

const at = (n: number) => `2026-12-05T16:${String(n).padStart(2, '0')}:00.000Z`;

function trail(count: number): AuditEvent[] {
  const chain = auditChain();
  return Array.from({ length: count }, (_, i) => ({
    eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    seq: i + 1,
    kind: 'audit' as const,
    payload: chain.next({ at: at(i), details: { n: i } }),
  }));
}

const linkOf = (e: AuditEvent): ChainLink => ({
  chainSeq: e.payload.auditId,
  prevHash: e.payload.prevHash,
  hash: e.payload.hash,
});

describe('auditChainBreaks', () => {
  it('finds nothing in an intact chain, whole or split between stored and fresh entries', () => {
    const entries = trail(5);
    expect(auditChainBreaks(entries, [])).toEqual([]);
    expect(auditChainBreaks([entries[2]!], [linkOf(entries[1]!), linkOf(entries[3]!)])).toEqual([]);
  });

  it('judges a fresh entry against its stored predecessor and successor', () => {
    const [, second, third, fourth] = trail(4);
    const neighbours = [linkOf(second!), linkOf(fourth!)];
    const rewired = { ...third!, payload: { ...third!.payload, prevHash: fourth!.payload.hash } };
    expect(auditChainBreaks([rewired], neighbours)).toEqual([
      { chainSeq: 3, reason: 'hash_mismatch' },
      { chainSeq: 3, reason: 'link_mismatch' },
    ]);
    const rehashed = { ...third!, payload: { ...third!.payload, hash: 'f'.repeat(64) } };
    expect(auditChainBreaks([rehashed], neighbours)).toEqual([
      { chainSeq: 3, reason: 'hash_mismatch' },
      { chainSeq: 4, reason: 'link_mismatch' },
    ]);
  });

  it('leaves a link with a missing end unjudged (a gap is not a break)', () => {
    const entries = trail(5);
    const rewired = { ...entries[4]!, payload: { ...entries[4]!.payload, prevHash: entries[0]!.payload.hash } };
    // Entry 4 is neither stored nor fresh: the link 4→5 waits for it; only 5's own hash is judged now.
    expect(auditChainBreaks([rewired], [linkOf(entries[2]!)])).toEqual([{ chainSeq: 5, reason: 'hash_mismatch' }]);
  });
});
