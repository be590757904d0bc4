import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitBlocks } from '../../src/pipeline/blocks.ts';
import {
  endsOnBoundChar,
  endsSentence,
  hasColumnName,
  hasHeadlineMark,
  isByline,
  isNumberedHeading,
  isQuotedHeadline,
  isSourceNote,
  isUnevenClause,
  looksLikeHeading,
  opensWithTimeClause,
  ordinalOf,
  ordinalValue,
  previousOrdinal,
  startsMidSentence,
  trailingCredit,
} from '../../src/pipeline/layout/cues.ts';
import { junctionCount, pageCharPairs } from '../../src/pipeline/layout/similarity.ts';
import { crossesWord } from '../../src/pipeline/layout/lexicon.ts';
import { bCubed, charsKept } from '../../src/pipeline/layout/evaluate.ts';
import { readPage, type PageLayout } from '../../src/pipeline/layout/index.ts';
import { orderPreservingMatch } from '../../src/pipeline/layout/reflow.ts';
import { blockRoles } from '../../src/pipeline/layout/roles.ts';

const root = join(import.meta.dirname, '../..');
const gold = JSON.parse(readFileSync(join(root, 'test/fixtures/seeds-gold.json'), 'utf8')) as Record<
  string,
  { articles: number[][]; joins: [number, number][]; captions: number[] }
>;
const seeds = Object.keys(gold).filter((k) => !k.startsWith('_'));
const seedText = (name: string) => readFileSync(join(root, 'seeds', name), 'utf8').replace(/\r\n?/g, '\n');
const layoutOf = (text: string) => readPage(text, splitBlocks(text));
const page = (...blocks: string[]) => `\n\n${blocks.join('\n\n')}\n`;

/** Role of the block at `at` on a small page made of `blocks`. */
const roleIn = (blocks: string[], at: number) => layoutOf(page(...blocks)).roles[at];
/** Role of the block at `at` before article assembly (headlines inside an article are still 'title'). */
const firstRoleIn = (blocks: string[], at: number) => blockRoles(splitBlocks(page(...blocks)))[at];

/** Every non-whitespace character covered exactly once by paragraph or unplaced spans. */
function assertLossless(text: string, layout: PageLayout): void {
  const spans = [...layout.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.spans)), ...layout.unplaced.map((u) => u.span)];
  expect(charsKept(text, spans)).toBe(1);
  const covered = spans.reduce((n, s) => n + (s.end - s.start), 0);
  expect(covered).toBeLessThanOrEqual(text.length);
}

describe('cues', () => {
  test.each([
    ['习近平和苏林并互致新春问候,祝福两国人民幸福安康。', true],
    ['不仅愿做‘世界工厂’,更愿做‘世界市场’……”王志华说。', true],
    ['携手构建开放型世界经济、建设新型国际关系。（讲话全文另发）', true],
    ['“平时献出一份爱，难时拥有互助情”。', true],
    ['越南也开启民族发展新纪元。我们必须', false],
    ['抵御风险的“第二医保”。2025', false],
    ['询问身体健康状况、', false],
    ['“加力培育交通服务、家政服务、网络视', false],
  ])('endsSentence(%s) = %s', (text, expected) => {
    expect(endsSentence(text)).toBe(expected);
  });

  test.each([
    ['将开展20多场“购在中国”专题活动', true],
    ['凝心聚力，继往开来', true],
    ['织密互助保障网 荆楚职工享温暖', true],
    ['谈及对外投资,王亚说,将建设国家层面', false],
    ['“感谢工会组织提供了这么好的保障,这', false],
    ['与此同时,将落实境外投资者以在华取得的利润直接投资税收抵免、鼓励外商投', false],
    ['郭嘉昆说,这是奥尔西总统首次对中国进行国事访问。访问期间,习近平主席将与奥尔', false],
  ])('looksLikeHeading(%s) = %s', (text, expected) => {
    expect(looksLikeHeading(text)).toBe(expected);
  });

  test.each([
    ['最紧迫的任务。中国愿同中东欧国家团结协作、合力应对。', true],
    ['用，做好传帮带，积极培养年轻人。', true],
    ['阅了有关台账，对其取得成绩予以肯定。', true],
    ['康产业等领域合作。中方将推动建立中国—中东欧国家电子商务合作对话机制。', true],
    ['春风化雨，润物无声。近30年来，全国工会送温暖活动从最初面向困难职工。', false],
    ['各位同事！今年起，中国开始实施经济社会发展第十四个五年规划。', false],
    ['为了让更多非企业职工、灵活就业人员纳入保障范围，各级工会采取措施。', false],
    // A numbered point opens a paragraph however short its first sentence.
    ['一是服务国家人民。从巩固发展中国特色社会主义的要求出发，提出加强党的领导。', false],
    ['三是深入开展调研。教育部党组成员带队分赴各地开展调研。', false],
  ])('startsMidSentence(%s) = %s', (text, expected) => {
    expect(startsMidSentence(text)).toBe(expected);
  });

  test.each([
    // Only the stronger signs count without the short-first-sentence test.
    ['送温暖资金。山东省总工会还设立1000万元服务保障资金。', true, false],
    ['新年新气象。围绕水灾中暴露出的薄弱环节，寿光市开展了水利建设大会战。', true, false],
    ['阅了有关台账，对其取得成绩予以肯定。', true, true],
    ['，要求各市、县两级纪委监委参照省里的做法。', true, true],
  ])('startsMidSentence(%s) = %s, without short first sentences %s', (text, all, strong) => {
    expect(startsMidSentence(text)).toBe(all);
    expect(startsMidSentence(text, false)).toBe(strong);
  });

  test.each([
    ['全总慰问团留下深深的温暖印记。（本报记者集体采写）', '（本报记者集体采写）'],
    ['该平台将于近期在商务部网站上线。(据新华社北京1月26日电)', '(据新华社北京1月26日电)'],
    ['携手构建开放型世界经济、建设新型国际关系。（讲话全文另发）', null],
  ])('trailingCredit(%s)', (text, credit) => {
    const at = trailingCredit(text);
    expect(at < 0 ? null : text.slice(at)).toBe(credit);
  });
});

