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

/*
 * For the charts. Units stay as written in Chinese (they are data); English
 * readers get a gloss for the common ones, and the Chinese otherwise.
 */
const UNIT_EN: Record<string, string> = {
  元: 'yuan',
  美元: 'US dollars',
  人次: 'person-times',
  人: 'people',
  名: 'people',
  位: 'people',
  家: 'organisations',
  户: 'households',
  次: 'times',
  份: 'copies',
  件: 'items',
  场: 'events',
  项: 'items',
  '%': '%',
  百分点: 'percentage points',
  摄氏度: '°C',
};

export function unitLabel(unit: string, lang: Lang): string {
  return lang === 'en' ? (UNIT_EN[unit] ?? unit) : unit;
}

/** A figure as a label: qualifier sign, number, unit — "≥10万 元", "> 100,000 yuan". */
export function formatFigure(value: number, qualifier: string, unit: string, lang: Lang, plain = false): string {
  const sign = qualifierSign(qualifier);
  const u = unitLabel(unit, lang);
  return `${sign}${formatNumber(value, lang, plain)}${u === '%' ? '%' : lang === 'zh' ? u : ` ${u}`}`;
}

/** A ratio as a whole percentage (0.2778 → 28%); "≈" when it rests on approximate values. */
export function formatShare(ratio: number | null, approx = false): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return `${approx ? '≈' : ''}${Math.round(ratio * 100)}%`;
}

/** A UTC time-axis tick: the year on 1 January, the month on the 1st, else the day. */
export function formatTimeTick(d: Date, lang: Lang): string {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const mon = new Date(Date.UTC(2000, m, 1)).toLocaleString('en', { month: 'short', timeZone: 'UTC' });
  if (m === 0 && day === 1) return lang === 'zh' ? `${y}年` : String(y);
  if (day === 1) return lang === 'zh' ? `${m + 1}月` : mon;
  return lang === 'zh' ? `${m + 1}月${day}日` : `${day} ${mon}`;
}
