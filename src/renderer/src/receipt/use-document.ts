// A saved document kept current: loaded with documents:get and re-read whenever main reports a status change for
// it, so a receipt or detail page turns from "pendiente" to CUFE + QR by itself.
import { useCallback, useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../shared/ipc/schemas';
import { useDocumentStatusEvents } from '../api/app-status';
import { attempt, sago } from '../api/sago';

export function useDocument(
  id: string | null,
  initial: DocumentDetail | null = null,
): { detail: DocumentDetail | null; error: string | null; reload: () => void } {
  const [detail, setDetail] = useState<DocumentDetail | null>(initial);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    if (id === null) return;
    void attempt(() => sago().documents.get({ id })).then((result) => {
      if (result.ok) {
        setDetail(result.value);
        setError(null);
      } else setError(result.error.message);
    });
  }, [id]);

  // Read even when `initial` was given: a status change may have happened before the subscription below existed.
  useEffect(reload, [reload]);

  useDocumentStatusEvents(
    useCallback(
      (event) => {
        if (event.documentId === id) reload();
      },
      [id, reload],
    ),
  );
  return { detail: detail?.id === id ? detail : null, error, reload };
}
