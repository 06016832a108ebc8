/** Client-side checks only spare a round trip; the server validates everything again. */

// Deliberately loose: one "@", something before, a dot in the domain, no spaces.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(value: string): boolean {
  return EMAIL.test(value.trim());
}