describe('closing credits', () => {
  // Notes that end People's Daily articles (what follows them is a new article).
  test.each([
    ['（新华社北京1月4日电\u00a0\u00a0记者任卫东、姜伟超）', true],
    ['（本报华盛顿1月16日电  记者吴乐珺、胡泽曦、郑琪）', true],
    ['（据新华社伦敦电\u00a0\u00a0记者张家伟）', true],
    ['（摘编自1月13日《学习时报》）', true],
    ['(据新华社北京1月26日电)', true],
    ['（讲话全文另发）', false],
    ['（二〇二〇年一月十八日  内比都）', false],
    ['（国际时评）', false],
  ])('isSourceNote(%s) = %s', (text, expected) => expect(isSourceNote(text)).toBe(expected));

  test.each([
    ['（作者为中央音乐学院党委书记）', true],
    ['（作者单位：北京市第二中级人民法院）', true],
    ['（本报记者倪弋、彭波、徐隽、张璁、魏哲哲）', true],
    ['（执笔：董\u00a0\u00a0涛）', true],
    ['（本报记者  张  璁整理）', true],
    ['版式设计：沈亦伶  张丹峰', true],
    ['制图：边纪红（新华社发）', true],
    ['制图：要用好数据，讲清道理', false],
    ['制图：蔡华伟', true],
    ['（一）', false],
    ['（国际时评）', false],
    ['制图：本报记者在现场看到的情况说明如下。', false],
    // Photo and picture credits printed as lines of their own.
    ['计海新摄（影像中国）', true],
    ['王鸿义  陈严雪摄影报道（影像中国）', true],
    ['曹  一图  卜  拉文', true],
    // A picture handed out by an agency or supplied by an organisation, on a line of its own.
    ['新华社发', true],
    ['布隆迪大学孔子学院供图', true],
    ['农民专业合作社发展迅速', false],
    // A brief's author in bare brackets, but not a column tag, a note or a number.
    ['（吴秋余）', true],
    ['（亓 创 高 超）', true],
    ['（今日谈）', false],
    ['（讲话全文另发）', false],
    ['（二十）', false],
    // Reporters of any outlet, long lists, nested brackets in an author note.
    ['人民网记者 白真智', true],
    ['（本报记者王昊男、高炳、朱磊、刘成友、范昊天、李刚、蒋云龙、任江华、魏本貌、史自强、李茂颖）', true],
    ['（作者为中央党校（国家行政学院）习近平新时代中国特色社会主义思想研究中心研究员）', true],
    // Page furniture: editors, contact lines.
    ['统筹：黄  超', true],
    ['本版制图：沈亦伶', true],
    ['电子信箱：rmrbgjfk@163.com', true],
    // A section name is not a byline.
    ['图片报道', false],
    ['新闻报道', false],
  ])('isByline(%s) = %s', (text, expected) => expect(isByline(text)).toBe(expected));

  test.each([
    ['数据来源：中国五冶集团有限公司', true],
    ['图片由中科院国家天文台副研究员黎耕提供', true],
    ['图片由他提供，真实性存疑。', false],
    ['本版图片来源：影像中国', true],
    ['数据来源于国家统计局，经整理。', false],
  ])('isSourceNote(%s) = %s', (text, expected) => expect(isSourceNote(text)).toBe(expected));

  test.each([
    ['把稳增长放在更突出位置（人民时评）', true],
    ['精准扶贫“瓦吉瓦”（好得很）', true],
    ['铜镜文化的魅力(文物有话说)', true],
    ['——李延萍代表（重庆市中医院副院长）', false],
    ['计海新摄（影像中国）', false],
    ['（吴秋余）', false],
    ['中共中央国务院关于抓好重点工作的意见（2020年1月2日）', false],
    ['携手共谱合作新篇章', false],
  ])('hasColumnName(%s) = %s', (text, expected) => expect(hasColumnName(text)).toBe(expected));

  test('a long author note glued to the last paragraph is split off', () => {
    const text = '只有让人踩在我的肩膀上。（作者为中国文联副主席、中国民间文艺家协会主席）';
    expect(text.slice(trailingCredit(text))).toBe('（作者为中国文联副主席、中国民间文艺家协会主席）');
  });
});

