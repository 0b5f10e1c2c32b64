/**
 * Telling a binary file from a text. A text holds no NUL character; like git and diff, a NUL among
 * the first 8,000 characters (or bytes) says the file is not text at all, and then one message
 * says so, where lexing it would give an error for every other character.
 */

/** How far into a file a NUL is looked for. */
const SNIFF_LENGTH = 8000;

/** The message for a binary file (tsc says the same). */
export const BINARY_FILE_MESSAGE = "File appears to be binary.";

/** Whether `text` looks like the contents of a binary file. */
export function looksBinary(text: string): boolean {
  return text.lastIndexOf("\u0000", SNIFF_LENGTH - 1) >= 0;
}

/** Whether file contents, as bytes, look binary. */
export function bytesLookBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, SNIFF_LENGTH).includes(0);
}
