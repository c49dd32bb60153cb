/**
 * pdf.js, loaded once for the whole program: every module takes pdf.js values from here, never
 * from pdfjs-dist directly, so that the engine's built-ins are saved before pdf.js is evaluated
 * and restored after (native-builtins.ts).
 */
import { restoreNativeBuiltins } from './native-builtins.ts';
import { AnnotationMode, getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
// pdf.js in Node imports its "worker" on the first document, bringing its own copy of the
// polyfills; loaded here (it registers itself as globalThis.pdfjsWorker, which pdf.js then uses),
// its polyfills are undone with the others.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

restoreNativeBuiltins();

export { AnnotationMode, getDocument, OPS };
