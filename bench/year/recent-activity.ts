// The part of a year's history that retention keeps: a week of HKA call records (monitor-service prunes older ones)
// and 48 h of queue-depth samples, at a busy register's pace (about three calls a minute while the shop is open).
import type Database from 'better-sqlite3';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export function writeRecentActivity(sqlite: Database.Database, end: Date, random: () => number): void {
  const call = sqlite.prepare(
    'INSERT INTO hka_calls (operation, document_id, started_at, duration_ms, outcome, codigo) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const sample = sqlite.prepare(
    'INSERT INTO queue_samples (at, waiting) VALUES (?, ?) ON CONFLICT DO UPDATE SET waiting = excluded.waiting',
  );
  const docs = sqlite
    .prepare('SELECT id FROM documents WHERE created_at >= ? ORDER BY created_at')
    .pluck()
    .all(new Date(end.getTime() - 7 * 24 * HOUR).toISOString()) as string[];
  const weekStart = end.getTime() - 7 * 24 * HOUR;
  docs.forEach((id, i) => {
    const at = weekStart + Math.floor((i / Math.max(1, docs.length)) * 7 * 24 * HOUR);
    const failed = random() < 0.02;
    call.run(
      'Enviar',
      id,
      at,
      60 + Math.floor(random() * random() * 900),
      failed ? 'transient:response_timeout' : 'authorized',
      failed ? null : '200',
    );
  });
  for (let at = end.getTime() - 48 * HOUR; at < end.getTime(); at += MINUTE) sample.run(at, Math.floor(random() * 4));
}