describe('cut heads versus headlines', () => {
  test.each([
    ['南非“电荒”的', true],
    ['高小山1988年曾赴美国得克萨斯大学', false],
    ['2019年9月，新', false],
    ['供给和需求是', true],
    ['先有标准化，才能涨身价', false],
    ['凝心聚力，继往开来', false],
    // Adverbs and prepositions bind too (…邹雨宸就 / …王殿元先与), as do a numeral and measure word.
    ['2014年，刚满18岁的邹雨宸就', true],
    ['那天傍晚，班长王殿元先与', true],
    ['对外开放是实现东北振兴的一个', true],
    // A bound character that ends a content word ends the line (取向, 小将, 目的), an ordinal too (第一位).
    ['保持定力，坚持稳健取向', false],
    ['棋后居文君迎战俄罗斯小将', false],
    ['把人民群众生命安全和身体健康放在第一位', false],
    // A function word still binds (关于, 以及).
    ['各地出台政策关于', true],
  ])('endsOnBoundChar(%s) = %s', (text, expected) => expect(endsOnBoundChar(text)).toBe(expected));

  test.each([
    ['2014年，刚满18岁的邹雨宸就', true],
    ['2月3日一早，由沈阳盛实医疗科技', true],
    ['2018年底，中央政治局', true],
    ['前不久，北京市律师协会', true],
    // A kicker handing over to its headline with a dash, and headlines with no comma after the date.
    ['5月22日，有关部委负责人走上“部长通道”——', false],
    ['2020年元旦献词', false],
    ['三月春风暖人心，十里桃花迎客来', false],
  ])('opensWithTimeClause(%s) = %s', (text, expected) => expect(opensWithTimeClause(text)).toBe(expected));

  test.each([
    ['在山东，省', true],
    ['如今的“老板娘”，曾经是贫困', true],
    ['总之，只要我们坚持', true],
    ['先有标准化，才能涨身价', false],
    ['科技助力花生变身，产业链条向纵深延展', false],
    ['凝心聚力，继往开来', false],
    ['携手共谱合作新篇章', false],
  ])('isUnevenClause(%s) = %s', (text, expected) => expect(isUnevenClause(text)).toBe(expected));

  test.each([
    ['小花生“长”成大产业（田间追踪高质量）', true],
    ['广州以“三旧”改造为抓手，为高质量发展腾挪新空间，实现“老城市新活力”——', true],
    ['——湖北2025年工会互助保障民生实事超额完成', true],
    ['立案网上办  开庭不见面', true],
    ['黄鹤楼下，江城武', false],
    ['存这么多花生秧', false],
  ])('hasHeadlineMark(%s) = %s', (text, expected) => expect(hasHeadlineMark(text)).toBe(expected));

  test('the page bigram model counts the pair a column break splits', () => {
    const pairs = pageCharPairs(['武汉市民在江城武汉过年。', '黄鹤楼下，江城武', '汉。当天晚上']);
    expect(junctionCount('黄鹤楼下，江城武', '汉。当天晚上', pairs)).toBe(2);
    expect(junctionCount('携手共谱合作新篇章', '我们要深化农业合作', pairs)).toBe(0);
    // Characters beyond the BMP (rare names: 𠙶) are one character each, at either side of the break.
    const rare = pageCharPairs(['李𠙶𠙶同志，', '李𠙶', '𠙶同志']);
    expect(junctionCount('李𠙶 ', '  𠙶同志', rare)).toBe(1);
    expect(junctionCount('见李', '𠙶同志', rare)).toBe(2);
    expect(junctionCount('\n', '𠙶', rare)).toBe(0);
  });

  test.each<[string[], number, string]>([
    // Short pieces cut at a column end read on into the next column.
    [['黄鹤楼下，江城武', '汉。当天晚上10时左右，由一百多名医护人员组成的医疗队抵达武汉。'], 0, 'body'],
    [['供给和需求是', '市场经济内在关系的两个基本方面，是既对立又统一的辩证关系。'], 0, 'body'],
    [['在山东，省', '委、省政府进行顶层设计，并在财政上给予支持。'], 0, 'body'],
    // Real headlines stay headlines.
    [['先有标准化，才能涨身价', '走进付寨乡章寨村的花生地，刚刚收获的花生整齐地摆放成行。'], 0, 'title'],
    [['小花生“长”成大产业（田间追踪高质量）', '“过了这门，就到俺正阳了！”司机师傅话音刚落。'], 0, 'title'],
  ])('%j block %i is %s', (blocks, at, role) => expect(roleIn(blocks, at)).toBe(role));

  test.each([
    // A column name may follow a question or exclamation, and may close three short clauses.
    ['当前货币政策取向怎么看？（财经眼·稳金融三问①）', true],
    ['战斗“吃劲”，还得铆劲！（来自疫情防控一线的报道）', true],
    ['治理黄河，重在保护，要在治理（声音）', true],
    // A quoted headline may hold an exclamation.
    ['“敬礼！你们是虞城的骄傲”', true],
    // Without the tag or quotes the same shapes are sentences.
    ['当前货币政策取向怎么看？还要看数据', false],
    ['治理黄河，重在保护，要在治理', false],
    ['“敬礼！你们是虞城的骄傲，我们代表家乡人民，欢迎你们回家！', false],
  ])('looksLikeHeading(%s) = %s', (text, expected) => expect(looksLikeHeading(text)).toBe(expected));

  test.each([
    ['“做埃中友好的传颂者”', true],
    ['“用上了自己国家的油，我们非常自豪”', true],
    ['“这些年，学校多次扩建，教学楼由3层变成5层。”', false],
    ['“加力培育交通服务、家政服务、网络视', false],
    ['“冷资源”变“热经济”', false],
  ])('isQuotedHeadline(%s) = %s', (text, expected) => expect(isQuotedHeadline(text)).toBe(expected));

  test.each([
    ['二、积极推进基层综合行政执法改革', true],
    ['（三）强化基层执法队伍建设', true],
    ['一是加强组织领导', false],
    ['第二，聚焦互联互通', false],
    ['二、积极推进基层综合行政执法改革，坚持问题导向，强化乡镇和街道的统一指挥和统筹协调职责。', false],
    ['三、建立健全基层的', false],
    // The parts of a code, numbered with circled digits.
    ['②物权编', true],
  ])('isNumberedHeading(%s) = %s', (text, expected) => expect(isNumberedHeading(text)).toBe(expected));

  test.each<[string, number | null, string | null]>([
    ['三、', 3, '二、'],
    ['(十一)', 11, '(十)'],
    ['二十、', 20, '十九、'],
    ['12.', 12, '11.'],
    ['一、', 1, null],
    ['⑦', 7, '⑥'],
    ['①', 1, null],
  ])('ordinal %s has value %s and follows %s', (ord, value, previous) => {
    expect(ordinalValue(ord)).toBe(value);
    expect(previousOrdinal(ord)).toBe(previous);
  });

  test.each([
    ['2.65亿平方米违法建设', null],
    ['2. 需提供的相关附件证明材料', '2.'],
    ['第二，聚焦互联互通', '第二'],
    ['③合同编', '③'],
  ])('ordinalOf(%s) = %s', (text, expected) => expect(ordinalOf(text)).toBe(expected));
});

