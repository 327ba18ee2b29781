// The 80 mm receipt, on screen and on paper (styles.css @media print prints only the element with .print-area).
// Always in Spanish: it is a fiscal document for the DGI, whatever language the cashier's screen uses.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBalboas } from '../../../shared/fiscal/money';
import { QrImage } from './QrImage';
import type { ReceiptLayout } from './receipt-layout';
import { CUFE_LOOKUP_URL, type ReceiptModel } from '../../../shared/receipt/receipt-model';

const RECEIPT_LANGUAGE = 'es-PA';

function Row(props: { label: string; value: string; strong?: boolean; testId?: string }): JSX.Element {
  return (
    <div className={props.strong ? 'r-row r-strong' : 'r-row'}>
      <span>{props.label}</span>
      <span data-testid={props.testId}>{props.value}</span>
    </div>
  );
}

/** Below the payments: the CAFE's CUFE, QR and lookup text once authorised, otherwise why this is provisional. */
function StageBlock({ model }: { model: ReceiptModel }): JSX.Element {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(RECEIPT_LANGUAGE);
  switch (model.stage) {
    case 'authorized':
    case 'annulled': // an annulled document keeps its CUFE: the receipt still identifies it
      return (
        <section className="r-stage r-authorized" data-testid="receipt-authorized">
          {model.contingencia ? <p className="r-note">{t('receipt.issuedInContingency')}</p> : null}
          <p className="r-caption">{t('receipt.cufe')}</p>
          <p className="r-cufe" data-testid="receipt-cufe">
            {model.cufe}
          </p>
          {model.qr ? (
            <div className="r-qr">
              <QrImage text={model.qr} size={150} label={t('receipt.qrAlt')} />
            </div>
          ) : null}
          <p className="r-caption">{t('receipt.lookup')}</p>
          <p className="r-url">{CUFE_LOOKUP_URL}</p>
          {model.protocolo ? (
            <>
              <p className="r-caption">{t('receipt.protocol')}</p>
              <p className="r-mono">{model.protocolo}</p>
            </>
          ) : null}
          {model.fechaAutorizacion ? <Row label={t('receipt.receivedAt')} value={model.fechaAutorizacion} /> : null}
        </section>
      );
    case 'contingency':
      return (
        <section className="r-stage r-provisional" data-testid="receipt-provisional">
          {model.contingencia ? (
            <p className="r-note">
              {t('receipt.contingencySince', { since: model.contingencia.desde })}
              <br />
              {model.contingencia.motivo}
            </p>
          ) : null}
          <p className="r-note">{t('receipt.provisionalNote')}</p>
        </section>
      );
    case 'pending':
      return (
        <section className="r-stage r-provisional" data-testid="receipt-provisional">
          <p className="r-note">{t('receipt.provisionalNote')}</p>
        </section>
      );
    case 'notAuthorized':
      return (
        <section className="r-stage r-void" data-testid="receipt-not-authorized">
          <p className="r-note">{t('receipt.notAuthorizedNote')}</p>
        </section>
      );
  }
}

/** Subtotal, taxes, charges and discounts down to the total: each row a figure of the document, in the order they add up. */
function SumRows({ sums }: { sums: ReceiptModel['sums'] }): JSX.Element {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(RECEIPT_LANGUAGE);
  const optional = (label: string, value: string | null, testId: string, sign = '') =>
    value === null ? null : <Row label={label} value={`${sign}${formatBalboas(value)}`} testId={testId} />;
  return (
    <>
      <Row label={t('receipt.subtotal')} value={formatBalboas(sums.subtotal)} testId="receipt-subtotal" />
      {sums.porTasa.map((r) => (
        <Row
          key={r.tasa}
          label={t('receipt.itbmsRate', { rate: r.tasa, base: formatBalboas(r.base) })}
          value={formatBalboas(r.itbms)}
        />
      ))}
      <Row label={t('receipt.itbms')} value={formatBalboas(sums.totalItbms)} testId="receipt-itbms" />
      {optional(t('receipt.isc'), sums.isc, 'receipt-isc')}
      {optional(t('receipt.otherTaxes'), sums.otrosImpuestos, 'receipt-other-taxes')}
      {optional(t('receipt.lineCharges'), sums.cargosItems, 'receipt-line-charges')}
      {optional(t('receipt.freight'), sums.acarreo, 'receipt-freight')}
      {optional(t('receipt.insurance'), sums.seguro, 'receipt-insurance')}
      {optional(t('receipt.discounts'), sums.descuentos, 'receipt-discounts', '-')}
      <Row label={t('receipt.total')} value={formatBalboas(sums.total)} strong testId="receipt-total" />
    </>
  );
}

