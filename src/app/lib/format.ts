import type { Lang } from './i18n.svelte.ts';

/** 2026-01-26 → 2026年1月26日 / 26 Jan 2026; partial dates keep their precision. */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  if (lang === 'zh') return `${y}年${m ? `${m}月` : ''}${d ? `${d}日` : ''}`;
  const month = m ? new Date(Date.UTC(2000, m - 1, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' }) : '';
  return [d || '', month, y].filter(Boolean).join(' ');
}

export function formatRange(start: string, end: string, lang: Lang): string {
  return start === end ? formatDate(start, lang) : `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}

/**
 * Numbers the way Chinese news writes them (185.7万, 1.2亿), or in English
 * (1.857 million), or as plain digits on request.
 */
export function formatNumber(value: number, lang: Lang, plain = false): string {
  if (plain) return value.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en');
  const abs = Math.abs(value);
  const trim = (n: number) => String(Number(n.toPrecision(6)));
  if (lang === 'zh') {
    if (abs >= 1e8) return `${trim(value / 1e8)}亿`;
    if (abs >= 1e4) return `${trim(value / 1e4)}万`;
    return trim(value);
  }
  if (abs >= 1e9) return `${trim(value / 1e9)} billion`;
  if (abs >= 1e6) return `${trim(value / 1e6)} million`;
  return value.toLocaleString('en');
}

const QUALIFIER_SIGN: Record<string, string> = {
  exact: '',
  more_than: '>',
  at_least: '≥',
  nearly: '≲',
  approx: '≈',
  at_most: '≤',
};

export function qualifierSign(q: string): string {
  return QUALIFIER_SIGN[q] ?? '';
}
