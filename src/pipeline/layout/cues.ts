/**
 * Typographic and formulaic cues of Chinese newspaper text. Each is a small
 * predicate on one block's text; none knows anything about a particular page.
 */

import { endsOnContentWord } from './lexicon.ts';

const NUM = '0-9０-９一二三四五六七八九十〇零两';

/** Sentence-final punctuation; a block ending in one of these finished its sentence. */
const SENTENCE_END = /[。！？!?…；;]$/;
const CLOSERS = /[”’」』》〉】\]"']+$/;

/**
 * Whether `text` ends a sentence, looking through closing quotes (…。”) and a
 * trailing note in brackets that follows a finished sentence (…。（讲话全文另发）).
 */
export function endsSentence(text: string): boolean {
  let t = text.trimEnd();
  const note = /[（(][^（）()]*[）)]$/.exec(t);
  if (note && note.index > 0) {
    const before = t.slice(0, note.index).trimEnd();
    if (SENTENCE_END.test(before.replace(CLOSERS, ''))) return true;
    if (before === '' ) return true;
  }
  t = t.replace(CLOSERS, '');
  return SENTENCE_END.test(t);
}

/** Dateline formulas that open a news item: 新华社北京1月26日电, 本报北京2月9日电, 本报讯. */
const DATELINE = new RegExp(
  `^(?:(?:新华社|中新社|本报|本刊|人民日报|央视|中国新闻社)[^，。,.（(]{0,14}?(?:[${NUM}]{1,3}月[${NUM}]{1,3}日)?(?:电|讯)|本报讯|本刊讯|(?:[\\u4e00-\\u9fff]{2,8})?[${NUM}]{1,3}月[${NUM}]{1,3}日电)`,
);
export const isDatelineLead = (text: string): boolean => DATELINE.test(text);

/** Continuation markers: （上接第1版）, （下转第2版）. */
const MARKER = new RegExp(`^[（(【\\[]\\s*(?:上接|下转|接上|转下|紧接|上转|接第|转第)\\s*第?\\s*[${NUM}A-Za-z]{1,4}\\s*版(?:[^）)】\\]]{0,6})?\\s*[）)】\\]]$`);
export const isMarker = (text: string): boolean => MARKER.test(text.trim());

/** Spaces PDF text uses inside credits: ASCII, ideographic and no-break. */
const SP = '[\\s\\u3000\\u00a0]';

/**
 * Source notes in brackets: (据新华社北京1月26日电), （新华社北京2月9日电）,
 * （本报华盛顿1月16日电  记者吴乐珺、胡泽曦）, （来源：人民网）, （摘编自1月13日《学习时报》）.
 */
const SOURCE = [
  /^[（(]\s*(?:据|来源[:：]?|摘自|转自|原载)?[^（）()]{0,30}?(?:电|报道|网|报|社|台)\s*[）)]$/,
  new RegExp(`^[（(]${SP}*(?:据|综合)?[^（）()，。]{0,40}?电(?:${SP}+|，)?(?:(?:本报|新华社)?记者[^（）()]{1,80})?${SP}*[）)]$`),
  /^[（(]\s*(?:摘编?自|转载自|原载于?|来源[:：])[^（）()]{1,80}[）)]$/,
  // Data and picture sources under a chart or photo story: 数据来源：…, 本版图片来源：….
  /^(?:本版)?(?:数据|资料|图片|图表)?来源[:：][^。，,]{1,40}$/,
  // Who supplied the pictures: 图片由某某提供.
  /^图片由[^。，,；;]{1,40}提供$/,
];
export const isSourceNote = (text: string): boolean => SOURCE.some((r) => r.test(text.trim()));