/** The shop's own lines (address, hours, a slogan) as the manager typed them; each fits the 42-column paper. */
function ShopLines(props: { lines: readonly string[]; testId: string }): JSX.Element | null {
  if (props.lines.length === 0) return null;
  return (
    <div className="r-center r-shop-lines" data-testid={props.testId}>
      {props.lines.map((line, i) => (
        <p key={i}>{line}</p>
      ))}
    </div>
  );
}

export function Receipt(props: { model: ReceiptModel; printable: boolean; layout: ReceiptLayout }): JSX.Element {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(RECEIPT_LANGUAGE);
  const { model } = props;
  const training = model.training ? <p className="r-training">{t('receipt.training')}</p> : null;
  return (
    <article
      className={['receipt-paper', props.layout.paper === '58' ? 'paper-58' : '', props.printable ? 'print-area' : '']
        .filter(Boolean)
        .join(' ')}
      data-testid="receipt"
      data-paper={props.layout.paper}
      lang="es-PA"
    >
      {training}
      <header className="r-center">
        <p className="r-strong">{model.issuer.razonSocial}</p>
        <p>
          RUC {model.issuer.ruc} DV {model.issuer.dv}
        </p>
        <p>{t('receipt.branch', { sucursal: model.issuer.codigoSucursal, punto: model.puntoFacturacion })}</p>
        <ShopLines lines={props.layout.headerLines} testId="receipt-header-lines" />
      </header>
      <hr />
      <p className="r-center r-strong" data-testid="receipt-title">
        {t(model.cufe === null ? 'receipt.titleProvisional' : 'receipt.titleCafe')}
      </p>
      {model.stage === 'authorized' ? null : (
        <p className="r-banner" data-testid="receipt-stage">
          {t(`receipt.stage.${model.stage}`)}
        </p>
      )}
      {model.nota ? (
        <p className="r-center r-strong" data-testid="receipt-note-title">
          {t(`receiptNote.${model.nota.kind}`, { number: model.numero, invoice: model.nota.factura })}
        </p>
      ) : null}
      <p>{model.tipoDocumento}</p>
      <Row label={t('receipt.number')} value={model.numero} testId="receipt-number" />
      <Row label={t('receipt.date')} value={model.fecha} />
      <p>
        {t('receipt.customer')}: {model.cliente.join(' · ')}
      </p>
      <hr />
      {model.items.map((item, i) => (
        <div className="r-item" key={i} data-testid="receipt-line">
          <p>{item.descripcion}</p>
          <Row
            label={`  ${item.detalle} (${item.tasa})`}
            value={formatBalboas(item.importe)}
            testId="receipt-line-amount"
          />
          {item.descuento ? (
            <p className="r-note">{`  ${t('receipt.unitDiscount', { amount: formatBalboas(item.descuento) })}`}</p>
          ) : null}
        </div>
      ))}
      <hr />
      <SumRows sums={model.sums} />
      <hr />
      {model.pagos.map((p, i) => (
        <Row key={i} label={p.forma} value={formatBalboas(p.monto)} />
      ))}
      <Row label={t('receipt.change')} value={formatBalboas(model.vuelto)} testId="receipt-change" />
      <hr />
      <StageBlock model={model} />
      <ShopLines lines={props.layout.footerLines} testId="receipt-footer-lines" />
      {training}
    </article>
  );
}
