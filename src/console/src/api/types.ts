// The server's answers as the console reads them (src/server/README.md, API table). The console talks HTTP only and
// may not import src/server, so these mirror the server's view types; the e2e test runs both against each other.
export interface Store {
  id: string;
  code: string;
  name: string;
  createdAt: string;
}
export interface Device {
  id: string;
  name: string;
  storeId: string;
  storeCode: string;
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}
export interface EnrolmentCode {
  code: string;
  storeId: string;
  registerName: string;
  expiresAt: string;
}
export interface RegisterStatus {
  deviceId: string;
  name: string;
  storeId: string;
  storeCode: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  documents: number;
  pending: number;
  contingency: number;
  failed: number;
  lastNumero: number | null;
  lastEventAt: string | null;
  lastEventDelayMs: number | null;
}
export interface DocumentRow {
  documentId: string;
  storeId: string;
  storeCode: string;
  deviceId: string;
  status: string;
  statusAt: string;
  tipoDocumento: string | null;
  numero: number | null;
  tipoEmision: string | null;
  total: string | null;
  issuedAt: string;
}
export interface AuditRow {
  eventId: string;
  storeId: string;
  deviceId: string;
  seq: number;
  at: string;
  actor: string;
  actorName: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  action: string;
  documentId: string | null;
  details: unknown;
  chainSeq: number | null;
  hash: string | null;
}
export interface ChainStatus {
  deviceId: string;
  storeId: string;
  entries: number;
  lastChainSeq: number | null;
  breaks: { chainSeq: number; reason: string; detectedAt: string }[];
}
export interface SalesRow {
  storeId: string;
  storeCode: string;
  storeName: string;
  period: string;
  documents: number;
  total: string;
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface Items<T> {
  items: T[];
}