/** Stand-alone bylines: 本报（记者马学礼 通讯员闫琪）, （本报记者集体采写）, 本报记者 张三. */
const BYLINE = [
  /^本报(?:记者|特约记者|通讯员)?\s*[（(][^（）()]*(?:记者|通讯员|撰稿|采写)[^（）()]*[）)]$/,
  /^[（(]\s*(?:本报|新华社|特约)?(?:记者|通讯员|评论员|撰稿人)[^（）()]{0,160}[）)]$/,
  /^[（(][^（）()]{0,20}(?:采写|撰稿|整理|执笔)\s*[）)]$/,
  /^(?:本报|新华社|[\u4e00-\u9fff]{1,4}(?:网|社|台|报))?(?:特约)?(?:记者|通讯员)[\s\u3000]*[\u4e00-\u9fff·][\u4e00-\u9fff·\s\u3000、]{1,30}$/,
  // 张三报道 needs a reporter's title or a space between names, or 图片报道 (a section name) would pass.
  /^(?=[^（）()]*(?:记者|通讯员|[\s\u3000]))[\u4e00-\u9fff·\s\u3000]{2,20}(?:报道|采写|撰文)$/,
  // Photo credits printed as a line of their own: 张三摄（影像中国）, 王五  赵六摄影报道（人民视觉）.
  /^[\u4e00-\u9fff·][\u4e00-\u9fff·\s\u3000、]{0,24}摄(?:影报道|影)?\s*(?:[（(][^（）()]{1,12}[）)])?$/,
  // A picture handed out by an agency or supplied by an organisation: 新华社发, 某某大学孔子学院供图.
  /^[\u4e00-\u9fff·][\u4e00-\u9fff·\s\u3000、]{0,24}(?:社发|供图)$/,
  // Picture-and-text credits of a commentary cartoon: 曹  一图  卜  拉文.
  /^[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000]{0,6}图[\s\u3000]+[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000]{0,6}文$/,
  // A brief's author in bare brackets: （吴秋余）, （亓 创 高 超）.
  // One name has two or three characters (a longer bracket is a note such as
  // （讲话全文另发）, and column tags end like （今日谈）, （国际时评）); several names are
  // spaced or listed.
  /^[（(](?![一二三四五六七八九十〇零百]+[）)])(?:[\u4e00-\u9fff·]{1,2}[^\s\u3000（）()评谈论说观语话记录言声续完]|[\u4e00-\u9fff·]{1,4}(?:[\s\u3000、]+[\u4e00-\u9fff·]{1,4})+)[）)]$/,
  // Author notes that close commentaries: （作者为…）, （作者单位：…）, （执笔：…）, （…整理）, （…参与采写）.
  /^[（(]\s*(?:作者(?:为|系|是|单位|简介)|执笔|综合本报)(?:[^（）()]|[（(][^（）()]{1,20}[）)]){1,90}[）)]$/,
  /^[（(][^（）()]{1,90}(?:整理|参与采写|参与报道|报道)\s*[）)]$/,
  // Page furniture credits printed under the last article: 版式设计：蔡华伟, 制图：张丹峰, 制图：边纪红（新华社发）.
  new RegExp(`^(?:本版|本期)?(?:版式设计|版式、制图|设计|制图|图表制作|统筹|策划|责编|编辑)${SP}*[：:]${SP}*[\\u4e00-\\u9fff·、${SP.slice(1, -1)}]{2,24}(?:[（(][^（）()]{1,12}[）)])?$`),
  // Contact lines closing a column: 电子信箱：…@….com.
  /^[\u4e00-\u9fff]{0,6}(?:信箱|邮箱)[：:]\s*[\w.+-]+@[\w.-]+$/,
];
export const isByline = (text: string): boolean => BYLINE.some((r) => r.test(text.trim()));

/**
 * A byline or source note glued to the end of a body block: …一路驶向春天。（本报记者集体采写）.
 * Returns the offset (into `text`) where the trailing note starts, or -1.
 */
export function trailingCredit(text: string): number {
  const m = /[（(][^（）()]{2,90}[）)]\s*$/.exec(text);
  if (!m || m.index === 0) return -1;
  const note = m[0].trim();
  if (!(isByline(note) || isSourceNote(note))) return -1;
  return m.index;
}

/** Photo credits that end a caption: （新华社发）, （记者张三摄）, 新华社记者 李四 摄. */
const PHOTO_CREDIT = /(?:[（(][^（）()]{0,24}(?:摄|(?:社|网|者|台|报)发|供图|制图|图片)\s*[）)]|(?:记者|新华社|本报)[^。，]{0,16}摄(?:影)?)\s*$/;
export const hasPhotoCredit = (text: string): boolean => PHOTO_CREDIT.test(text.trim());

/** A subtitle (deck) under a headline starts with a dash: ——湖北2025年…. */
export const isSubtitleLine = (text: string): boolean => /^(?:——|──|--|—|－－)/.test(text.trim());

/** A circled number (① … ⑳), as sections of a code or items of a list are numbered. */
const CIRCLED = /^[①-⑳]$/;
/** Enumerators that open a numbered paragraph: 第一，/ 一是 / 一、/ （一）/ 1. / ② */
const ORDINAL = new RegExp(`^(?:第([${NUM}]{1,3})[，,、：:]|([${NUM}]{1,3})是|([${NUM}]{1,2})、|[（(]([${NUM}]{1,2})[）)]|([0-9]{1,2})[.．](?![0-9])|([①-⑳]))`);
/** The enumerator at the start of `text` normalised (e.g. "第二" or "二是"), or null. */
export function ordinalOf(text: string): string | null {
  const m = ORDINAL.exec(text);
  if (!m) return null;
  if (m[1]) return `第${m[1]}`;
  if (m[2]) return `${m[2]}是`;
  if (m[3]) return `${m[3]}、`;
  if (m[4]) return `(${m[4]})`;
  if (m[6]) return m[6];
  return `${m[5]}.`;
}

