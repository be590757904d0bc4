import { schemeTableau10 } from 'd3';
import { expect, test } from 'vitest';
import { ARTICLE_COLOURS } from '../../src/app/lib/palette.ts';

test("the printed page's article colours are d3's schemeTableau10", () => {
  expect(ARTICLE_COLOURS).toEqual(schemeTableau10);
});
