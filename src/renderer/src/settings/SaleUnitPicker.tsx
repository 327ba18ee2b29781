// The unit a product is sold in, picked from the DGI unit codes the till understands (und, kg, lb): a weighed unit
// lets the till take up to 3 decimals ("0.375*P012"), any other whole units only. A product imported with another
// unit (paq, Caja) keeps it as an extra option, so opening and saving it changes nothing.
import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { SALE_UNITS } from '../../../shared/till/sale-unit';

export function SaleUnitPicker(props: {
  value: string;
  onChange: (unit: string) => void;
  testId: string;
}): JSX.Element {
  const { t } = useTranslation();
  const known = (SALE_UNITS as readonly string[]).includes(props.value);
  return (
    <label className="field">
      <span>{t('productDialog.unidad')}</span>
      <select data-testid={props.testId} value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {SALE_UNITS.map((unit) => (
          <option key={unit} value={unit}>
            {t(`saleUnits.${unit}`)}
          </option>
        ))}
        {known ? null : <option value={props.value}>{t('saleUnits.other', { unit: props.value })}</option>}
      </select>
    </label>
  );
}
