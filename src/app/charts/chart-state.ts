/**
 * The charts view's state as it lives in the URL, so a copied link, a reload
 * or back/forward reopens exactly the same chart:
 *
 *   #/charts?chart=regions|cases|time&metric=…&unit=…&region=…&mode=all
 *           &sel=<figure id>&sort=<column>&dir=asc|desc&plain=1&lang=en
 *
 * Defaults are left out of the link (chart=regions, mode=latest, the
 * chart's default sort), so old links (`#/charts?metric=…&unit=…`) still work.
 */
import { CHART_KINDS, type ChartKind, type RegionMode, type SortDir } from './chart-data.ts';

export interface ChartState {
  chart: ChartKind;
  metric: string;
  unit: string;
  region: string;
  mode: RegionMode;
  /** Selected figure id: highlighted mark and the sentence shown below the chart. */
  sel: string;
  /** Table sort column; '' for the chart's default order. */
  sort: string;
  dir: SortDir;
  plain: boolean;
}

export function readChartState(params: URLSearchParams): ChartState {
  const chart = params.get('chart') ?? '';
  return {
    chart: (CHART_KINDS as string[]).includes(chart) ? (chart as ChartKind) : 'regions',
    metric: params.get('metric') ?? '',
    unit: params.get('unit') ?? '',
    region: params.get('region') ?? '',
    mode: params.get('mode') === 'all' ? 'all' : 'latest',
    sel: params.get('sel') ?? '',
    sort: params.get('sort') ?? '',
    dir: params.get('dir') === 'asc' ? 'asc' : 'desc',
    plain: params.get('plain') === '1',
  };
}

/** The hash parameters for a state (for buildHash), defaults omitted. */
export function chartParams(s: ChartState, lang: string): Record<string, string> {
  return {
    chart: s.chart === 'regions' ? '' : s.chart,
    metric: s.metric,
    unit: s.unit,
    region: s.region,
    mode: s.mode === 'all' ? 'all' : '',
    sel: s.sel,
    sort: s.sort,
    dir: s.sort && s.dir === 'asc' ? 'asc' : '',
    plain: s.plain ? '1' : '',
    lang: lang === 'en' ? 'en' : '',
  };
}