describe('word seams', () => {
  // Column ends cut words (generated pages from the People's Daily corpus);
  // a line that ends where it should does not run on into the next.
  test.each([
    ['家是社会的细胞，也是温暖的港', '湾。无论是防控期间', true],
    ['唐康林练得起劲，也引起了朋友的注', '意。', true],
    ['严格执行传染病防治法及其实施条', '例、野生动物保护法', true],
    ['会议并发表重', '要讲话。他强调', true],
    // A break between two words leaves no trace here (the reflow has other cues).
    ['综合分析国内', '形势和国际背景', false],
    ['我们必须', '坚定信念', false],
    // Headlines, finished sentences and clauses end on a word's end.
    ['保持定力，坚持稳健取向', '近期，欧洲央行重启QE', false],
    ['织密互助保障网 荆楚职工享温暖', '——湖北2025年工会互助保障民生实事超额完成', false],
    ['全面拉开复工复产大幕。', '中国五冶快速绘制', false],
    ['网络直播带来新变化', '本报记者 张 洋', false],
    // Only Han characters on both sides of the seam count.
    ['抵御风险的“第二医保”。2025', '年，湖北将其纳入', false],
    ['询问身体健康状况、', '家庭收入、子女就学等情况。', false],
  ])('%s | %s → %s', (before, after, crosses) => {
    expect(crossesWord(before, after)).toBe(crosses);
  });
});

