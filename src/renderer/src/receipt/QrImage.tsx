// The CAFE's QR code, drawn locally with `qrcode` into a data: URL (the CSP allows data: images; nothing is fetched).
import QRCode from 'qrcode';
import { useEffect, useState, type JSX } from 'react';

export function QrImage(props: { text: string; size: number; label: string }): JSX.Element {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(props.text, { errorCorrectionLevel: 'M', margin: 1, width: props.size })
      .then((data) => {
        if (current) setUrl(data);
      })
      .catch(() => {
        if (current) setUrl(null);
      });
    return () => {
      current = false;
    };
  }, [props.text, props.size]);
  return url === null ? (
    <div className="qr-placeholder" style={{ width: props.size, height: props.size }} />
  ) : (
    <img className="qr" src={url} width={props.size} height={props.size} alt={props.label} data-testid="receipt-qr" />
  );
}
