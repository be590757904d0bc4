/**
 * The charts' own interface strings. They live with the feature (one folder
 * per feature) rather than in lib/i18n.svelte.ts, which every view shares and
 * several people edit; the language is still the one i18n holds, so a switch
 * re-renders these too.
 */
import { i18n, type Lang } from '../lib/i18n.svelte.ts';

const STRINGS = {
  chartType: { zh: '图表类型', en: 'Chart' },
  chartRegions: { zh: '地区比较', en: 'Regions' },
  chartCases: { zh: '个案：费用与互助金', en: 'Cost vs payout' },
  chartTime: { zh: '随时间变化', en: 'Over time' },
  allRegions: { zh: '全部地区', en: 'All regions' },
  unknownRegion: { zh: '地区不详', en: 'Region not named' },
  show: { zh: '显示', en: 'Show' },
  modeLatest: { zh: '每个地区的最新值', en: 'Latest value per region' },
  modeAll: { zh: '全部数据', en: 'Every figure' },
  subtitleLatest: {
    zh: '每个地区一条，显示该地区最新的数值：按数据所指的日期（原句未写日期时用报道日期），同一日期优先确数、原文先出现者。{n} 个数据中显示 {r} 个；不相加，因为同一指标的不同报道常是同一存量在不同时点的数值。',
    en: 'One bar per region: its latest figure, by the date the figure refers to (the page date when the sentence gives none); on the same date an exact value and the first mention win. {r} of {n} figures shown; they are not summed, since reports of one metric are often the same stock at different dates.',
  },
  subtitleAll: {
    zh: '每个数据一条，按数值从大到小排列，标注地区和日期（斜体日期为报道日期）。',
    en: 'One bar per figure, largest first, labelled with its region and date (an italic date is the page date).',
  },
  subtitleCases: {
    zh: '每行一位职工：空心点为医疗费用或个人自付，实心点为获得的互助金，右侧为覆盖比例（互助金 ÷ 费用）。横轴为对数刻度，两点间的距离即覆盖比例，各行可直接比较。只显示原文中相互关联的费用与互助金{u}。',
    en: 'One row per patient: the hollow dot is the medical cost or the part paid out of pocket, the filled dot the mutual-aid payout; on the right, the share covered (payout ÷ cost). The axis is logarithmic, so the gap between the dots is the share covered and rows compare directly. Only costs and payouts the text links are shown{u}.',
  },
  unpaired: { zh: '；另有 {n} 个个案数据未配对，见“地区比较”', en: '; {n} unlinked case figures are under “Regions”' },
  subtitleTime: {
    zh: '横轴为数据所指的日期（原句未写日期时用报道日期，以空心点表示）；“2025年”这类时段画成横线，点在其中点。每个地区一种颜色，同一地区的点按时间连线。',
    en: 'Across: the date a figure refers to (the page date when the sentence gives none, drawn hollow); a period such as a year is a horizontal line with its dot at the middle. One colour per region; a region’s dots are joined in time order.',
  },
  approxBars: { zh: '斜线条纹为约数（余、多、近、超、以上等），数值前标 >、≥、≈、≲、≤。', en: 'Hatched bars are approximate (余, 多, 近, 超, 以上 …); labels carry >, ≥, ≈, ≲, ≤.' },
  approxDots: { zh: '虚线圈为约数。', en: 'Dashed rings are approximate values.' },
  cost: { zh: '费用', en: 'Cost' },
  payout: { zh: '互助金', en: 'Payout' },
  share: { zh: '覆盖比例', en: 'Share covered' },
  patient: { zh: '个案', en: 'Case' },
  count: { zh: '数据数', en: 'Figures' },
  latestOf: { zh: '{n} 个中最新', en: 'latest of {n}' },
  pageDate: { zh: '报道日期', en: 'page date' },
  noDate: { zh: '日期不详', en: 'undated' },
  unit: { zh: '单位', en: 'Unit' },
  exportSvg: { zh: '导出 SVG', en: 'Export SVG' },
  exportPng: { zh: '导出 PNG', en: 'Export PNG' },
  selected: { zh: '选中的数据', en: 'Selected figure' },
  openSentence: { zh: '在原文中查看', en: 'Open in the article' },
  emptyMetric: { zh: '“{m}”（{u}）{where}没有数据。', en: 'No figures for “{m}” ({u}){where}.' },
  inRegion: { zh: '在{r}', en: ' in {r}' },
  emptyCases: { zh: '{where}没有相互关联的费用与互助金数据。', en: 'No linked cost and payout figures{where}.' },
  emptyTime: { zh: '“{m}”（{u}）{where}没有带日期的数据。', en: 'No dated figures for “{m}” ({u}){where}.' },
  unknownMetric: { zh: '没有指标“{m}”；请另选一个。', en: 'There is no metric “{m}”; choose another.' },
  chartLabel: {
    zh: '{title}：{n} 项，可用 Tab 键逐项查看，回车打开原句；下表列出相同数据。',
    en: '{title}: {n} marks; Tab moves between them and Enter opens the sentence. The table below lists the same data.',
  },
  tableLabel: { zh: '数据表（可排序）', en: 'Data table (sortable)' },
  sortHint: { zh: '点击列标题排序', en: 'Click a column heading to sort' },
  metricWithUnit: { zh: '{metric}（{unit}）', en: '{metric} ({unit})' },
  casesTitle: { zh: '{cost}与{payout}（{unit}，对数刻度）', en: '{cost} and {payout} ({unit}, log scale)' },
} as const satisfies Record<string, Record<Lang, string>>;

export type ChartStringKey = keyof typeof STRINGS;

export function ct(key: ChartStringKey, vars: Record<string, string | number> = {}): string {
  return STRINGS[key][i18n.lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}