describe('block roles', () => {
  const body = '习近平强调,当前中国正朝着全面建成社会主义现代化强国、实现第二个百年奋斗目标迈进,越南也开启民族发展新纪元。';
  test.each<[string[], number, string]>([
    [['应习近平邀请 乌拉圭总统奥尔西将访华', '新华社北京1月26日电 应国家主席习近平邀请,乌拉圭东岸共和国总统奥尔西将于2月1日至7日对中国进行国事访问。'], 0, 'title'],
    [['应习近平邀请 乌拉圭总统奥尔西将访华', '新华社北京1月26日电 应国家主席习近平邀请,乌拉圭东岸共和国总统奥尔西将于2月1日至7日对中国进行国事访问。'], 1, 'lead'],
    [['织密互助保障网 荆楚职工享温暖', '——湖北2025年工会互助保障民生实事超额完成', body], 1, 'subtitle'],
    [[body, '(据新华社北京1月26日电)'], 1, 'source'],
    [[body, '（新华社北京2月9日电）'], 1, 'source'],
    [[body, '本报（记者马学礼 通讯员闫琪）'], 1, 'byline'],
    [['习近平主持中国-中东欧国家领导人峰会并发表主旨讲话', '（上接第1版）', body], 1, 'marker'],
    [['各地工会纷纷推出就地过年服务礼包', body, '宁夏', '本报（记者马学礼 通讯员闫琪）'], 2, 'label'],
    [['与此同时,将落实境外投资者以在华取得的利润直接投资税收抵免、鼓励外商投', '\n\n1月11日,外国游客在三亚一商场内购物。(新华社发)', '资产业目录等政策措施,一视同仁支持外资企业参与提振消费。'], 1, 'caption'],
    [['恩施州构建职工互助保障体系,在全省遥遥领先。针', '\n\n武汉市东西湖区新就业形态劳动者领取省总工会定制的互助保障关爱包。', '对民营企业推出“企业分担50%+工会补助50%”模式。'], 1, 'caption'],
    [['“加力培育交通服务、家政服务、网络视', '听服务、旅居服务、入境消费等服务消费新的增长点。”郭东说。'], 0, 'body'],
    // One short sentence and its credit: a caption, not the tail of a sentence begun elsewhere.
    [['中国外交部发言人华春莹表示，中方一', '\n\n游客在景区参观游览。（新华社发）', '贯认为，联合国有关决议和“两国方案”是解决巴以问题的基础。'], 1, 'caption'],
  ])('%j block %i is %s', (blocks, at, role) => {
    expect(roleIn(blocks, at)).toBe(role);
  });

  test.each<[string[], number, string]>([
    // A kicker with commas or questions over a headline tagged with its column, at the top of the page…
    [['中小企业复工复产，哪些问题须关注？哪些行业待帮扶？', '畅通政策传导 落实优惠举措（经济新方位）', body], 0, 'title'],
    [['江苏省强化协调服务和政策支持，党员干部狠抓落实', '疫情防控复工复产两手抓（前沿观察）', body], 0, 'title'],
    // …or after a finished article, over a headline followed by its dateline.
    [[body, '去年8月洪灾造成10万大棚损毁，帮扶重建后家园再焕生机', '大棚重建 家园焕新', '新华社北京1月26日电 应国家主席习近平邀请,乌拉圭东岸共和国总统奥尔西将访华。'], 1, 'title'],
    // The same line after an unfinished paragraph, or over a plain subhead, is body text.
    [['习近平强调,当前中国正朝着全面建成社会主义现代化强国', '去年8月洪灾造成10万大棚损毁，帮扶重建后家园再焕生机', '寿光，这个春节暖暖的（一线探民生）', body], 1, 'body'],
    [[body, '江苏省强化协调服务和政策支持，党员干部狠抓落实', '两手抓', body], 1, 'body'],
    // A paragraph's head cut at a column end above the next article's headline is no kicker:
    // it stops on a bound character, or a comma splits it unevenly.
    [[body, '满负荷，连轴转！连日来，各地生产企业迅速投入生产，将', '奋力抓好“三农”工作 确保如期实现全面小康（社论）', body], 1, 'body'],
    [[body, '数字经济是大势所趋，蓬勃', '“用海河水，洗海河泥”（一线视角）', body], 1, 'body'],
    // A dash hands a kicker over to its headline, even past a full stop.
    [[body, '表格过滥，问题不小。福建从小切口入手为基层干部减负——', '省直单位取消73项报表', body], 1, 'title'],
    [[body, '银行首席经济学家连平说，有没有“放水”从以下指标也能看出——', body], 1, 'body'],
    // Numbered section headings are headings even when the page pairs their last character with the next block's first.
    [[body, '二、积极推进基层综合行政执法改革', '推进行政执法权限和力量向基层延伸和下沉，强化乡镇和街道的统一指挥。改革推进顺利。'], 1, 'title'],
    // So is a headline whose halves a space sets apart, though its last character and the next block's first pair elsewhere (当|今, 当今世界).
    [['当今世界正经历百年未有之大变局，企业发展面临新挑战。', '复工达产 央企担当', '今年以来，企业坚决贯彻部署，全力推进复工复产。'], 1, 'title'],
    // A question cut mid-word at a column end: its tail (路理念？) reads like a headline, but 思|路 is one word.
    [['问：教育现代化是赶超世界先进教育水平的过程，同时也是与时俱进的过程。两个文件提出了哪些推进教育现代化的思', '路理念？', '答：教育现代化是教育高水平的发展状态。'], 1, 'body'],
    // The next article's headline below a cut paragraph shares no word across the seam.
    [['问：教育现代化是赶超世界先进教育水平的过程，同时也是与时俱进的过程。两个文件提出了哪些推进教育现代化的思', '矿井事故救援进展如何？', '答：教育现代化是教育高水平的发展状态。'], 1, 'title'],
    // A body line cut at a column end has no such space.
    [['当今世界正经历百年未有之大变局，企业发展面临新挑战。', '复工达产，央企担当', '今年以来，企业坚决贯彻部署，全力推进复工复产。'], 1, 'body'],
    // A headline-shaped line (a balanced couplet, a quoted title) whose sentence the next block visibly picks up.
    [[body, '疫情的冲击只是短期的，我国经济长期向好的基本面', '没有变。疫情下数字经济的发展，正在见证中国经济的韧性。'], 1, 'body'],
    [[body, '村级工业园是珠三角“三来一补”背景下村村点火、户户冒烟', '的生动写照，如今成了产业高质量发展的沼泽地。'], 1, 'body'],
    [[body, '《2020年元宵节特别节目》中亦有关注每一个平凡', '个人的歌曲。歌曲《你有多美》抒发了对白衣天使的赞美。'], 1, 'body'],
    // The same couplet over a paragraph of its own is a subhead.
    [[body, '疫情的冲击只是短期的，我国经济长期向好的基本面', '疫情下数字经济的发展，正在见证中国经济的韧性，也在呼唤着政府服务经济的创新。'], 1, 'title'],
    // A short couplet over a column top that starts with a short sentence stays a headline.
    [[body, '凝心聚力，继往开来', '最紧迫的任务。中国愿同中东欧国家团结协作、合力应对。'], 1, 'title'],
    // A dash line under its headline is a deck; under a finished paragraph, an item of a dash
    // list, unless it names a speaker (an attribution).
    [['千年羊城正青春', '——广州以“三旧”改造为抓手，实现“老城市新活力”', body], 1, 'subtitle'],
    [[body, '——白云区太和镇大源村，已搬走数年的村民徐育英，再回来时已认', '不出自己的家乡：旧村整治未及半年，原本“脏乱差”的桥底变身公园式绿道。'], 1, 'body'],
    [[body, '——李宝荣委员（国务院副秘书长、国家机关事务管理局局长）', body], 1, 'subtitle'],
  ])('before assembly, %j block %i is %s', (blocks, at, role) => {
    expect(firstRoleIn(blocks, at)).toBe(role);
  });
});

