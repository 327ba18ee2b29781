// The read-only queries a manager can make heavy (reports, the documents and audit lists, the audit export, the
// monitoring panel) and a page of the audit chain's walk (the register's own check at start), each as a function of a database connection and plain, structured-clonable arguments. The same
// functions run in the read worker (read-worker-entry.ts, its own read-only connection) and, as the fallback, on the
// core's connection (inline-reads.ts); access rules are checked by the handlers before they ask for one.
import type { ShiftReport } from '../../shared/ipc/areas/reports/contract';
import { listDocuments, type DocumentsQuery } from '../app/documents-list';
import { monitorOverview, type OverviewInputs } from '../monitor/overview';
import { salesByDayCsv, salesByProductCsv, salesReport } from '../reports/sales-report';
import { shiftReportCsv, shiftReportText } from '../reports/shift-report-render';
import { storedZReport, xReport } from '../reports/shifts';
import { auditCsv, listAudit, type AuditFilter } from '../settings/audit-list';
import type { StoreDb } from '../store/open-database';
import { checkAuditChainPage, type AuditChainPageArgs } from '../store/audit-chain-check';

/** A shift report as the screen receives it: the data, its 80 mm text and its CSV (rendering is part of the cost). */
export const renderedShiftReport = (report: ShiftReport) => ({
  report,
  text: shiftReportText(report),
  csv: shiftReportCsv(report),
});

export const readQueries = {
  xReport: (db: StoreDb, args: { at: string }) => renderedShiftReport(xReport(db, new Date(args.at))),
  zReport: (db: StoreDb, args: { shiftId: string }) => renderedShiftReport(storedZReport(db, args.shiftId)),
  salesReport: (db: StoreDb, args: { from: string; to: string }) => {
    const report = salesReport(db, args.from, args.to);
    return { report, csvByDay: salesByDayCsv(report), csvByProduct: salesByProductCsv(report) };
  },
  documentsList: (db: StoreDb, query: DocumentsQuery) => listDocuments(db, query),
  auditList: (db: StoreDb, query: AuditFilter & { cursor?: string | undefined; limit: number }) => listAudit(db, query),
  auditCsv: (db: StoreDb, filter: AuditFilter) => auditCsv(db, filter),
  monitorOverview: (db: StoreDb, args: { at: string; hours: number; inputs: OverviewInputs }) =>
    monitorOverview(db, new Date(args.at), args.hours, args.inputs),
  auditChainPage: (db: StoreDb, args: AuditChainPageArgs) => checkAuditChainPage(db, args),
};

export type ReadQueries = typeof readQueries;

/**
 * The arrays of a reply that cross from the worker as JSON slices (sliced-reply.ts, decision 0041): those that grow
 * with the history (a year's product lines and days). Everything else crosses as one structured clone.
 */
export const slicedReplyPaths: Partial<Record<keyof ReadQueries, readonly (readonly string[])[]>> = {
  salesReport: [
    ['report', 'byDay'],
    ['report', 'byProduct'],
  ],
};
export type ReadName = keyof ReadQueries;
export type ReadArgs<K extends ReadName> = Parameters<ReadQueries[K]>[1];
export type ReadResult<K extends ReadName> = ReturnType<ReadQueries[K]>;

export function isReadName(name: unknown): name is ReadName {
  return typeof name === 'string' && Object.hasOwn(readQueries, name);
}

/** Who runs the read queries: the read worker, or the core's own connection. */
export interface ReadRunner {
  run<K extends ReadName>(name: K, args: ReadArgs<K>): Promise<ReadResult<K>>;
}

/**
 * Runs one query as one read transaction: a query of several statements (a page and its total, a report's sections)
 * sees one snapshot of the WAL database even while the core commits sales beside it.
 */
export function runReadQuery<K extends ReadName>(db: StoreDb, name: K, args: ReadArgs<K>): ReadResult<K> {
  const query = readQueries[name] as (db: StoreDb, args: ReadArgs<K>) => ReadResult<K>;
  return db.$client.transaction(() => query(db, args))();
}
