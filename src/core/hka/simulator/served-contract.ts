// The contract the simulator serves at ?wsdl / ?singleWsdl and reads requests by. By default that is our WSDL and
// requests are matched by local name whatever their namespaces (REFERENCE.md §8: real clients send variants). A
// variant renames namespaces in the served WSDL (e.g. datosDocumento in Services.Models instead of Services.Model,
// the open question of REFERENCE §7.1) and is then read the way WCF reads its own contract: inside a structured
// parameter, an element in another namespace than the WSDL declares is not a member and is ignored, so its value is
// lost. A client that builds its calls from the served WSDL gets through; one that trusts another copy does not.
import { readFile } from 'node:fs/promises';
import { summariseWsdl } from '../live-contract/wsdl-summary';
import type { HkaOperation } from '../contract';
import type { XNode } from '../xml/xnode';
import { loadWsdl } from './wsdl';

export interface ContractVariant {
  /** Namespace URI in our WSDL → the URI this variant uses instead. */
  namespaces: Readonly<Record<string, string>>;
}

export interface ServedContract {
  /** The WSDL text with its address pointing at `endpoint`, or undefined when there is no WSDL file. */
  wsdl(endpoint: string): Promise<string | undefined>;
  /** The operation wrapper as this contract's reader sees it. */
  read(operation: HkaOperation, wrapper: XNode): XNode;
}

function renamed(text: string, namespaces: ContractVariant['namespaces']): string {
  // Whole URIs only: Services.Model must not turn Services.Models into Services.Modelss.
  return Object.entries(namespaces).reduce(
    (t, [from, to]) => t.replace(new RegExp(`"${from.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`, 'g'), `"${to}"`),
    text,
  );
}

/** Keeps only the elements in `ns`, at every depth below a structured parameter. */
function onlyIn(ns: string, nodes: readonly XNode[]): XNode[] {
  return nodes.filter((n) => n.ns === ns).map((n) => ({ ...n, children: onlyIn(ns, n.children) }));
}

/** The contract to serve; a variant is read and summarised up front (a broken variant fails the start, not a request). */
export async function loadServedContract(wsdlPath: string, variant?: ContractVariant): Promise<ServedContract> {
  if (!variant) return { wsdl: (endpoint) => loadWsdl(wsdlPath, endpoint), read: (_op, wrapper) => wrapper };
  const expected = summariseWsdl(renamed(await readFile(wsdlPath, 'utf8'), variant.namespaces)).parameterNamespaces;
  return {
    async wsdl(endpoint) {
      const wsdl = await loadWsdl(wsdlPath, endpoint);
      return wsdl === undefined ? undefined : renamed(wsdl, variant.namespaces);
    },
    read(operation, wrapper) {
      return {
        ...wrapper,
        children: wrapper.children.map((param) => {
          const ns = expected[`${operation}.${param.name}`];
          return ns === undefined ? param : { ...param, children: onlyIn(ns, param.children) };
        }),
      };
    },
  };
}
