// The shape every console catalogue has (the Spanish one's, with any text), and its dotted keys. The console keeps
// its own key type instead of augmenting i18next's global types: the register's renderer already does that, and both
// apps are typechecked together in tsconfig.tests.json.
import type { es } from './es';

type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> };
export type Catalogue = Texts<typeof es>;

type Keys<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Keys<T[K], `${P}${K}.`>;
}[keyof T & string];
export type TextKey = Keys<typeof es>;
