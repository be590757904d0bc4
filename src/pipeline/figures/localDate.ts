/**
 * Fallback when no date extractor is supplied: the last explicit Gregorian date
 * written before the figure in its sentence (截至2025年12月31日 → 2025-12-31,
 * 2025年底 → 2025). Relative dates (今年, 当年) are left to the date extractor.
 */
const DATE = /((?:19|20)\d{2})年(?:(\d{1,2})月(?:(\d{1,2})日)?)?/g;

export function dateBefore(sentenceBefore: string): string | null {
  let last: RegExpExecArray | null = null;
  for (const m of sentenceBefore.matchAll(DATE)) last = m;
  if (!last) return null;
  const [, y, mo, d] = last;
  const pad = (s: string) => s.padStart(2, '0');
  return d ? `${y}-${pad(mo)}-${pad(d)}` : mo ? `${y}-${pad(mo)}` : y;
}
