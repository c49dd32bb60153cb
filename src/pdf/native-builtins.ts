/**
 * The built-ins pdf.js's legacy build replaces. Its bundled core-js polyfills swap in plain-JS
 * versions of `Array.prototype.push`, `JSON.parse` and `JSON.stringify` whenever the engine
 * misses a corner of the newest spec (Node 20 does), for the whole process: every push and
 * every JSON line of ours then runs several times slower. This module is evaluated before
 * pdf.js (see pdfjs.ts), keeps the engine's own versions and puts them back afterwards.
 */
const saved = [
  [Array.prototype, 'push', Array.prototype.push],
  [JSON, 'parse', JSON.parse],
  [JSON, 'stringify', JSON.stringify],
] as const;

/** Put the engine's built-ins back where a polyfill replaced them. */
export function restoreNativeBuiltins(): void {
  for (const [owner, key, native] of saved) {
    if ((owner as unknown as Record<string, unknown>)[key] === native) continue;
    Object.defineProperty(owner, key, { value: native, writable: true, configurable: true, enumerable: false });
  }
}