const OPENERS = '“‘「『《（(【[';
const CLOSING = '”’」』》）)】]';
/** Whether brackets and quotes are balanced: headlines never leave one open. */
export function isBalanced(text: string): boolean {
  let depth = 0;
  for (const c of text) {
    if (OPENERS.includes(c)) depth++;
    else if (CLOSING.includes(c)) depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** Length in non-whitespace characters. */
export const visibleLength = (text: string): number => text.replace(/\s/g, '').length;

/**
 * Headline shape: short, no sentence inside, balanced, at most one comma, not
 * ending on a clause separator. Titles, decks, subheads and labels all have it;
 * a body fragment cut at a column end usually fails one of the tests.
 */
export function looksLikeHeading(text: string): boolean {
  const t = text.trim();
  const n = visibleLength(t);
  if (n === 0 || n > 56) return false;
  if (/[。；;…]/.test(t)) return false;
  // The column name in brackets after a headline (…怎么看？（财经眼）) and the
  // quotes around a quoted headline (“敬礼！你们是…”) may enclose a ！ or ？.
  const tag = COLUMN_TAG.exec(t);
  const core = tag && tag.index > 0 ? t.slice(0, tag.index) : t;
  const quoted = QUOTED_LINE.test(core);
  if (!quoted && /[！？!?]/.test(core.slice(0, -1))) return false;
  if (/[，,、：:]$/.test(t)) return false;
  if (/^[，,。、；;：:！？!?）)”’]/.test(t)) return false;
  if (!isBalanced(t)) return false;
  const commas = (t.match(/[，,]/g) ?? []).length;
  // A tagged or quoted headline may run to three short clauses (治理黄河，重在保护，要在治理（声音））.
  if (commas > ((tag && tag.index > 0) || quoted ? 2 : 1)) return false;
  // A comma clause ending in a speech verb is reported speech, not a headline.
  if (/(?:说|表示|指出|认为|介绍|强调)[，,：:]/.test(t)) return false;
  // Headlines do not open with a discourse connective (与此同时，…).
  if (DISCOURSE_OPENER.test(t)) return false;
  return true;
}

/** A column name in brackets closing a line: （人民时评）, (新春走基层). */
const COLUMN_TAG = /[（(][^（）()]{2,16}[）)]$/;
/** A line wholly inside one pair of quotes: “做埃中友好的传颂者”. */
const QUOTED_LINE = /^“[^“”]+”$/;

/**
 * A headline that is a quotation: the whole line is one quoted phrase of at
 * most MAX_QUOTED_HEADLINE characters, with no full stop. A paragraph cut at
 * a column end almost never stops right at a closing quote it opened first.
 */
export const isQuotedHeadline = (text: string): boolean => {
  const t = text.trim();
  return QUOTED_LINE.test(t) && visibleLength(t) <= MAX_QUOTED_HEADLINE && !/[。；;…]/.test(t);
};
const MAX_QUOTED_HEADLINE = 40;

const DISCOURSE_OPENER =
  /^(?:与此同时|同时|此外|另外|其中|目前|当前|近日|日前|近年来|对此|因此|然而|但是|不过|而且|随后|此前|之后|最后|首先|其次|再次|据介绍|据了解|据悉|记者了解到|他说|她说|今年|去年|明年)[，,]/;

/**
 * Headline shape that a cut sentence does not produce by accident: a balanced
 * couplet (凝心聚力，继往开来), lines joined by a space, quoted or titled names,
 * or a final ！/？.
 */
export function looksLikeStrongHeading(text: string): boolean {
  const t = text.trim();
  if (!looksLikeHeading(t)) return false;
  const halves = t.split(/[，,]/);
  if (halves.length === 2) {
    const [a, b] = halves.map(visibleLength);
    if (a >= 3 && b >= 3 && Math.abs(a - b) <= 2) return true;
  }
  return /\S[\s\u3000]+\S/.test(t) || /[《“].+[》”]/.test(t) || /[！？!?]$/.test(t);
}

/** A place or section label: a bare word of two to five characters. */
export const isLabel = (text: string): boolean => /^[\p{Script=Han}·]{2,5}$/u.test(text.trim());

/**
 * Signs that a block begins in the middle of a sentence whose start is
 * elsewhere: it opens with punctuation or a bound character, or its first
 * "sentence" is a bare noun phrase too short to stand as a paragraph opener.
 */
export function startsMidSentence(text: string, shortFirstSentence = true): boolean {
  const t = text.trim();
  if (/^[，,。、；;：:！？!?）)”’」』》]/.test(t)) return true;
  if (/^[的了着们得者性化率度等地之]/.test(t)) return true;
  // A verb with 了 and no subject (阅了有关台账) only happens after a cut.
  if (/^[\u4e00-\u9fff]了/.test(t) && !/^[为除到有罢算少多]了/.test(t)) return true;
  // A clause of one or two characters before the first comma (用，做好传帮带).
  const firstClause = /^([^，,。！？；]*)[，,]/.exec(t);
  if (firstClause && visibleLength(firstClause[1]) === 1) return true;
  // A first sentence with no comma, under ten characters, followed by more
  // text: 送温暖资金。 / 康产业等领域合作。 — the tail of a sentence begun elsewhere.
  // An enumerator (一是… / 第二，…) opens a paragraph however short its first sentence.
  const firstSentence = /^([^，,。！？!?；;“”]*)。/.exec(t);
  if (shortFirstSentence && firstSentence && visibleLength(firstSentence[1]) <= 9 && t.length > firstSentence[0].length && ordinalOf(t) === null) return true;
  return false;
}