describe('reflow', () => {
  const joinsOf = (...blocks: string[]) => layoutOf(page(...blocks)).joins.map((j) => [j.from, j.to]);
  test.each<[string[], number[][]]>([
    [['习近平强调,越南也开启民族发展新纪元。我们必须', '坚定信念、守正创新,防范化解各类风险挑战。'], [[0, 1]]],
    [['郭嘉昆说,访问期间,习近平主席将与奥尔', '西总统举行会谈,就深化中乌全面战略伙伴关系深入交换意见。'], [[0, 1]]],
    [['被职工亲切称为抵御风险的“第二医保”。2025', '年,湖北将其纳入全省十大民生项目清单。'], [[0, 1]]],
    // Across a caption set off by blank lines.
    [['与此同时,将落实境外投资者以在华取得的利润直接投资税收抵免、鼓励外商投', '\n\n1月11日,外国游客在三亚一商场内购物。(新华社发)', '资产业目录等政策措施,一视同仁支持外资企业参与提振消费。'], [[0, 2]]],
    // Never across a finished sentence.
    [['习近平和苏林并互致新春问候,祝福两国人民幸福安康。', '郭嘉昆说,这是奥尔西总统首次对中国进行国事访问。'], []],
    // Not into a dateline that opens another item.
    [['该书通过23篇采访实录,讲述了与一线职', '新华社北京1月26日电 中华全国总工会组织编写的新书近日出版。'], []],
    // A cut head that looks like a headline still joins the column it runs into.
    [['现阶段，特朗普政府的对外政策再次引发关注。', '美国总统特朗', '普表态强硬，威胁可能对伊朗采取行动。'], [[1, 2]]],
    // A number running on across the break is not a numbered point (2.65亿).
    [['一边向', '2.65亿平方米违法建设“亮剑”，力争3年拆除。'], [[0, 1]]],
    // A column that begins with the last words of a paragraph (参赛。), past another article's column.
    [
      ['社火大赛今年规模空前，各地社火队伍踊跃报名，有100支社火队伍参与海选，共2万人', '春运返程客流明显回升', '记者从铁路部门获悉，春运返程客流明显回升，各地车站秩序井然。', '参赛。', '比赛将持续到正月十五，获奖队伍将参加全省展演。'],
      [[0, 3]],
    ],
  ])('%j joins %j', (blocks, expected) => {
    expect(joinsOf(...blocks)).toEqual(expected);
  });

  test('alternating columns: each break is continued by its own article, not by the block below it', () => {
    // Two articles printed in alternating columns: the block below each break
    // (after the first) is the other article's continuation.
    const blocks = [
      '黄河流域生态保护迎来新进展',
      '沿黄九省区持续推进黄河流域生态保护和高质量发展，黄河干流水质稳定向好，流域内湿地面积逐年增加，黄河',
      '冬季冰雪运动热度持续攀升',
      '今冬以来，北方多地滑雪场客流明显增长，冰雪运动进校园活动广泛开展，青少年滑雪培训报名人数创下',
      '三角洲湿地鸟类种类明显增多。黄河流域各地加强水土保持，黄河含沙量持续下降，黄河生态',
      '新高。滑雪场纷纷推出冰雪运动体验课程，冰雪运动装备销售火热，冰雪运动正成为群众冬季健身',
      '保护成效显著，黄河流域湿地生态持续改善。',
      '的新时尚，冰雪运动带动冰雪旅游升温。',
    ];
    expect(joinsOf(...blocks)).toEqual([[1, 4], [3, 5], [4, 6], [5, 7]]);
  });

  test('a plain next paragraph continues the break before a later block on the same subject', () => {
    const blocks = [
      '习近平强调,当前中国正朝着全面建成社会主义现代化强国迈进,越南也开启民族发展新纪元。我们必须',
      '坚定信念、守正创新,防范化解各类风险挑战,共同捍卫社会主义事业。',
      '苏林感谢中共中央致电祝贺越共十四大胜利召开,重点介绍了越共十四',
      '大的主要成果,表示越南愿在新征程上同中方携手并肩。',
    ];
    expect(joinsOf(...blocks)).toEqual([[0, 1], [2, 3]]);
  });

  test('a summary bullet is not joined to the paragraph whose clause it repeats', () => {
    // Summary bullets print without a full stop and copy a clause of the body:
    // the copy is the bullet's source, not its continuation (generated page 45).
    const blocks = [
      '■ 要在党中央集中统一领导下，始终把人民群众生命安全和身体健康放在第一位，全面提高依法防控、依法治理能力',
      '新华社北京2月5日电 中央全面依法治国委员会5日下午召开第三次会议，习近平主持会议并发表重',
      '要讲话。他强调，要在党中央集中统一领导下，始终把人民群众生命安全和身体健康放在第一位，全面提高依法防控、依法治理能力。',
    ];
    expect(joinsOf(...blocks)).toEqual([[1, 2]]);
  });

  test('a continuation that repeats a set phrase of the cut paragraph still joins when a word runs across the seam', () => {
    // Official prose repeats set phrases longer than the copied-run length; the
    // seam (新时|代) shows the block goes on with the cut sentence (generated page 1062).
    const blocks = [
      '党的十九届四中全会为新时代全面深化改革提供了根本遵循。如何坚持方向不变、道路不偏、力度不减，推动新时',
      '代改革开放走得更稳、走得更远？回答好如何坚持方向不变、道路不偏、力度不减，推动改革向纵深发展这一问题，是理论界的重要课题。',
    ];
    expect(joinsOf(...blocks)).toEqual([[0, 1]]);
  });

  test('order-preserving match prefers the non-crossing pairing with the best total', () => {
    const options = [
      [{ block: 28, score: 0.1, mid: false }, { block: 50, score: 0.26, mid: true }],
      [{ block: 46, score: 0.14, mid: true }, { block: 50, score: 0.22, mid: true }],
    ];
    expect(orderPreservingMatch(options)).toEqual([[0, 28], [1, 50]]);
  });

  test('order-preserving match rejoins both breaks with a weak continuation rather than one with a strong', () => {
    // Alternating columns: block 5 (below break 1) continues break 0; break 1's own
    // continuation sits below a finished paragraph and scores low. Every paragraph
    // cut mid-sentence goes on somewhere, so both joins beat the single best one.
    const options = [
      [{ block: 5, score: 0.3, mid: false }],
      [{ block: 5, score: 0.32, mid: false }, { block: 6, score: 0, mid: true }],
    ];
    expect(orderPreservingMatch(options)).toEqual([[0, 5], [1, 6]]);
  });
});

