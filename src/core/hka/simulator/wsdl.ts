// Serving the service description at `?wsdl` / `?singleWsdl` (REFERENCE.md §1.1) from a file, if there is one.
import { readFile } from 'node:fs/promises';

/** The WSDL text with its soap:address pointing at this simulator (as WCF does), or undefined if the file is missing. */
export async function loadWsdl(path: string, endpoint: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return text.replace(/(<(?:[\w-]+:)?address\b[^>]*?\blocation=")[^"]*(")/g, `$1${endpoint}$2`);
}

/** True for `?wsdl`, `?singleWsdl` (any case), the two forms WCF answers with the description. */
export function isWsdlQuery(search: URLSearchParams): boolean {
  return [...search.keys()].some((k) => k.toLowerCase() === 'wsdl' || k.toLowerCase() === 'singlewsdl');
}
