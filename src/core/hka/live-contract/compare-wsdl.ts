// Differences between the WSDL we ship (resources/hka/Service.wsdl, reconstructed from public samples) and the one
// HKA's service publishes: operations, their parameters, the namespaces of structured parameters, and the element
// order of `documento`. Shown to the manager (HKA settings) and written to the log, so a wrong guess in our copy
// (REFERENCE.md §7.1) is seen on the day the live contract is read, not by a failing sale.
import type { WsdlSummary } from './wsdl-summary';

export type ContractArea = 'operation' | 'parameters' | 'namespace' | 'order';

export interface ContractDifference {
  area: ContractArea;
  /** What differs: an operation, "Op.param", or a documento path. */
  subject: string;
  /** In our bundled WSDL (null: absent there). */
  bundled: string | null;
  /** In HKA's live WSDL (null: absent there). */
  live: string | null;
}

function operationDifferences(bundled: WsdlSummary, live: WsdlSummary): ContractDifference[] {
  const missing = bundled.operations
    .filter((op) => !live.operations.includes(op))
    .map((op): ContractDifference => ({ area: 'operation', subject: op, bundled: op, live: null }));
  const added = live.operations
    .filter((op) => !bundled.operations.includes(op))
    .map((op): ContractDifference => ({ area: 'operation', subject: op, bundled: null, live: op }));
  return [...missing, ...added];
}

function parameterDifferences(bundled: WsdlSummary, live: WsdlSummary): ContractDifference[] {
  return bundled.operations
    .filter((op) => live.operations.includes(op))
    .flatMap((op) => {
      const ours = (bundled.parameters[op] ?? []).join(', ');
      const theirs = (live.parameters[op] ?? []).join(', ');
      return ours === theirs ? [] : [{ area: 'parameters' as const, subject: op, bundled: ours, live: theirs }];
    });
}

function namespaceDifferences(bundled: WsdlSummary, live: WsdlSummary): ContractDifference[] {
  const keys = [...new Set([...Object.keys(bundled.parameterNamespaces), ...Object.keys(live.parameterNamespaces)])];
  return keys.flatMap((key) => {
    const ours = bundled.parameterNamespaces[key] ?? null;
    const theirs = live.parameterNamespaces[key] ?? null;
    return ours === theirs ? [] : [{ area: 'namespace' as const, subject: key, bundled: ours, live: theirs }];
  });
}

/** Paths present on one side only, and the first path where the common ones stop being in the same order. */
function orderDifferences(bundled: WsdlSummary, live: WsdlSummary): ContractDifference[] {
  const ours = bundled.documentoOrder;
  const theirs = live.documentoOrder;
  const differences: ContractDifference[] = [
    ...ours
      .filter((p) => !theirs.includes(p))
      .map((p): ContractDifference => ({ area: 'order', subject: p, bundled: p, live: null })),
    ...theirs
      .filter((p) => !ours.includes(p))
      .map((p): ContractDifference => ({ area: 'order', subject: p, bundled: null, live: p })),
  ];
  const commonOurs = ours.filter((p) => theirs.includes(p));
  const commonTheirs = theirs.filter((p) => ours.includes(p));
  const at = commonOurs.findIndex((p, i) => commonTheirs[i] !== p);
  if (at >= 0) {
    differences.push({
      area: 'order',
      subject: `documento #${at + 1}`,
      bundled: commonOurs[at] ?? null,
      live: commonTheirs[at] ?? null,
    });
  }
  return differences;
}

export function compareContracts(bundled: WsdlSummary, live: WsdlSummary): ContractDifference[] {
  return [
    ...operationDifferences(bundled, live),
    ...parameterDifferences(bundled, live),
    ...namespaceDifferences(bundled, live),
    ...orderDifferences(bundled, live),
  ];
}

/** One line per difference, in English, for the log. */
export function describeDifference(d: ContractDifference): string {
  return `${d.area} ${d.subject}: bundled ${d.bundled ?? '(absent)'}, live ${d.live ?? '(absent)'}`;
}
