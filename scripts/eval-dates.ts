/**
 * Date extraction on the seed pages against test/fixtures/seeds-dates-gold.json.
 * Run: npx tsx scripts/eval-dates.ts
 *
 * How the pages are read: column breaks are closed with joinColumnBreaks (a
 * line break after a character that does not end a sentence is removed, so
 * `2025` ⏎⏎ `年` reads 2025年), the result is cut into paragraphs at the
 * remaining breaks, and the page is run as one article with the publication
 * date inferPublicationDate gives it (the gold's anchor if that fails). Each
 * mention is mapped back to the raw line it starts on and matched to a gold
 * row with the same line and text.
 *
 * Prints: recall — the share of gold expressions extracted with the right
 * start, end, precision and kind; precision — the share of emitted mentions
 * that are gold date expressions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractArticleDates, joinColumnBreaks, type ArticleDateMention } from '../src/pipeline/dates.ts';
import { inferPublicationDate } from '../src/pipeline/pubdate.ts';

interface GoldExpression {
  line: number;
  text: string;
  start: string;
  end: string;
  precision: string;
  kind: string;
}
interface GoldSeed {
  file: string;
  anchor: string;
  expressions: GoldExpression[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const gold: { seeds: GoldSeed[] } = JSON.parse(readFileSync(`${root}test/fixtures/seeds-dates-gold.json`, 'utf8'));

interface Located extends ArticleDateMention {
  line: number;
}

/** The page's mentions, each with the raw line it starts on. */
export function pageMentions(raw: string, anchor: string | null): Located[] {
  const joined = joinColumnBreaks(raw);
  let at = 0;
  const paragraphs = joined.text.split('\n').map((text) => {
    const p = { id: String(at), text };
    at += text.length + 1;
    return p;
  });
  return extractArticleDates(paragraphs, anchor).map((m) => {
    const rawOffset = joined.source[Number(m.paragraph) + m.offset];
    return { ...m, line: raw.slice(0, rawOffset).split('\n').length };
  });
}

const sameValue = (m: Located, g: GoldExpression): boolean =>
  m.start === g.start && m.end === g.end && m.precision === g.precision && m.kind === g.kind;

let goldTotal = 0;
let rightTotal = 0;
let emittedTotal = 0;
let realTotal = 0;
for (const seed of gold.seeds) {
  const raw = readFileSync(`${root}${seed.file}`, 'utf8');
  const published = inferPublicationDate(raw, seed.file);
  const anchor = published.date ?? seed.anchor;
  const mentions = pageMentions(raw, anchor);
  const used = new Set<Located>();
  let right = 0;
  const problems: string[] = [];
  for (const g of seed.expressions) {
    const m = mentions.find((x) => !used.has(x) && x.line === g.line && x.text === g.text);
    if (!m) {
      problems.push(`  missed   L${g.line} ${g.text}`);
      continue;
    }
    used.add(m);
    if (sameValue(m, g)) right++;
    else problems.push(`  wrong    L${g.line} ${g.text}: ${m.start}…${m.end} ${m.precision} ${m.kind}, gold ${g.start}…${g.end} ${g.precision} ${g.kind}`);
  }
  for (const m of mentions) if (!used.has(m)) problems.push(`  spurious L${m.line} ${m.text} → ${m.start}…${m.end}`);
  console.log(
    `${seed.file}: published ${published.date} (${published.method}; gold anchor ${seed.anchor}${published.date === seed.anchor ? ', agrees' : ', DIFFERS'})`,
  );
  console.log(`  right ${right}/${seed.expressions.length}, real ${used.size}/${mentions.length} emitted`);
  for (const p of problems) console.log(p);
  goldTotal += seed.expressions.length;
  rightTotal += right;
  emittedTotal += mentions.length;
  realTotal += used.size;
}
const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
console.log(`\nGold expressions extracted right: ${rightTotal}/${goldTotal} = ${pct(rightTotal, goldTotal)}`);
console.log(`Emitted mentions that are real dates: ${realTotal}/${emittedTotal} = ${pct(realTotal, emittedTotal)}`);
