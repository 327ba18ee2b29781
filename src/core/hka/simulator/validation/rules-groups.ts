// Rules of the optional groups beyond their tables (REFERENCE.md §2.8, §2.10): "otro" codes of a vehicle say what
// they are, and the RUCs of the carrier and the delivery place verify. (A medicine's lot and quantity are required by
// the MEDICINA table whenever the group is sent.)
import { child, textOf, type XNode } from '../../xml/xnode';
import type { Rule } from './documento-view';
import { inOccurrence, requerido, TOP, type Location } from './messages';
import { dvMessages } from './rules-cliente';

const VEHICLE_OTHER: readonly (readonly [code: string, other: string, description: string])[] = [
  ['modalidadOperacionVenta', '99', 'modalidadOperacionVentaNoDef'],
  ['tipoCombustible', '99', 'tipoCombustibleNoDef'],
  ['tipoPintura', '9', 'tipoPinturaNodef'],
];

function vehicleMessages(vehiculo: XNode | undefined, at: Location): string[] {
  if (!vehiculo) return [];
  return VEHICLE_OTHER.filter(
    ([code, other, description]) => textOf(vehiculo, code) === other && textOf(vehiculo, description) === undefined,
  ).map(([, , description]) => requerido(at, description));
}

/** A vehicle whose sale mode, fuel or paint is "other" describes it (§2.8 "C" fields). */
export const vehicleDescriptions: Rule = ({ items }) =>
  items.flatMap((item, i) => vehicleMessages(child(item, 'vehiculo'), inOccurrence(TOP, 'Item', i + 1)));

/** The delivery place's RUC is all three fields or none (§2.10, DGI gRucLcEntr). */
function deliveryRucComplete(entrega: XNode | undefined): string[] {
  const fields = ['tipoRucEntrega', 'numeroRucEntrega', 'digitoVerifRucEntrega'];
  const sent = fields.filter((f) => textOf(entrega, f) !== undefined);
  return sent.length === 0 || sent.length === fields.length
    ? []
    : fields.filter((f) => !sent.includes(f)).map((f) => requerido(TOP, f));
}

/** The carrier's and the delivery place's DVs verify with the DGI algorithm, like the receptor's. */
export const groupRucs: Rule = ({ documento }) => {
  const log = child(documento, 'infoLogistica');
  const entrega = child(documento, 'infoEntrega');
  return [
    ...dvMessages(TOP, log, {
      tipo: 'tipoRucTransportista',
      ruc: 'rucTransportista',
      dv: 'digitoVerifRucTransportista',
    }),
    ...deliveryRucComplete(entrega),
    ...dvMessages(TOP, entrega, { tipo: 'tipoRucEntrega', ruc: 'numeroRucEntrega', dv: 'digitoVerifRucEntrega' }),
  ];
};
