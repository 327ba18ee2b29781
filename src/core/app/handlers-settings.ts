// PLACEHOLDER (being written this session): settings, contingency, audit and customers CSV handlers.
import type { managerContract } from '../../shared/ipc/contract-manager';
import { AppError } from './app-error';
import type { IpcHandlers } from './dispatch';

type Names = 'settings:issuer' | 'settings:saveIssuer' | 'settings:receipt' | 'settings:saveReceipt' | 'settings:contingency'
  | 'settings:saveContingency' | 'contingency:enter' | 'contingency:setReason' | 'contingency:leave' | 'audit:list' | 'customers:importCsv';
export type SettingsChannel = Names & keyof typeof managerContract;

const todo = () => Promise.reject(new AppError('internal', 'Aún no disponible'));

export function createSettingsHandlers(): Pick<IpcHandlers, SettingsChannel> {
  return {
    'settings:issuer': todo, 'settings:saveIssuer': todo, 'settings:receipt': todo, 'settings:saveReceipt': todo,
    'settings:contingency': todo, 'settings:saveContingency': todo, 'contingency:enter': todo, 'contingency:setReason': todo,
    'contingency:leave': todo, 'audit:list': todo, 'customers:importCsv': todo,
  };
}
