/**
 * d3's schemeTableau10, the colours the printed page gives its articles.
 * Copied rather than imported: the page view is in the first screen's
 * chunk, and importing one scheme from d3-scale-chromatic brings every
 * scheme with it, parsed into colours as the page loads (its top-level
 * calls cannot be tree-shaken). test/unit/palette.test.ts keeps it equal
 * to d3's.
 */
export const ARTICLE_COLOURS: readonly string[] = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
];
