/** klar's core: pure analysis of text, no I/O. The CLI, server and extension call this. */
export { analyse } from './analyse.js';
export { detectLanguage } from './language/detect.js';
export { thresholdsFor } from './thresholds.js';
export { LineIndex } from './text/line-index.js';
export * from './types.js';
