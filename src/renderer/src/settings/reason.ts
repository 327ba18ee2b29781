// The DGI's bounds for a reason (15–250 characters), said before the request goes out: the shared definition.
export { reasonProblem } from '../../../shared/ipc/reason';
