// Sends one signed delivery over HTTP. Behind an interface so the worker can be driven by a test's receiver or a fake.
// A 2xx is delivered; anything else (status, timeout, refused connection, redirect) is an outcome to retry. The
// receiver's answer body is never read into logs or the database.
import { DELIVERY_HEADER, SIGNATURE_HEADER, signWebhook } from './webhook-signature';

export interface WebhookRequest {
  url: string;
  secret: string;
  deliveryId: string;
  body: string;
  at: Date;
}

export interface SendOutcome {
  delivered: boolean;
  /** `http_<status>`, `timeout` or `network`. */
  outcome: string;
}

export type WebhookSender = (request: WebhookRequest) => Promise<SendOutcome>;

export const WEBHOOK_TIMEOUT_MS = 10_000;

export function httpWebhookSender(timeoutMs = WEBHOOK_TIMEOUT_MS): WebhookSender {
  return async ({ url, secret, deliveryId, body, at }) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
        headers: {
          'content-type': 'application/json',
          [SIGNATURE_HEADER]: signWebhook(secret, body, at),
          [DELIVERY_HEADER]: deliveryId,
        },
        body,
      });
      await response.body?.cancel();
      return { delivered: response.status >= 200 && response.status < 300, outcome: `http_${response.status}` };
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      return { delivered: false, outcome: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'network' };
    }
  };
}