/** Longest numbered section heading, in visible characters. */
const MAX_NUMBERED_HEADING = 30;

/**
 * A numbered section heading of a document or long report: 二、积极推进基层综合行政执法改革,
 * （三）强化监督. Short, headline-shaped and numbered with 、 or brackets (一是 and
 * 第一， open paragraphs instead); not a cut sentence even when the page pairs
 * its last character with the next block's first.
 */
export function isNumberedHeading(text: string): boolean {
  const t = text.trim();
  const ord = ordinalOf(t);
  return ord !== null && (ord.endsWith('、') || ord.startsWith('(') || CIRCLED.test(ord)) && visibleLength(t) <= MAX_NUMBERED_HEADING && looksLikeHeading(t) && !endsOnBoundChar(t);
}

const CHINESE_DIGITS = '〇一二三四五六七八九';
/** The number of a normalised ordinal (二、 → 2, (十一) → 11), or null. */
export function ordinalValue(ordinal: string): number | null {
  if (CIRCLED.test(ordinal)) return ordinal.charCodeAt(0) - 0x245f;
  const m = /[0-9０-９〇零一二两三四五六七八九十]+/.exec(ordinal);
  if (!m) return null;
  const d = m[0].replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  if (/^[0-9]+$/.test(d)) return Number(d);
  const n = d.replace('两', '二').replace('零', '〇');
  if (!n.includes('十')) return n.length === 1 ? CHINESE_DIGITS.indexOf(n) : null;
  const [tens, ones] = n.split('十');
  const t = tens === '' ? 1 : CHINESE_DIGITS.indexOf(tens);
  const o = ones === '' ? 0 : CHINESE_DIGITS.indexOf(ones);
  return t < 0 || o < 0 ? null : t * 10 + o;
}

/** The ordinal just before `ordinal` in the same style (三、 → 二、), or null for a first one. */
export function previousOrdinal(ordinal: string): string | null {
  const v = ordinalValue(ordinal);
  if (v === null || v <= 1) return null;
  if (CIRCLED.test(ordinal)) return String.fromCharCode(ordinal.charCodeAt(0) - 1);
  const m = /[0-9０-９〇零一二两三四五六七八九十]+/.exec(ordinal)!;
  const digits = /^[0-9０-９]+$/.test(m[0]);
  const prev = digits ? String(v - 1) : chineseNumber(v - 1);
  return ordinal.slice(0, m.index) + prev + ordinal.slice(m.index + m[0].length);
}

function chineseNumber(v: number): string {
  if (v < 10) return CHINESE_DIGITS[v];
  const tens = Math.floor(v / 10);
  return `${tens === 1 ? '' : CHINESE_DIGITS[tens]}十${v % 10 ? CHINESE_DIGITS[v % 10] : ''}`;
}

/** Whether a block opens with a formula that can only start a paragraph. */
export function startsParagraph(text: string): boolean {
  return isDatelineLead(text) || ordinalOf(text) !== null;
}

