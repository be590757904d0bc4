import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { inferPublicationDate } from '../../src/pipeline/pubdate.ts';

const seed = (name: string): string => readFileSync(new URL(`../../seeds/${name}`, import.meta.url), 'utf8');

describe('the seed pages', () => {
  test.each([
    ['000_9544aa7ef02d880a.txt', '2026-01-26', '新华社北京1月26日电'],
    ['003_4e107e2df6e33d71.txt', '2021-02-09', '本报北京2月9日电'],
  ])('%s → %s from its dateline', (file, date, dateline) => {
    const p = inferPublicationDate(seed(file), `seeds/${file}`);
    expect(p.date).toBe(date);
    expect(p.method).toBe('dateline');
    expect(p.evidence).toContain(dateline);
  });
});

// Pages made of a dateline and the kinds of years pages write; the rule, not the seeds.
const DATELINE_PAGES: [string, string, string | null][] = [
  // A January page reviewing last year and planning this one (seed 000's shape).
  ['January page, past and current year', '新华社北京1月26日电 2025年，全省参保185万人次。截至2025年12月31日，累计发放2907万元。2026年，将继续扩面。', '2026-01-26'],
  // A February page with a December date and the new year's plans (seed 003's shape).
  ['February page, December date before it', '本报北京2月9日电 2020年12月22日，慰问团到达苏州。2021年新年前夕，慰问团来到漯河。', '2021-02-09'],
  // A cut-off after the publication date is impossible: 截至2024年12月31日 on 1月10日 is a 2025 page.
  ['cut-off decides the year', '新华社北京1月10日电 截至2024年12月31日，全国共有工会会员3亿人。', '2025-01-10'],
  // A June page about this year's first months and a target far ahead.
  ['mid-year page with a far target', '本报北京6月5日电 2023年1月至5月，全市新增就业5万人。到2035年，基本实现现代化。', '2023-06-05'],
  // Only earlier-in-the-year dates: the page's own year.
  ['month dates of the same year', '新华社上海9月3日电 2019年8月，项目开工。2019年，全市投资增长。', '2019-09-03'],
  // A December page that plans next year: the plan does not pull the date forward.
  ['December page planning next year', '新华社北京12月20日电 2024年，全市新增就业5万人。2025年，将继续推进。', '2024-12-20'],
  // A dateline with its year written.
  ['dateline with a year', '新华社北京2021年2月9日电 会议在京举行。', '2021-02-09'],
  // Several datelines: the page is out on or after the latest one.
  ['latest of several datelines', '新华社北京1月25日电 2026年，将扩面。\n\n新华社北京1月26日电 2025年，参保增长。', '2026-01-26'],
];

describe('dateline year from the page’s explicit dates', () => {
  test.each(DATELINE_PAGES)('%s', (_name, text, date) => {
    const p = inferPublicationDate(text, 'page.txt');
    expect(p.date).toBe(date);
    expect(p.method).toBe('dateline');
  });

  test('a column break inside a year does not hide it', () => {
    expect(inferPublicationDate('新华社北京1月26日电 截至2025\n\n年12月31日，累计发放2907万元。', 'page.txt').date).toBe('2026-01-26');
  });

  test('a dateline with no year anywhere gives no date, and says why', () => {
    const p = inferPublicationDate('新华社北京1月26日电 会议在京举行。', 'page.txt');
    expect(p).toEqual({ date: null, method: 'none', evidence: '新华社北京1月26日电 (no year on the page)' });
  });
});

describe('other sources, in order', () => {
  const page = '新华社北京1月26日电 2025年，参保增长。2026年，将继续扩面。';

  test('a sidecar wins over everything', () => {
    expect(inferPublicationDate(page, '20200101-01-1.txt', { date: '2026-01-27' })).toEqual({
      date: '2026-01-27',
      method: 'sidecar',
      evidence: '2026-01-27',
    });
  });

  test('a sidecar date in Chinese or compact form is normalised', () => {
    expect(inferPublicationDate('', 'a.txt', { date: '2021年2月9日' }).date).toBe('2021-02-09');
    expect(inferPublicationDate('', 'a.txt', { date: '20210209' }).date).toBe('2021-02-09');
  });

  test('a sidecar without a valid date is ignored', () => {
    expect(inferPublicationDate(page, 'a.txt', { date: '2021-02-30' }).method).toBe('dateline');
    expect(inferPublicationDate(page, 'a.txt', {}).method).toBe('dateline');
  });

  test('masthead line', () => {
    const p = inferPublicationDate(`《工人日报》(2016年01月22日 02版)\n\n${page}`, 'a.txt');
    expect(p).toEqual({ date: '2016-01-22', method: 'masthead', evidence: '《工人日报》(2016年01月22日 02版)' });
  });

  test('front-page date line', () => {
    expect(inferPublicationDate('人民日报\n2021年2月10日 星期三\n\n正文', 'a.txt')).toMatchObject({ date: '2021-02-10', method: 'masthead' });
  });

  test('web timestamp line', () => {
    const p = inferPublicationDate(`标题\n2020-12-10 11:34:11 来源:人民网\n\n${page}`, 'a.txt');
    expect(p).toEqual({ date: '2020-12-10', method: 'timestamp', evidence: '2020-12-10 11:34:11 来源:人民网' });
  });

  test.each([
    ['corpus/20210210-01-3.txt', '2021-02-10'],
    ['pages/2019-05-01_front.txt', '2019-05-01'],
    ['C:\\pages\\workers_20160122.txt', '2016-01-22'],
  ])('file name %s', (file, date) => {
    expect(inferPublicationDate('没有日期的正文。', file)).toMatchObject({ date, method: 'filename' });
  });

  test('a file name that only looks like a date is not one', () => {
    expect(inferPublicationDate('正文。', '20211350-x.txt')).toEqual({ date: null, method: 'none' });
    expect(inferPublicationDate('正文。', '000_9544aa7ef02d880a.txt')).toEqual({ date: null, method: 'none' });
  });

  test('the page’s own dateline comes before the file name', () => {
    expect(inferPublicationDate(page, '20200101-01-1.txt')).toMatchObject({ date: '2026-01-26', method: 'dateline' });
  });
});

describe('properties', () => {
  test('never throws; a date is null or a real YYYY-MM-DD', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 120 }),
      fc.array(fc.constantFrom(...'0123456789年月日电新华社北京本报截至—:-\n 《》()版星期三'.split('')), { maxLength: 80 }).map((c) => c.join('')),
    );
    fc.assert(
      fc.property(text, fc.string({ maxLength: 30 }), (t, file) => {
        const p = inferPublicationDate(t, file);
        if (p.date !== null) {
          expect(p.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          expect(new Date(`${p.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(p.date);
        } else expect(p.method).toBe('none');
        expect(inferPublicationDate(t, file)).toEqual(p);
      }),
      { numRuns: 500 },
    );
  });
});