describe.each(seeds)('seed %s', (name) => {
  const text = seedText(name);
  const layout = layoutOf(text);
  const g = gold[name];

  test('is lossless', () => assertLossless(text, layout));

  test('has the annotated number of articles', () => expect(layout.articles.length).toBe(g.articles.length));

  test('puts every block in the right article (B-cubed F1 ≥ 0.95)', () => {
    const predicted = new Map<number, number>();
    layout.articles.forEach((a, n) => a.paragraphs.forEach((p) => p.blocks.forEach((b) => predicted.set(b, n))));
    const truth = new Map(g.articles.flatMap((blocks, n) => blocks.map((b) => [b, n] as [number, number])));
    expect(bCubed(predicted, truth).f1).toBeGreaterThanOrEqual(0.95);
  });

  test('rejoins every column break and no other', () => {
    expect(layout.joins.map((j) => [j.from, j.to])).toEqual(g.joins);
  });

  test('recognises the captions', () => {
    expect(layout.roles.flatMap((r, i) => (r === 'caption' ? [i] : []))).toEqual(g.captions);
  });

  test('joined paragraphs read without a gap', () => {
    for (const a of layout.articles) {
      for (const p of a.paragraphs) {
        const joined = p.spans.map((s) => text.slice(s.start, s.end)).join('');
        expect(joined).not.toMatch(/\n/);
      }
    }
  });
});

describe('article boundaries', () => {
  const articlesOf = (...blocks: string[]) => layoutOf(page(...blocks)).articles.map((a) => a.paragraphs.flatMap((p) => p.blocks));

  test.each<[string, string[], number[][]]>([
    [
      "an editor's note keeps its sign-off (——编者) when the next article's headline follows it",
      [
        '干部不松劲 脱贫“四不摘”（深度关注）',
        '脱贫摘帽不是终点，而是新生活、新奋斗的起点。本版今起推出系列报道，敬请关注。',
        '——编 者',
        '锻造永不撤退的工作队',
        '本报记者 张 枨',
        '5月，内蒙古赤峰市阿鲁科尔沁旗，鲜花盛开，牛羊遍野。今年3月，当地正式退出贫困县序列。',
      ],
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
    ],
    [
      "an interview's questions stay in the interview, however far an answer strays from what came before",
      [
        '绘制新时代加快推进教育现代化建设教育强国的宏伟蓝图',
        '新华社北京2月23日电 近日，中共中央、国务院印发了《中国教育现代化2035》，教育部负责人就有关情况回答了记者提问。',
        '问：请介绍一下《中国教育现代化2035》编制的背景和意义。',
        '答：制定教育现代化文件，是党中央、国务院作出的重大战略部署，是加快教育现代化的重要举措。',
        '问：乡村学校的老师们怎样留得住、教得好？',
        '答：要提高乡村教师工资待遇，落实住房、津贴和职称评聘倾斜政策，让他们安心扎根。各地可以通过定向培养、轮岗交流等办法补充年轻力量，同时借助网络课堂让偏远村小的孩子也能上好音乐、美术和英语课，缩小城乡差距。',
      ],
      [[0, 1, 2, 3, 4, 5]],
    ],
    [
      'a section that repeats a set phrase of its article is not a summary of it',
      [
        '坚持和完善中国特色社会主义制度',
        '党的十九届四中全会审议通过的决定，着眼于坚持和完善中国特色社会主义制度、推进国家治理体系和治理能力现代化，作出了全面部署。我们要深刻认识制度优势，把制度优势更好转化为治理效能。',
        '把制度优势转化为治理效能',
        '把制度优势更好转化为治理效能，是坚持和完善中国特色社会主义制度、推进国家治理体系和治理能力现代化的必然要求。各地区各部门要在制度执行上下功夫，健全权威高效的制度执行机制，加强对制度执行的监督，坚决杜绝做选择、搞变通、打折扣的现象，让制度优势在治理实践中充分彰显。',
      ],
      [[0, 1, 2, 3]],
    ],
    [
      'numbered parts of one report stay together, each with a two-line heading and its own closing credit',
      [
        '民法典：社会生活百科全书',
        '①总则编',
        '健全民事权利体系',
        '总则编规定了民事活动必须遵循的基本原则和一般性规则，统领民法典各分编，确立了平等、自愿、公平、诚信等基本原则，为民事主体行使权利提供了基本遵循。',
        '（本报记者 徐 隽采访整理）',
        '②物权编',
        '平等保护公私产权',
        '物权编在一般规定中直接体现物权平等的原则，完善了住宅建设用地使用权期限届满自动续期的规定，回应了群众关切，让人民群众有恒产、有恒心，安居乐业。',
        '（本报记者 孟祥夫采访整理）',
      ],
      [[0, 1, 2, 3, 4, 5, 6, 7, 8]],
    ],
    [
      "a reporter's notes printed under a report go with it, though tagged like a column",
      [
        '全国人大代表走进社区倾听群众心声',
        '本报北京5月20日电 （记者张三）全国两会召开前夕，多位全国人大代表走进社区，倾听群众对社区治理、养老服务和就业创业的意见建议。',
        '代表们详细了解社区养老服务中心的运行情况，与社区居民面对面交流，记录下群众关心的养老、就业和社区治理问题，表示将把群众心声带到全国两会上。',
        '时刻把履职放在心上（记者手记）',
        '采访中，记者看到代表们走进社区，认真倾听群众对养老服务、社区治理的意见建议，一字一句记在本子上。代表们说，履职就是把群众心声带到全国两会上，让养老、就业这些群众关心的问题得到回应。',
      ],
      [[0, 1, 2, 3, 4]],
    ],
    [
      'a headline tagged with its column name opens an article even on the same subject',
      [
        '春节假期全国旅游市场平稳有序',
        '春节假期，全国旅游市场平稳有序，各地景区推出丰富多彩的年俗活动，游客在旅游中感受浓浓年味。',
        '旅游市场持续升温，各地景区客流明显增长，乡村旅游、冰雪旅游成为春节假期旅游新亮点。',
        '让游客在旅游中感受年味（今日谈）',
        '春节假期，旅游市场红红火火，游客在各地景区感受年俗文化。旅游让年味更浓，也让文化更有温度。',
      ],
      [[0, 1, 2], [3, 4]],
    ],
    [
      'a kicker above a new headline goes with it, not with the article before',
      [
        '春节假期全国旅游市场平稳有序',
        '春节假期，全国旅游市场平稳有序，各地景区推出丰富多彩的年俗活动，游客在旅游中感受浓浓年味。',
        '吉林大学地球探测科学与技术学院原教授黄大年——',
        '潜心科研 开启国家深地时代（最美奋斗者）',
        '黄大年是著名战略科学家，长期致力于地球物理研究，为我国深地探测事业作出重大贡献。',
      ],
      [[0, 1], [2, 3, 4]],
    ],
    [
      'a label over a short photo story signed by its photographer opens an article',
      [
        '春节假期全国旅游市场平稳有序',
        '春节假期，全国旅游市场平稳有序，各地景区推出丰富多彩的年俗活动，游客在旅游中感受浓浓年味。',
        '旅游市场持续升温，各地景区客流明显增长，乡村旅游、冰雪旅游成为春节假期旅游新亮点。',
        '图片报道',
        '春节假期，游客在景区观看年俗表演，感受浓浓年味。',
        '计海新摄（影像中国）',
      ],
      [[0, 1, 2], [3, 4, 5]],
    ],
    [
      'a label after an article closed by its credit opens the next one',
      [
        '春节假期全国旅游市场平稳有序',
        '春节假期，全国旅游市场平稳有序，各地景区推出丰富多彩的年俗活动，游客在旅游中感受浓浓年味。',
        '（本报记者集体采写）',
        '黄公望的雪',
        '1349年正月，时年81岁的黄公望为友人画了一幅《雪山图》，画中群山覆雪，寒林萧疏，一派冬日景象。',
      ],
      [[0, 1, 2], [3, 4]],
    ],
    [
      'a numbered section heading goes back to the article with the section before it',
      [
        '关于推进基层整合审批服务执法力量的实施意见',
        '一、综合设置基层审批服务机构',
        '统筹优化和综合设置乡镇和街道党政机构、事业单位，强化乡镇和街道党（工）委领导作用，构建简约精干的基层组织架构。',
        '棚户区改造实现“安居”梦',
        '本报记者  张  洋',
        '玻璃擦得透亮，窗帘换洗一新，年货堆满厨房，冬日暖阳下，几株三角梅、长寿花争相开放，居民正在扫房除尘。',
        '二、整合基层网格管理和指挥平台',
        '将上级部门在基层设置的多个网格整合为一个综合网格，依托村（社区）合理划分基本网格单元。',
      ],
      [[0, 1, 2, 6, 7], [3, 4, 5]],
    ],
    [
      'a photo credit line stays with its photo story',
      [
        '市民选购年货',
        '近日，北京市民在年货大集上选购年货，各类商品琳琅满目，现场人气旺盛。',
        '郭俊锋摄（影像中国）',
      ],
      [[0, 1, 2]],
    ],
  ])('%s', (_, blocks, expected) => {
    expect(articlesOf(...blocks)).toEqual(expected);
  });
});

