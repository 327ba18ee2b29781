// A CSV file's bytes as text. Excel writes "CSV UTF-8" with a byte order mark and plain "CSV" in the machine's
// ANSI code page, which on a Spanish Windows is Windows-1252 (é = 0xE9, ñ = 0xF1). Bytes that are valid UTF-8 are
// read as UTF-8 (with or without the mark); anything else is read as Windows-1252, which maps every byte to a
// character, so no file is refused here and no accented letter becomes "�". Windows-1252 goes through iconv-lite:
// Node's own TextDecoder reads that label as Latin-1, which turns 0x80 (€) and the curly quotes into control codes.
import iconv from 'iconv-lite';
export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
}

const BOM = [0xef, 0xbb, 0xbf];

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  const hasBom = BOM.every((b, i) => bytes[i] === b);
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    // fatal: an invalid sequence throws instead of becoming U+FFFD, which is how a Windows-1252 file is told apart.
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** The bytes a renderer sent as base64 (the IPC contract carries text), decoded as above. */
export function decodeCsvBase64(base64: string): DecodedCsv {
  return decodeCsvBytes(Buffer.from(base64, 'base64'));
}

/** The text of an import request: the file's bytes decoded as above, or text the caller already decoded. */
export function csvOfRequest(req: { file?: string | undefined; csv?: string | undefined }): DecodedCsv {
  return req.file !== undefined ? decodeCsvBase64(req.file) : { text: req.csv ?? '', encoding: 'utf-8' };
}
