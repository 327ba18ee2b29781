// An alert as the API lists it and as a webhook carries it (the shapes the console and receivers rely on; documented
// in src/server/README.md).
export interface AlertView {
  id: string;
  rule: string;
  deviceId: string;
  storeId: string;
  raisedAt: string;
  /** null while open. */
  resolvedAt: string | null;
  /** The figure that crossed the threshold when the alert was raised. */
  details: { value: number; threshold: number };
}

export type WebhookEventType = 'alert.raised' | 'alert.resolved';

/** The exact JSON text a delivery sends (and signs); built once, stored in the outbox, sent unchanged on retries. */
export function webhookBody(deliveryId: string, orgId: string, alert: AlertView, occurredAt: string): string {
  const type: WebhookEventType = alert.resolvedAt ? 'alert.resolved' : 'alert.raised';
  return JSON.stringify({ type, deliveryId, orgId, occurredAt, alert });
}