describe('seed specifics', () => {
  test('a search for 奥尔西 and 2025年 finds the rejoined text', () => {
    const text = seedText('000_9544aa7ef02d880a.txt');
    const paragraphs = layoutOf(text).articles.flatMap((a) => a.paragraphs.map((p) => p.spans.map((s) => text.slice(s.start, s.end)).join('')));
    expect(paragraphs.some((p) => p.includes('习近平主席将与奥尔西总统'))).toBe(true);
    expect(paragraphs.some((p) => p.includes('“第二医保”。2025年,湖北'))).toBe(true);
  });

  test('the 送温暖 roundup ends with its collective byline as a separate paragraph', () => {
    const text = seedText('003_4e107e2df6e33d71.txt');
    const bylines = layoutOf(text).articles.flatMap((a) => a.paragraphs.filter((p) => p.kind === 'byline'));
    expect(bylines.map((p) => text.slice(p.spans[0].start, p.spans[0].end))).toContain('（本报记者集体采写）');
  });

  test('text continued from page 1 starts at its marker', () => {
    const text = seedText('003_4e107e2df6e33d71.txt');
    const speech = layoutOf(text).articles.find((a) => a.paragraphs.some((p) => p.blocks.includes(54)))!;
    const order = speech.paragraphs.flatMap((p) => p.blocks);
    expect(order.indexOf(53)).toBeLessThan(order.indexOf(18));
  });
});

describe('property: readPage on arbitrary text', () => {
  const pieces = fc.constantFrom(
    '习近平强调,当前中国正朝着全面建成社会主义现代化强国迈进。我们必须',
    '坚定信念、守正创新。',
    '（上接第1版）',
    '(据新华社北京1月26日电)',
    '本报（记者马学礼 通讯员闫琪）',
    '宁夏',
    '凝心聚力，继往开来',
    '1月11日,外国游客在三亚一商场内购物。(新华社发)',
    '——湖北2025年工会互助保障民生实事超额完成',
    '全总慰问团留下深深的温暖印记。（本报记者集体采写）',
    '3',
    '———',
  );
  const line = fc.oneof(pieces, fc.string({ maxLength: 40 }), fc.string({ unit: fc.constantFrom('工', '会', '，', '。', '、', '“', '”', '（', '）', ' ', '\u3000', 'a', '1'), maxLength: 60 }));
  const pageText = fc.array(fc.tuple(line, fc.integer({ min: 1, max: 4 })), { maxLength: 30 }).map((parts) =>
    parts.map(([l, gap]) => l + '\n'.repeat(gap)).join(''),
  );

  test('never throws and stays lossless', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const layout = readPage(text, splitBlocks(text));
        assertLossless(text, layout);
        expect(layout.roles.length).toBe(splitBlocks(text).length);
      }),
      { numRuns: 300 },
    );
  });
});
