/**
 * The publication date of a page (issue 3), inferred from what the page
 * says, with how it was found kept in `method` and `evidence`.
 *
 * Order: a sidecar (seeds/<name>.json) wins because a person wrote it; then
 * the masthead line and the web timestamp, which state a full date; then the
 * datelines, whose year has to be inferred; then a date in the file name.
 */
import type { PublicationDate } from '../shared/types.ts';
import { toHalfWidth } from './numerals.ts';
import { isValidYmd, parseDay, formatYmd, firstDayOf, toDayNumber, type Ymd } from './dates/calendar.ts';
import { extractDates, type DateMention } from './dates/extract.ts';
import { joinColumnBreaks } from './dates/pageText.ts';
import { nearestYear } from './dates/resolve.ts';
import { scanDatelines } from './dates/scan.ts';

export interface PublicationSidecar {
  date?: string;
}

const found = (date: Ymd, method: string, evidence: string): PublicationDate => ({
  date: formatYmd(date),
  method,
  evidence: evidence.trim(),
});

function ymdOf(y: string, m: string, d: string): Ymd | null {
  const [yy, mm, dd] = [Number(y), Number(m), Number(d)];
  return isValidYmd(yy, mm, dd) ? { y: yy, m: mm, d: dd } : null;
}

function fromSidecar(sidecar: PublicationSidecar | undefined): PublicationDate | null {
  const date = sidecar?.date ? parseDay(toHalfWidth(sidecar.date)) : null;
  return date && sidecar?.date ? found(date, 'sidecar', sidecar.date) : null;
}

/**
 * 《工人日报》(2016年01月22日 02版) — a paper's name, a full date and a page —
 * or a front-page date line such as 2021年2月10日 星期三.
 */
