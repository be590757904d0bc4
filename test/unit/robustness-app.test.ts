/**
 * Issue 8, run time, checked on the sources: nothing from a page can become
 * markup, the CSP forbids inline scripts, hash links are sanitised, and the
 * interface text goes through t().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isValidDateParam, MAX_QUERY, parseHash } from '../../src/app/state/hash.ts';

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : [],
  );
}
const FILES = svelteFiles('src/app');

test('no {@html} anywhere in the app', () => {
  expect(FILES.length).toBeGreaterThan(10);
  const offenders = FILES.filter((f) => /\{@html\b/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});

test('index.html: one external module script, and a CSP without inline scripts', () => {
  const html = readFileSync('index.html', 'utf8');
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
  expect(scripts.map(([, attrs, body]) => [/\bsrc=/.test(attrs), body.trim()])).toEqual([[true, '']]);
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  const directive = (name: string) => new RegExp(`(?:^|;)\\s*${name} ([^;]+)`).exec(csp)?.[1].trim();
  expect(directive('script-src')).toBe("'self'");
  expect(directive('object-src')).toBe("'none'");
  expect(directive('base-uri')).toBe("'self'");
  expect(csp).not.toMatch(/unsafe-eval/);
});

/*
 * Interface text in the shell and the reader goes through t(): no Chinese or
 * English sentence written into the markup or as a `lang === 'zh' ? … : …`
 * pair, in every view.
 */

describe('interface strings go through t()', () => {
  const INLINE_PAIR = /\b(?:i18n\.lang|lang|zh)\s*===?\s*'(?:zh|en)'\s*\?\s*[`'"][^`'"]*\p{Script=Han}|\bzh\s*\?\s*[`'"][^`'"]*\p{Script=Han}/u;
  for (const file of FILES) {
    test(file, () => {
      const source = readFileSync(file, 'utf8')
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      const markup = source.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<style[\s\S]*?<\/style>/g, '');
      // Han text in the markup outside {…} expressions; the brand mark 民 is art.
      const text = markup.replace(/\{[^{}]*\}/g, '').replace(/<[^>]*>/g, ' ');
      expect(text.replace(/民/g, '')).not.toMatch(/\p{Script=Han}/u);
      expect(source).not.toMatch(INLINE_PAIR);
    });
  }
});

describe('hash links are sanitised before a view sees them', () => {
  test.each([
    ['2025', true],
    ['2025-12', true],
    ['2024-02-29', true],
    ['2025-02-29', false],
    ['2025-13-45', false],
    ['2025-00', false],
    ['0000-00-00', false],
    ['2025-1-1', false],
    ['２０２５', false],
    ['', false],
  ])('isValidDateParam(%j) = %s', (value, ok) => expect(isValidDateParam(value)).toBe(ok));

  test('an impossible date is dropped with a notice naming it; the rest of the link is kept', () => {
    const r = parseHash('#/timeline?from=2025-13-45&to=2025-12-31&event=x');
    expect(r.view).toBe('timeline');
    expect(r.params.get('from')).toBeNull();
    expect(r.params.get('to')).toBe('2025-12-31');
    expect(r.params.get('event')).toBe('x');
    expect([r.notice, r.noticeDetail]).toEqual(['bad-date', '2025-13-45']);
  });

  test('a 10,000-character query is cut to MAX_QUERY, never inside a surrogate pair', () => {
    const r = parseHash('#/search?q=' + encodeURIComponent('互'.repeat(10_000)));
    expect(r.params.get('q')).toBe('互'.repeat(MAX_QUERY));
    expect(r.notice).toBe('long-query');
    const emoji = parseHash('#/search?q=' + encodeURIComponent('a' + '😀'.repeat(MAX_QUERY)));
    expect(emoji.params.get('q')!.length).toBe(MAX_QUERY - 1);
    expect(emoji.params.get('q')!.endsWith('😀')).toBe(true);
  });

  test('property: views only ever see valid dates and short queries', () => {
    const junk = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('2025-13-45', '%E4%BA', '9999-99-99', '2025-02-29'));
    fc.assert(
      fc.property(junk, junk, fc.string({ maxLength: 2 * MAX_QUERY }), (from, to, q) => {
        const r = parseHash(`#/search?from=${from}&to=${to}&q=${encodeURIComponent(q)}`);
        for (const key of ['from', 'to']) {
          const v = r.params.get(key);
          if (v) expect(isValidDateParam(v)).toBe(true);
        }
        expect((r.params.get('q') ?? '').length).toBeLessThanOrEqual(MAX_QUERY);
      }),
    );
  });
});