/**
 * Characters that bind to what follows: particles, prepositions, conjunctions
 * and adverbs (的, 在, 将, 对, 于, 与, 就, 也 …), or a numeral and measure word
 * waiting for their noun (一个, 这位). A line ending on one stops in the middle
 * of a phrase, which a headline never does, unless the character ends a
 * content word (取向, 现在, 目的) or an ordinal (第一位). Measured on the
 * corpus: 4 of its 14,846 title lines and 29 of its 21,431 headline-shaped
 * paragraphs end so, against 4,071 of 57,068 paragraph heads cut at random lengths.
 */
export const endsOnBoundChar = (text: string): boolean => {
  const t = text.trim();
  if (/[一两几每这那某][个位名种项件条次批家所座只]$/.test(t) && !/第[^第]{0,4}$/.test(t)) return true;
  return /[的在将和对被从是于以这并而或但且及把向就与由也又再更很让使同跟给按经凭自]$/.test(t) && !endsOnContentWord(t);
};

const TIME_CLAUSE = new RegExp(
  `^(?:[${NUM}]{4}年(?:[${NUM}]{1,2}月)?(?:[${NUM}]{1,3}日)?|[${NUM}]{1,2}月[${NUM}]{1,3}日|那天|当天|前不久|不久前|此时|这时|如今|后来|当时|那时|早在|此后|随即)[^，,]{0,4}[，,]`,
);

/**
 * A sentence opened by when it happened and a comma (2014年，… / 2月3日一早，… /
 * 那天傍晚，…): how a paragraph begins, not a headline, unless the line hands
 * over to its headline with a dash (5月22日，…走上“部长通道”——). 3 of the
 * corpus's 14,846 title lines and 11 of its 21,431 headline-shaped paragraphs
 * (mostly dated list items) open so, against 3,029 of 57,068 cut paragraph heads.
 */
export const opensWithTimeClause = (text: string): boolean => {
  const t = text.trim();
  return !/(?:——|──)$/.test(t) && TIME_CLAUSE.test(t);
};

/** A block that is one short sentence and nothing more (参赛。/ 再开了。”): a paragraph's last words carried into the next column. */
export const isSentenceTail = (text: string): boolean => /^[^，,。！？!?；;“]{1,12}[。！？!?][”’]?$/.test(text.trim());

/**
 * A headline-shaped line whose single comma splits it unevenly (在山东，省 /
 * 2018年底，中央政治局 / 总之，只要我们坚持): the opening of a sentence cut at a
 * column end. Two-part headlines balance their halves (先有标准化，才能涨身价).
 */
export function isUnevenClause(text: string): boolean {
  const halves = text.trim().split(/[，,]/);
  if (halves.length !== 2) return false;
  const [a, b] = halves.map(visibleLength);
  return a <= 2 || b <= 2 || b < a - 1;
}

/**
 * Marks only headlines carry: a kicker or deck dash (…—— / ——…), a column
 * name in brackets at the end (（人民时评）), words spaced apart (立案网上办  开庭不见面)
 * or a final ！/？. A line with one of them is not a sentence cut at a column end.
 */
export function hasHeadlineMark(text: string): boolean {
  const t = text.trim();
  return /(?:——|──)$/.test(t) || isSubtitleLine(t) || isQuotedHeadline(t) || /[（(][^（）()]{2,16}[）)]$/.test(t) || /\S[\s\u3000]{2,}\S/.test(t) || /[！？!?]$/.test(t);
}

/**
 * A headline tagged with its column's name in brackets: 把稳增长放在更突出位置（人民时评）,
 * 春池洗砚（金台随感）. Subheads inside an article do not carry a column name, so
 * such a line opens an article.
 */
export function hasColumnName(text: string): boolean {
  const m = /^(.{2,})[（(]([^（）()0-9０-９]{2,16})[）)]$/.exec(text.trim());
  return m !== null && !/^(?:——|──)/.test(m[1]) && !/(?:摄|图|文|记者|整理)$/.test(m[2]) && !isByline(text) && looksLikeHeading(text);
}

/**
 * A sidebar's tag: reporter's notes, further reading, background and the
 * editor's afterword are printed with the report they go with and tagged
 * like a column (时刻把履职放在心上（记者手记）), but are not articles of their own.
 */
export const hasSidebarTag = (text: string): boolean => /[（(](?:记者手记|延伸阅读|相关链接|新闻链接|背景链接|链接|小资料|编后|编后语)[）)]$/.test(text.trim());

/** Ends on a digit or an opening quote or bracket: the number or quotation goes on. */
export const endsOpen = (text: string): boolean => /[0-9０-９“‘「『《（(【]$/.test(text.trim());
