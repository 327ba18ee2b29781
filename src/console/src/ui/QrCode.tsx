// A QR code drawn locally with `qrcode` into a data: URL (the page's CSP allows data: images; nothing is fetched).
import QRCode from 'qrcode';
import { useEffect, useState, type JSX } from 'react';

export function QrCode(props: { text: string; label: string }): JSX.Element | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(props.text, { errorCorrectionLevel: 'M', margin: 2, width: 220 }).then(
      (data) => current && setUrl(data),
      () => current && setUrl(null),
    );
    return () => {
      current = false;
    };
  }, [props.text]);
  return url ? <img src={url} alt={props.label} width={220} height={220} data-testid="enrolment-qr" /> : null;
}
