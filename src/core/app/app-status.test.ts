// The status bar's warnings: the PC clock off from HKA's or the central server's, and folios under the threshold.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordPeerClock } from '../monitor/clock-offset';
import { recordFolios } from '../monitor/folios';
import { openDatabase, type OpenedDatabase } from '../store/open-database';
import { tillWarnings } from './app-status';

let store: OpenedDatabase;
beforeEach(() => {
  store = openDatabase({ path: ':memory:' });
});
afterEach(() => store.close());

const NOW = new Date('2026-11-28T15:00:00Z');
const minutes = (n: number) => new Date(NOW.getTime() - n * 60_000);

describe('till warnings', () => {
  it('says nothing before anything was measured, nor within 2 minutes and over the threshold', () => {
    expect(tillWarnings(store.db)).toEqual({ clockOffsetMs: null, foliosLeft: null });
    recordPeerClock(store.db, 'hka', minutes(1.5), NOW);
    recordFolios(store.db, 100, NOW); // the default threshold is 100: not under it
    expect(tillWarnings(store.db)).toEqual({ clockOffsetMs: null, foliosLeft: null });
  });

  it('gives the worse clock offset once one passes 2 minutes, and the folios left under the threshold', () => {
    recordPeerClock(store.db, 'hka', minutes(3), NOW); // the PC is 3 minutes ahead of HKA
    recordPeerClock(store.db, 'server', minutes(-7), NOW); // and 7 behind the central server
    recordFolios(store.db, 99, NOW);
    expect(tillWarnings(store.db)).toEqual({ clockOffsetMs: -7 * 60_000, foliosLeft: 99 });
  });
});
