// Free text that travels inside HKA's SOAP body must be text XML 1.0 can carry (XML 1.0 §2.2, Char): a C0 control
// other than tab/LF/CR, U+FFFE/U+FFFF or a lone UTF-16 surrogate makes the whole request unreadable to a real XML
// parser (raw or as a character reference), and HKA answers with a fault instead of a validation message.
//
// Decision (docs/decisions/0008-per-line-rounding-and-xml-text.md): such characters are refused with a Spanish message
// naming the field, never silently dropped: a cashier could not have typed them, so they come from a bad import, a
// scanner misconfiguration or a paste, and the text shown on the receipt must be the text the DGI receives. What a
// scanner does add (a trailing CR/LF or tab after a code) is leading/trailing whitespace, which every text field
// already trims before checking.

/**
 * Any character XML 1.0 cannot carry. In a `u` pattern a surrogate pair is one code point, so the surrogate range only
 * matches lone surrogates (which UTF-8 cannot encode: Node would send U+FFFD instead of what was typed).
 */
// eslint-disable-next-line no-control-regex -- the control characters are exactly what this pattern looks for
const XML_ILLEGAL_PATTERN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** The first character XML 1.0 cannot carry, as "U+001B", or undefined when the text is fine. */
export function xmlIllegalCharacter(text: string): string | undefined {
  const match = XML_ILLEGAL_PATTERN.exec(text);
  if (!match) return undefined;
  const code = match[0].charCodeAt(0);
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when the text has a UTF-16 surrogate without its pair. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\uD800-\uDFFF]/u.test(text);
}

/** Spanish message for a field that carries such a character, e.g. "la descripción contiene un carácter no permitido (U+001B)". */
export function xmlIllegalMessage(noun: string, character: string): string {
  return `${noun} contiene un carácter no permitido (${character}); bórrelo y escriba el texto de nuevo`;
}
