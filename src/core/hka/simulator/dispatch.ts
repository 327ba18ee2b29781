// Which operation a request asks for: the SOAPAction header when there is one (what WCF dispatches on), otherwise
// the local name of the body's first element (REFERENCE.md §8).
import { isHkaOperation, soapAction, type HkaOperation } from '../contract';
import type { XNode } from '../xml/xnode';
import { SoapFault } from './soap-envelope';

const ACTION_PREFIX = soapAction('Enviar').slice(0, -'Enviar'.length); // http://tempuri.org/IService/

/** The header value without surrounding quotes; empty or absent → undefined. */
export function normalizeSoapAction(header: string | readonly string[] | undefined): string | undefined {
  const raw = typeof header === 'string' ? header : header?.[0];
  if (typeof raw !== 'string') return undefined;
  const value = raw
    .trim()
    .replace(/^"(.*)"$/, '$1')
    .trim();
  return value === '' ? undefined : value;
}

const contractMismatch = (action: string): SoapFault =>
  new SoapFault(
    'ActionNotSupported',
    `The message with Action '${action}' cannot be processed at the receiver, due to a ContractFilter mismatch at the ` +
      'EndpointDispatcher. This may be because of either a contract mismatch (mismatched Actions between sender and ' +
      'receiver) or a binding/security mismatch between the sender and the receiver.  Check that sender and receiver ' +
      'have the same contract and the same binding (including security requirements, e.g. Message, Transport, None).',
  );

/** Throws a SoapFault for an unknown action, or when the body wrapper does not belong to the action. */
export function resolveOperation(action: string | undefined, wrapper: XNode): HkaOperation {
  if (action === undefined) {
    if (isHkaOperation(wrapper.name)) return wrapper.name;
    throw contractMismatch('');
  }
  const name = action.startsWith(ACTION_PREFIX) ? action.slice(ACTION_PREFIX.length) : '';
  if (!isHkaOperation(name)) throw contractMismatch(action);
  if (wrapper.name !== name) {
    throw new SoapFault(
      'DeserializationFailed',
      `Error in deserializing body of request message for operation '${name}'. OperationFormatter encountered an ` +
        `invalid Message body. Expected to find node type 'Element' with name '${name}' and namespace ` +
        `'http://tempuri.org/'. Found node type 'Element' with name '${wrapper.name}'.`,
    );
  }
  return name;
}