const MASTHEADS = [
  /^[^\n]{0,30}?报》?\s*[（(]?\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日[^\n]{0,20}?版[^\n]{0,10}$/m,
  /^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*(?:星期|周)[一二三四五六日天][^\n]{0,30}$/m,
];

function fromMasthead(text: string): PublicationDate | null {
  for (const re of MASTHEADS) {
    const m = re.exec(text);
    const date = m && ymdOf(m[1], m[2], m[3]);
    if (m && date) return found(date, 'masthead', m[0]);
  }
  return null;
}

/** 2020-12-10 11:34:11 来源:人民网 — the time a web page was posted, on a short line. */
const TIMESTAMP = /^[^\n]{0,30}?(\d{4})[-/年](\d{1,2})[-/月](\d{1,2})日?\s+\d{1,2}:\d{2}(?::\d{2})?[^\n]{0,40}$/m;

function fromTimestamp(text: string): PublicationDate | null {
  const m = TIMESTAMP.exec(text);
  const date = m && ymdOf(m[1], m[2], m[3]);
  return m && date ? found(date, 'timestamp', m[0]) : null;
}

/** YYYYMMDD, YYYY-MM-DD or YYYY_MM_DD in the file's name (the corpus names files 20210210-01-3.txt). */
const FILE_DATE = /(?<!\d)((?:18|19|20|21)\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/;

function fromFileName(file: string): PublicationDate | null {
  const name = file.split(/[\\/]/).pop() ?? file;
  const m = FILE_DATE.exec(name);
  const date = m && ymdOf(m[1], m[2], m[3]);
  return m && date ? found(date, 'filename', name) : null;
}

/**
 * How well a publication date `d` explains the dates the page writes out in
 * full. A page speaks mostly of its own year (a date already past counts 1.1,
 * a later one — a plan — 0.5) and of the years next to it, with the season
 * deciding which neighbour: in the first half-year pages look back at last
 * year's results (2025年 on a January 2026 page), in the last quarter they
 * plan next year's work (2025年 on a December 2024 page); otherwise a
 * neighbour counts little. A cut-off (截至) after `d` is impossible and counts
 * against. Years further away (到2035年, history) say nothing.
 */
export function fitOfPublicationDate(d: Ymd, mentions: DateMention[]): number {
  const day = toDayNumber(d);
  const lastYearWeight = d.m <= 6 ? 1 : 0.5;
  const nextYearWeight = d.m >= 10 ? 1 : 0.25;
  let score = 0;
  for (const m of mentions) {
    const y = Number(m.start.slice(0, 4));
    const [mm, dd] = [Number(m.start.slice(5, 7)) || undefined, Number(m.start.slice(8, 10)) || undefined];
    const before = toDayNumber(firstDayOf({ y, m: mm, d: dd })) <= day;
    if (m.kind === 'as_of' && !before) score -= 1;
    else if (y === d.y) score += before ? 1.1 : 0.5;
    else if (y === d.y - 1) score += lastYearWeight;
    else if (y === d.y + 1) score += nextYearWeight;
  }
  return score;
}

/**
 * The year of a month-day dateline, from the page's explicit dates: every
 * year written (and the one after it, for January pages that only look back)
 * is a candidate, and the one whose dateline date best explains those dates
 * wins (fitOfPublicationDate). Ties go to the year written most often.
 */
function datelineYear(month: number, day: number, mentions: DateMention[]): number | null {
  const counts = new Map<number, number>();
  for (const m of mentions) {
    const y = Number(m.start.slice(0, 4));
    counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: { y: number; score: number; count: number } | null = null;
  for (const y of new Set([...counts.keys()].flatMap((y) => [y, y + 1]))) {
    if (!isValidYmd(y, month, day)) continue;
    const score = fitOfPublicationDate({ y, m: month, d: day }, mentions);
    const count = counts.get(y) ?? 0;
    if (!best || score > best.score || (score === best.score && count > best.count)) best = { y, score, count };
  }
  return best?.y ?? null;
}

function yearsSummary(mentions: DateMention[]): string {
  const counts = new Map<string, number>();
  for (const m of mentions) counts.set(m.start.slice(0, 4), (counts.get(m.start.slice(0, 4)) ?? 0) + 1);
  return [...counts].sort().map(([y, n]) => `${y}×${n}`).join(', ');
}

interface DatelineFound {
  text: string;
  year?: number;
  month?: number;
  day: number;
}

/** For the evidence only: the agency and place before a dateline's date. */
const AGENCY_AND_PLACE = /(?:据)?(?:新华社|中新社|本报|人民网|央视网|央广网|[\u4e00-\u9fa5]{2}(?:日报|晚报|时报)|[\u4e00-\u9fa5]{2}社)[\u4e00-\u9fa5·]{0,10}$/;

function findDatelines(page: string): DatelineFound[] {
  const out: DatelineFound[] = [];
  for (const e of scanDatelines(page)) {
    if (e.spec.type !== 'calendar' || e.spec.day === undefined) continue;
    const lineStart = page.lastIndexOf('\n', e.offset - 1) + 1;
    const before = page.slice(Math.max(lineStart, e.offset - 16), e.offset);
    const head = AGENCY_AND_PLACE.exec(before)?.[0] ?? before;
    out.push({
      text: `${head}${page.slice(e.offset, e.end + 1)}`,
      year: e.spec.year.type === 'explicit' ? e.spec.year.year : undefined,
      month: e.spec.month,
      day: e.spec.day,
    });
  }
  return out;
}

function fromDatelines(datelines: DatelineFound[], page: string): PublicationDate | null {
  const full = datelines.filter((d) => d.year !== undefined && d.month !== undefined);
  if (full.length) {
    const latest = full
      .map((d) => ({ d, date: { y: d.year as number, m: d.month as number, d: d.day } }))
      .sort((a, b) => toDayNumber(b.date) - toDayNumber(a.date))[0];
    return found(latest.date, 'dateline', latest.d.text);
  }
  const dated = datelines.filter((d) => d.month !== undefined);
  if (!dated.length) return null;
  // The most frequent month-day is the page's dateline; its year comes from the page.
  const key = (d: DatelineFound) => `${d.month}-${d.day}`;
  const freq = new Map<string, number>();
  for (const d of dated) freq.set(key(d), (freq.get(key(d)) ?? 0) + 1);
  const main = [...dated].sort((a, b) => (freq.get(key(b)) ?? 0) - (freq.get(key(a)) ?? 0))[0];
  const mentions = extractDates(page, { anchor: null }).mentions.filter((m) => !m.inferred && !m.dateline);
  const year = datelineYear(main.month as number, main.day, mentions);
  if (year === null) return null;
  // A page is out on or after its latest dateline: take the latest, each in the year nearest the main one.
  const reference: Ymd = { y: year, m: main.month as number, d: main.day };
  let latest = reference;
  for (const d of dated) {
    const y = nearestYear(reference, (yy) => (isValidYmd(yy, d.month as number, d.day) ? { start: { y: yy, m: d.month as number, d: d.day }, end: { y: yy, m: d.month as number, d: d.day } } : null));
    if (y !== null && toDayNumber({ y, m: d.month as number, d: d.day }) > toDayNumber(latest)) latest = { y, m: d.month as number, d: d.day };
  }
  return found(latest, 'dateline', `${main.text}; year from the page's explicit dates (${yearsSummary(mentions)})`);
}

/**
 * The publication date of a page: `text` is the page as extracted, `file`
 * its path, `sidecar` the optional seeds/<name>.json. A date that cannot be
 * inferred is null with method 'none'.
 */
export function inferPublicationDate(text: string, file: string, sidecar?: PublicationSidecar): PublicationDate {
  const sidecarDate = fromSidecar(sidecar);
  if (sidecarDate) return sidecarDate;
  const raw = toHalfWidth(text);
  const stated = fromMasthead(raw) ?? fromTimestamp(raw);
  if (stated) return stated;
  // Column breaks can split a date (2025 ⏎⏎ 年); datelines and years are read with them closed.
  const page = joinColumnBreaks(raw).text;
  const datelines = findDatelines(page);
  const fromText = fromDatelines(datelines, page);
  if (fromText) return fromText;
  const fromName = fromFileName(file);
  if (fromName) return fromName;
  return datelines.length
    ? { date: null, method: 'none', evidence: `${datelines[0].text} (no year on the page)` }
    : { date: null, method: 'none' };
}
