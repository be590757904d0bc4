/**
 * Interface language: Chinese by default, English on request. The choice is
 * remembered and travels in links as `lang=en` on the hash's query.
 */
export type Lang = 'zh' | 'en';

const STRINGS = {
  appName: { zh: '民生', en: 'Minsheng' },
  tagline: { zh: '职工福利新闻浏览', en: 'Workers’ welfare news explorer' },
  navSearch: { zh: '搜索', en: 'Search' },
  navTimeline: { zh: '时间线', en: 'Timeline' },
  navCharts: { zh: '数据图表', en: 'Figures' },
  searchLabel: { zh: '搜索报道', en: 'Search the pages' },
  searchPlaceholder: { zh: '搜索：互助金、送温暖、慰問、huzhujin…', en: 'Search: 互助金, 送温暖, 慰問, huzhujin…' },
  searchHint: {
    zh: '空格分隔多个词（需全部出现）；用引号查找完整短语；支持繁体与拼音。按 / 聚焦搜索框。',
    en: 'Separate words with spaces (all must match); quote an exact phrase; Traditional and pinyin work too. Press / to search.',
  },
  loading: { zh: '正在加载…', en: 'Loading…' },
  retry: { zh: '重试', en: 'Retry' },
  dataError: { zh: '数据加载失败', en: 'Could not load the data' },
  results: { zh: '{n} 个段落，{a} 篇文章', en: '{n} paragraphs in {a} articles' },
  noResults: { zh: '没有找到“{q}”', en: 'No results for “{q}”' },
  corpus: { zh: '语料一览', en: 'The corpus at a glance' },
  pages: { zh: '{n} 个版面 · {a} 篇文章 · {e} 个日期 · {f} 个数据', en: '{n} pages · {a} articles · {e} dates · {f} figures' },
  articleCounts: { zh: '{p} 段 · {e} 个日期 · {f} 个数据', en: '{p} paragraphs · {e} dates · {f} figures' },
  page: { zh: '版面', en: 'Page' },
  undated: { zh: '日期不详', en: 'undated' },
  allKinds: { zh: '全部段落', en: 'All paragraphs' },
  headingsOnly: { zh: '仅标题', en: 'Headlines only' },
  bodyOnly: { zh: '仅正文', en: 'Body text only' },
  from: { zh: '起', en: 'From' },
  to: { zh: '止', en: 'To' },
  back: { zh: '返回', en: 'Back' },
  backToResults: { zh: '返回搜索结果', en: 'Back to results' },
  articleNotFound: { zh: '找不到这篇文章（{id}）。', en: 'No article with id {id}.' },
  readingOrder: { zh: '重排正文', en: 'Reading order' },
  asPrinted: { zh: '版面原貌', en: 'Page as printed' },
  unplaced: { zh: '未能归入文章的片段', en: 'Fragments not placed in an article' },
  datesInArticle: { zh: '文中日期', en: 'Dates in this article' },
  figuresInArticle: { zh: '文中数据', en: 'Figures in this article' },
  source: { zh: '来源文件', en: 'Source file' },
  published: { zh: '出版日期', en: 'Published' },
  timeline: { zh: '事件时间线', en: 'Timeline of dated events' },
  timelineHelp: {
    zh: '滚动或按 +/− 缩放，拖动平移；方向键在事件间移动，Home/End 跳到首尾。',
    en: 'Scroll or press +/− to zoom, drag to pan; arrow keys move between events, Home/End jump.',
  },
  events: { zh: '{n} 个事件', en: '{n} events' },
  noEvents: { zh: '这个范围内没有事件。', en: 'No events in this range.' },
  resetZoom: { zh: '显示全部', en: 'Show all' },
  charts: { zh: '福利数据比较', en: 'Welfare figures compared' },
  metric: { zh: '指标', en: 'Metric' },
  noFigures: { zh: '没有可比较的数据。', en: 'No figures to compare.' },
  region: { zh: '地区', en: 'Region' },
  value: { zh: '数值', en: 'Value' },
  date: { zh: '日期', en: 'Date' },
  sentence: { zh: '原句', en: 'Sentence' },
  article: { zh: '文章', en: 'Article' },
  approxNote: { zh: '斜线标记为约数（余、多、近、超等）', en: 'Hatched bars are approximate (余, 多, 近, 超 …)' },
  badLink: { zh: '链接无法识别，已打开搜索页。', en: 'That link could not be read; showing search instead.' },
  updateReady: { zh: '新版本已就绪。', en: 'A new version is ready.' },
  reload: { zh: '刷新', en: 'Reload' },
  dismiss: { zh: '关闭', en: 'Dismiss' },
  offlineReady: { zh: '已可离线使用。', en: 'Ready to work offline.' },
  language: { zh: 'English', en: '中文' },
  languageLabel: { zh: 'Switch to English', en: '切换到中文' },
  exportCsv: { zh: '导出 CSV', en: 'Export CSV' },
  exportJson: { zh: '导出 JSON', en: 'Export JSON' },
  plainDigits: { zh: '完整数字', en: 'Plain digits' },
  // Timeline (issue 5)
  tlHelp: {
    zh: '滚动、双指或按 +/− 缩放，拖动平移；在下方总览条上拖动可选择时间范围（滑块可用方向键调节）。方向键在事件间移动，Shift+方向键平移，Home/End 跳到首尾，Enter 打开文章。',
    en: 'Scroll, pinch or press +/− to zoom, drag to pan; drag on the overview strip below to select a range (its handles take arrow keys). Arrow keys move between events, Shift+arrows pan, Home/End jump, Enter opens the article.',
  },
  tlKindEvent: { zh: '事件日期', en: 'Event date' },
  tlKindAsOf: { zh: '截至日期', en: 'As-of date' },
  tlKindPeriod: { zh: '时期', en: 'Period' },
  tlApprox: { zh: '约略日期（虚线）', en: 'Approximate (dashed)' },
  tlDay: { zh: '单日（点）', en: 'One day (dot)' },
  tlSpan: { zh: '月份或时段（条）', en: 'Month or span (bar)' },
  tlLanes: { zh: '分行', en: 'Lanes' },
  tlLanePage: { zh: '按版面', en: 'By page' },
  tlLaneArticle: { zh: '按文章', en: 'By article' },
  tlLaneKind: { zh: '按日期类型', en: 'By kind of date' },
  tlOthers: { zh: '其余 {n} 组', en: '{n} others' },
  tlSearchLabel: { zh: '只看匹配段落中的事件', en: 'Only events in paragraphs matching' },
  tlSearchActive: { zh: '“{q}”：{n} 个事件', en: '“{q}”: {n} events' },
  tlSearching: { zh: '正在搜索…', en: 'Searching…' },
  tlClearSearch: { zh: '清除', en: 'Clear' },
  tlOverview: { zh: '全部时间（拖动选择范围）', en: 'All dates (drag to select a range)' },
  tlRangeStart: { zh: '范围起点', en: 'Range start' },
  tlRangeEnd: { zh: '范围终点', en: 'Range end' },
  tlDetailHint: { zh: '将鼠标移到事件上，或用方向键选择事件，即可看到原句。', en: 'Hover over an event, or select one with the arrow keys, to read its sentence.' },
  tlOpenArticle: { zh: '打开文章', en: 'Open the article' },
  tlPageRange: { zh: '第 {a}–{b} 条，共 {n} 条', en: '{a}–{b} of {n}' },
  tlPrevPage: { zh: '上一页', en: 'Previous' },
  tlNextPage: { zh: '下一页', en: 'Next' },
  tlZoomIn: { zh: '放大', en: 'Zoom in' },
  tlZoomOut: { zh: '缩小', en: 'Zoom out' },
  showOnTimeline: { zh: '在时间线上查看', en: 'Show on timeline' },
  // Shell, reader and notices (issue 8)
  skipToContent: { zh: '跳到正文', en: 'Skip to content' },
  mainNav: { zh: '主导航', en: 'Main' },
  articleViewNav: { zh: '文章视图', en: 'Article view' },
  displayMode: { zh: '显示方式', en: 'Display' },
  articlesOnPage: { zh: '本版文章', en: 'Articles on this page' },
  pubMethodSidecar: { zh: '据附带的 JSON 文件', en: 'from the sidecar file' },
  pubMethodMasthead: { zh: '据报头', en: 'from the masthead' },
  pubMethodTimestamp: { zh: '据页面时间戳', en: 'from a timestamp on the page' },
  pubMethodFilename: { zh: '据文件名', en: 'from the file name' },
  pubMethodDateline: { zh: '据电头', en: 'from the datelines' },
  pubMethodNone: { zh: '无法确定', en: 'not found' },
  kindTitle: { zh: '标题', en: 'headline' },
  kindSubtitle: { zh: '副题', en: 'subtitle' },
  kindSubhead: { zh: '小标题', en: 'subhead' },
  kindLead: { zh: '导语', en: 'lead' },
  kindBody: { zh: '正文', en: 'body' },
  kindCaption: { zh: '图片说明', en: 'caption' },
  kindByline: { zh: '署名', en: 'byline' },
  kindSource: { zh: '来源', en: 'source' },
  kindMarker: { zh: '转版', en: 'continued' },
  kindLabel: { zh: '栏目', en: 'label' },
  badDate: { zh: '日期“{d}”无效，已忽略。', en: 'The date “{d}” is not valid and was ignored.' },
  longQuery: { zh: '搜索词过长，只保留前 {n} 个字符。', en: 'The search was too long; only its first {n} characters are used.' },
  pageNumber: { zh: '第{n}版', en: 'p. {n}' },
  legend: { zh: '图例', en: 'Legend' },
  zoomableTimeline: { zh: '可缩放时间线', en: 'zoomable timeline' },
  showMoreResults: { zh: '再显示 {n} 篇文章（还有 {left} 篇）', en: 'Show {n} more articles ({left} left)' },
  showMorePages: { zh: '再显示 {n} 个版面（还有 {left} 个）', en: 'Show {n} more pages ({left} left)' },
  skippedFiles: { zh: '{n} 个文件未能读取', en: '{n} files could not be read' },
  readAsPinyin: { zh: '按拼音搜索：{text}', en: 'Read as pinyin: {text}' },
  readAsSimplified: { zh: '已按简体搜索：{text}', en: 'Searched as simplified: {text}' },
  filters: { zh: '筛选', en: 'Filters' },
  paragraphKind: { zh: '段落类型', en: 'Paragraph kind' },
  clearFilters: { zh: '清除筛选', en: 'Clear filters' },
  offlineHeading: { zh: '离线使用', en: 'Offline use' },
  offlineAll: { zh: '全部数据（{mb} MB）已可离线使用。', en: 'All data ({mb} MB) is available offline.' },
  offlineRemove: { zh: '删除离线数据', en: 'Remove offline copy' },
  offlineDownloading: { zh: '正在下载… {done} / {mb} MB', en: 'Downloading… {done} / {mb} MB' },
  offlineCancel: { zh: '取消', en: 'Cancel' },
  offlineSome: {
    zh: '已缓存 {n} / {total} 个数据文件。下载全部数据共 {mb} MB（未压缩）。',
    en: '{n} of {total} data files cached. Downloading everything takes {mb} MB (uncompressed).',
  },
  offlineStart: { zh: '下载以离线使用', en: 'Make available offline' },
} as const satisfies Record<string, Record<Lang, string>>;

export type StringKey = keyof typeof STRINGS;

function initialLang(): Lang {
  if (typeof location !== 'undefined' && /[?&]lang=en\b/.test(location.hash)) return 'en';
  if (typeof localStorage !== 'undefined' && localStorage.getItem('minsheng.lang') === 'en') return 'en';
  return 'zh';
}

class I18n {
  lang = $state<Lang>(initialLang());

  set(lang: Lang) {
    this.lang = lang;
    try {
      localStorage.setItem('minsheng.lang', lang);
    } catch {
      // private mode: the choice still lives in the URL
    }
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }

  t = (key: StringKey, vars: Record<string, string | number> = {}): string =>
    STRINGS[key][this.lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));
}

export const i18n = new I18n();
export const t = i18n.t;
