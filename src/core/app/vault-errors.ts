// HKA work needs the saved credentials; a vault that cannot open them (missing, or sealed on another machine) is
// the manager's to fix, said in Spanish instead of the dispatcher's generic internal error.
import { VaultError } from '../vault/envelope';
import { AppError } from './app-error';

export async function explainingVaultErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VaultError) {
      throw new AppError(
        'not_allowed',
        'No se pudieron leer las credenciales de HKA: el gerente debe revisarlas en Configuración › HKA',
      );
    }
    throw error;
  }
}
