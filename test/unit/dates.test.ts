import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  extractArticleDates,
  extractDates,
  fiveYearPlanStart,
  joinColumnBreaks,
  type DateMention,
} from '../../src/pipeline/dates.ts';

import { scanDateExpressions, scanDatelines } from '../../src/pipeline/dates/scan.ts';

type Expected = Pick<DateMention, 'start' | 'end' | 'precision' | 'kind'> & { approximate?: boolean; dateline?: boolean };

const A000 = '2026-01-26'; // seed 000: 新华社北京1月26日电
const A003 = '2021-02-09'; // seed 003: 本报北京2月9日电

/** The mention whose text is exactly `expr`, failing loudly when there is none. */
function mentionOf(text: string, anchor: string | null, expr: string, lastYear?: number): DateMention {
  const { mentions } = extractDates(text, { anchor, lastYear });
  const m = mentions.find((x) => x.text === expr);
  if (!m) throw new Error(`no mention "${expr}" in ${JSON.stringify(mentions.map((x) => x.text))}`);
  return m;
}

function expectMention(m: DateMention, e: Expected): void {
  expect({ start: m.start, end: m.end, precision: m.precision, kind: m.kind }).toEqual({
    start: e.start,
    end: e.end,
    precision: e.precision,
    kind: e.kind,
  });
  expect(m.approximate).toBe(e.approximate ?? false);
  expect(m.dateline ?? false).toBe(e.dateline ?? false);
}

const day = (d: string, more: Partial<Expected> = {}): Expected => ({ start: d, end: d, precision: 'day', kind: 'event', ...more });
const month = (m: string, more: Partial<Expected> = {}): Expected => ({ start: m, end: m, precision: 'month', kind: 'event', ...more });
const year = (y: string, more: Partial<Expected> = {}): Expected => ({ start: y, end: y, precision: 'year', kind: 'event', ...more });

// Every dated expression of seed 000, in the sentence it appears in (column breaks closed).
const SEED_000: [string, string, Expected][] = [
  ['新华社北京1月26日电 1月26日下午,中共中央总书记、国家主席习近平同越共中央总书记苏林通电话。', '1月26日', day('2026-01-26', { dateline: true })],
  ['新华社北京1月26日电 1月26日下午,中共中央总书记、国家主席习近平同越共中央总书记苏林通电话。', '1月26日下午', day('2026-01-26')],
  ['新华社北京1月26日电 应国家主席习近平邀请,乌拉圭东岸共和国总统奥尔西将于2月1日至7日对中国进行国事访问。外交部发言人郭嘉昆26日在例行记者会上介绍了有关情况。', '2月1日至7日', { start: '2026-02-01', end: '2026-02-07', precision: 'day', kind: 'period' }],
  ['新华社北京1月26日电 应国家主席习近平邀请,乌拉圭东岸共和国总统奥尔西将于2月1日至7日对中国进行国事访问。外交部发言人郭嘉昆26日在例行记者会上介绍了有关情况。', '26日', day('2026-01-26')],
  ['新华社北京1月26日电 中华全国总工会组织编写的《习近平与一线职工朋友们》,近日由中国工人出版社出版,在全国发行。', '近日', { start: '2026-01-12', end: '2026-01-26', precision: 'day', kind: 'event', approximate: true }],
  ['2026年,我国将如何提振消费、支持外贸创新发展、拓展双向投资新空间?', '2026年', year('2026')],
  ['在国务院新闻办公室1月26日举行的新闻发布会上,商务部有关负责人回应外界关切。', '1月26日', day('2026-01-26')],
  ['商务部市场运行和消费促进司司长杨斌说,2026年,将优化实施消费品以旧换新', '2026年', year('2026')],
  ['据介绍,商务部将在今年组织开展20多场“购在中国”专题活动', '今年', year('2026')],
  ['商务部对外贸易司司长王志华表示,2026年商务部将多措并举全力稳住外贸基本盘', '2026年', year('2026')],
  ['王志华说,2026年将完善跨境服务贸易负面清单管理制度', '2026年', year('2026')],
  ['“2026年,中国将坚定不移推进高水平对外开放', '2026年', year('2026')],
  ['“2026年,我们将坚定不移扩大高水平对外开放,着力塑造吸引外资新优势。”', '2026年', year('2026')],
  ['1月11日,外国游客在三亚一商场内购物。(新华社发)', '1月11日', day('2026-01-11')],
  ['(据新华社北京1月26日电)', '1月26日', day('2026-01-26', { dateline: true })],
  ['——湖北2025年工会互助保障民生实事超额完成', '2025年', year('2025')],
  ['2025年6月,荆门杨女士确诊乳腺癌恶性肿瘤', '2025年6月', month('2025-06')],
  ['2025年1月,湖北省政府在十大民生项目中郑重承诺', '2025年1月', month('2025-01')],
  ['截至2025年12月31日,全省共有11650家单位185.7万人次参保', '截至2025年12月31日', day('2025-12-31', { kind: 'as_of' })],
  ['被职工亲切称为抵御风险的“第二医保”。2025年,湖北将其纳入全省十大民生项目清单', '2025年', year('2025')],
  ['2025年9月,他在送餐途中不慎摔倒受伤', '2025年9月', month('2025-09')],
  ['新就业形态劳动者是扩面攻坚的重点群体。2025年,湖北省总工会联合中国职工保险互助会', '2025年', year('2025')],
  ['截至2025年底,全市已有超900家单位、16万余人次参保', '截至2025年底', day('2025-12-31', { kind: 'as_of' })],
  ['2025年全州2000余家单位超33万人次完成参保', '2025年', year('2025')],
  ['“不用来回跑。”2025年,他因疾病住院治疗', '2025年', year('2025')],
  ['2025年,湖北在全国首批上线中互会“三合一”业务管理信息系统', '2025年', year('2025')],
  ['同时,今年湖北还优化保障产品供给', '今年', year('2026')],
  ['从2025年开始,省总工会还探索开展会员服务活动', '2025年', year('2025')],
  ['截至目前,累计发放救助慰问金15.08万元', '截至目前', day('2026-01-26', { kind: 'as_of', approximate: true })],
  ['武钢资源集团大冶铁矿有限公司为1695名职工参保,2025年缴纳会费23万余元,当年就理赔42万元。', '2025年', year('2025')],
  ['武钢资源集团大冶铁矿有限公司为1695名职工参保,2025年缴纳会费23万余元,当年就理赔42万元。', '当年', year('2025')],
];

// Every dated expression of seed 003.
const SEED_003: [string, string, Expected][] = [
  ['本报北京2月9日电（记者郑莉）新春佳节将至，全国总工会办公厅日前下发通知', '2月9日', day('2021-02-09', { dateline: true })],
  ['本报北京2月9日电（记者郑莉）新春佳节将至，全国总工会办公厅日前下发通知', '新春佳节将至', { start: '2021-01-29', end: '2021-02-11', precision: 'day', kind: 'event', approximate: true }],
  ['本报北京2月9日电（记者郑莉）新春佳节将至，全国总工会办公厅日前下发通知', '日前', { start: '2021-01-26', end: '2021-02-09', precision: 'day', kind: 'event', approximate: true }],
  ['对于春节期间安排就地过年职工工作的用人单位，督促其依法支付加班工资。', '春节期间', { start: '2021-02-11', end: '2021-02-17', precision: 'day', kind: 'period', approximate: true }],
  ['春节临近，宁夏回族自治区各级工会在开展元旦春节送温暖活动的同时', '春节临近', { start: '2021-01-29', end: '2021-02-11', precision: 'day', kind: 'event', approximate: true }],
  ['吴忠市总工会针对春节期间坚守岗位工作岗位的困难职工、一线职工开展慰问活动。', '春节期间', { start: '2021-02-11', end: '2021-02-17', precision: 'day', kind: 'period', approximate: true }],
  ['截至2月8日，宁夏各级工会筹措资金1618.59万元，慰问职工55896名。', '截至2月8日', day('2021-02-08', { kind: 'as_of' })],
  ['1月27日，在山东省济南市送温暖的全总经费审查委员会主任李尧钟一行步履匆匆', '1月27日', day('2021-01-27')],
  ['三九寒冬，青海高原滴水成冰。1月13日至15日，全总副主席、青海省总工会主席马吉孝率送温暖慰问团一行', '1月13日至15日', { start: '2021-01-13', end: '2021-01-15', precision: 'day', kind: 'period' }],
  ['中方计划今后5年从中东欧国家进口累计价值1700亿美元以上的商品', '今后5年', { start: '2021', end: '2025', precision: 'year', kind: 'period', approximate: true }],
  ['我们要深化农业合作，争取实现未来5年中国从中东欧国家的农产品进口额翻倍', '未来5年', { start: '2021', end: '2025', precision: 'year', kind: 'period', approximate: true }],
  ['“现在身体怎么样？家里还有什么困难？”2020年12月22日，在江苏省苏州市送温暖的全总副主席', '2020年12月22日', day('2020-12-22')],
  ['以2021年“中国—中东欧国家合作绿色发展环境保护年”为契机', '2021年', year('2021')],
  ['峰会发表了《2021年中国—中东欧国家合作北京活动计划》和《中国—中东欧国家领导人峰会成果清单》。', '2021年', year('2021')],
  ['各位同事！今年起，中国开始实施经济社会发展第十四个五年规划，开启全面建设社会主义现代化国家新征程。', '今年', year('2021')],
  ['各位同事！今年起，中国开始实施经济社会发展第十四个五年规划，开启全面建设社会主义现代化国家新征程。', '第十四个五年规划', { start: '2021', end: '2025', precision: 'year', kind: 'period' }],
  ['希望大家通过今天的会议集思广益、建言献策', '今天', day('2021-02-09')],
  ['（新华社北京2月9日电）', '2月9日', day('2021-02-09', { dateline: true })],
  ['2021年新年前夕，全总书记处书记王俊冶一行来到河南省漯河市困难职工、劳动模范身边', '2021年新年前夕', day('2020-12-31', { approximate: true })],
  ['站在“十四五”的新起点上，“娘家人”陪伴职工群众将温暖旅程一路驶向春天。', '十四五', { start: '2021', end: '2025', precision: 'year', kind: 'period' }],
  ['同9年前相比，中国同中东欧国家贸易额增长近85%', '9年前', year('2012')],
  ['寒潮赶不上“娘家人”送温暖的脚步。1月6日，民建中央副主席、全总副主席张少琴一行赶赴上海。', '1月6日', day('2021-01-06')],
  ['从岁末到年初，全总副主席、书记处书记蔡振华率全总送温暖慰问团', '从岁末到年初', { start: '2020-12', end: '2021-02', precision: 'month', kind: 'period', approximate: true }],
];

describe('extractDates: every dated expression of seed 000 (anchor 2026-01-26)', () => {
  test.each(SEED_000)('%s → %s', (text, expr, expected) => expectMention(mentionOf(text, A000, expr), expected));
});

describe('extractDates: every dated expression of seed 003 (anchor 2021-02-09)', () => {
  test.each(SEED_003)('%s → %s', (text, expr, expected) => expectMention(mentionOf(text, A003, expr), expected));
});

// The forms issue 5 lists, and their neighbours, outside the seeds' sentences.
const GRAMMAR: [string, string | null, string, Expected][] = [
  ['二〇二一年十二月，职工代表大会召开。', null, '二〇二一年十二月', month('2021-12')],
  ['一九四九年十月一日，中华人民共和国成立。', null, '一九四九年十月一日', day('1949-10-01')],
  ['２０２０年１２月２２日，慰问团出发。', null, '２０２０年１２月２２日', day('2020-12-22')],
  ['发布时间 2020-12-10，全文如下。', null, '2020-12-10', day('2020-12-10')],
  ['2021—2025年，全省将新建服务站500个。', null, '2021—2025年', { start: '2021', end: '2025', precision: 'year', kind: 'period' }],
  ['2025年1—6月，全省参保人数增长。', null, '2025年1—6月', { start: '2025-01', end: '2025-06', precision: 'month', kind: 'period' }],
  ['活动于3月13—15日举行。', '2025-03-20', '3月13—15日', { start: '2025-03-13', end: '2025-03-15', precision: 'day', kind: 'period' }],
  ['12月28日至1月3日，慰问团走访了5个城市。', '2021-01-10', '12月28日至1月3日', { start: '2020-12-28', end: '2021-01-03', precision: 'day', kind: 'period' }],
  ['2020年12月至2021年2月，开展专项行动。', null, '2020年12月至2021年2月', { start: '2020-12', end: '2021-02', precision: 'month', kind: 'period' }],
  ['2025年上半年，全市发放互助金300万元。', null, '2025年上半年', { start: '2025-01', end: '2025-06', precision: 'month', kind: 'period' }],
  ['前三季度增长明显。2025年前三季度，全市实现增长。', null, '2025年前三季度', { start: '2025-01', end: '2025-09', precision: 'month', kind: 'period' }],
  ['2025年一季度，订单回升。', null, '2025年一季度', { start: '2025-01', end: '2025-03', precision: 'month', kind: 'period' }],
  ['3月上旬，春耕开始。', '2025-03-20', '3月上旬', { start: '2025-03-01', end: '2025-03-10', precision: 'day', kind: 'period' }],
  ['2025年初，项目启动。', null, '2025年初', { start: '2025-01', end: '2025-02', precision: 'month', kind: 'event', approximate: true }],
  ['去年底，全省共有会员300万人。', '2021-02-09', '去年底', month('2020-12', { approximate: true })],
  ['今年6月，政策正式实施。', '2021-02-09', '今年6月', month('2021-06')],
  ['去年，全省职工收入增长。', '2021-02-09', '去年', year('2020')],
  ['明年将继续推进。', '2021-02-09', '明年', year('2022')],
  ['2012年以来，双方贸易额增长近85%。', '2021-02-09', '2012年以来', { start: '2012', end: '2021', precision: 'year', kind: 'period' }],
  ['今年以来，全市新增就业岗位1万个。', '2021-05-09', '今年以来', { start: '2021', end: '2021', precision: 'year', kind: 'period' }],
  ['截至2025年6月，全省共建成驿站100个。', null, '截至2025年6月', month('2025-06', { kind: 'as_of' })],
  ['截至发稿时，救援仍在进行。', '2021-02-09', '截至发稿时', day('2021-02-09', { kind: 'as_of', approximate: true })],
  ['“十三五”期间，全国脱贫人口近1亿。', null, '十三五', { start: '2016', end: '2020', precision: 'year', kind: 'period' }],
  ['第一个五年计划期间，全国建成大批工业项目。', null, '第一个五年计划', { start: '1953', end: '1957', precision: 'year', kind: 'period' }],
  ['上世纪80年代，这家工厂是全国劳模集体。', null, '上世纪80年代', { start: '1980', end: '1989', precision: 'year', kind: 'period' }],
  ['2021年春节，许多职工就地过年。', null, '2021年春节', day('2021-02-12')],
  ['2025年春节前，工会走访了困难职工。', null, '2025年春节前', { start: '2025-01-15', end: '2025-01-28', precision: 'day', kind: 'event', approximate: true }],
  ['春节，是中国人最重要的节日。', '2026-01-26', '春节', day('2026-02-17')],
  ['除夕夜，环卫工人仍在坚守。', '2021-02-09', '除夕夜', day('2021-02-11')],
  ['正月初六，企业陆续复工。', '2021-02-09', '正月初六', day('2021-02-17')],
  ['大年初一，他仍在岗位上。', '2021-02-09', '大年初一', day('2021-02-12')],
  ['中秋节前夕，工会送去月饼。', '2021-09-10', '中秋节前夕', day('2021-09-20', { approximate: true })],
  ['国庆假期，景区游客大增。', '2021-10-09', '国庆假期', { start: '2021-10-01', end: '2021-10-07', precision: 'day', kind: 'period', approximate: true }],
  ['五一劳动节前夕，全总表彰了一批劳模。', '2021-04-28', '五一劳动节前夕', day('2021-04-30', { approximate: true })],
  ['清明节期间，烈士陵园迎来祭扫高峰。', '2021-04-06', '清明节期间', { start: '2021-04-04', end: '2021-04-06', precision: 'day', kind: 'period', approximate: true }],
  ['昨天，市总工会召开会议。', '2021-02-09', '昨天', day('2021-02-08')],
  ['本月，工会将开展专项检查。', '2021-02-09', '本月', month('2021-02')],
  ['上个月，全市新增就业5000人。', '2021-01-09', '上个月', month('2020-12')],
  ['岁末年初，各级工会开展送温暖活动。', '2021-02-09', '岁末年初', { start: '2020-12', end: '2021-02', precision: 'month', kind: 'period', approximate: true }],
  ['市场主体总数较上年底增长13.8%。', '2019-10-11', '上年底', month('2018-12', { approximate: true })],
  ['力争年底前全部完工。', '2021-02-09', '年底', month('2021-12', { approximate: true })],
  ['新华社北京26日电 会议在京举行。', '2026-01-26', '26日', day('2026-01-26', { dateline: true })],
  ['本报上海3月1日讯（记者张三）', '2025-03-01', '3月1日', day('2025-03-01', { dateline: true })],
  ['1月13日，慰问团到达西宁；15日，慰问团返回。', '2021-02-09', '15日', day('2021-01-15')],
  ['12月22日，慰问团到达苏州。', '2021-02-09', '12月22日', day('2020-12-22')],
  ['2020年12月22日到达苏州，1月6日到达上海。', null, '1月6日', day('2021-01-06')],
];

describe('extractDates: the grammar', () => {
  test.each(GRAMMAR)('%s (anchor %s) → %s', (text, anchor, expr, expected) => expectMention(mentionOf(text, anchor, expr), expected));
});

// Not dates: none of these substrings may be inside a mention.
const NOT_DATES: [string, string][] = [
  ['7个工作日就到账了。', '7个工作日'],
  ['近30年来，全国工会送温暖活动从最初面向困难职工', '近30年来'],
  ['累计为1.74万人次发放互助金2907.5万元。', '2907.5万元'],
  ['全省共有11650家单位185.7万人次参保', '11650家'],
  ['中方计划今后5年从中东欧国家进口累计价值1700亿美元以上的商品', '1700亿'],
  ['服务升级不仅体现在流程简化，更体现在主动作为的“暖心举措”。', '体现在'],
  ['组织同吃年夜饭、线上拜大年、小型联欢会等活动', '年夜饭'],
  ['宁夏', '宁夏'],
  ['冬日里的荆楚大地，无时无刻见证着工会与职工的“双向奔赴”', '冬日'],
  ['在三剑客农业股份有限公司、际华三五一五皮革皮鞋有限公司等企业', '三五一五'],
  ['越南一定能够完成越共十四大提出的各项目标任务，早日实现越南“两个一百年”奋斗目标。', '两个一百年'],
  ['越南一定能够完成越共十四大提出的各项目标任务，早日实现', '早日'],
  ['如今一年期满，这份关乎百万职工切身利益的民生承诺', '一年期满'],
  ['在开展元旦春节送温暖活动的同时', '元旦春节'],
  ['保障就地过年职工过一个安定祥和的春节。', '春节'],
  ['各国领导人纷纷向中国人民拜年，祝愿中国人民新春快乐，牛年吉祥。', '新春快乐，牛年'],
  ['做好节日期间劳动关系风险隐患排查预警', '节日期间'],
  ['要用好12351职工维权服务热线平台等载体', '12351'],
  ['我们本着“17+1大于18”的信念', '17+1大于18'],
  ['该平台将于近期在商务部网站上线。', '近期'],
  ['这座古城有2000年历史。', '2000年'],
  ['工资按13月薪发放。', '13月'],
  ['一月一次的例会照常举行。', '一月'],
  ['他住院30日内完成报销。', '30日'],
  ['节日前夕，工会走访慰问。', '日前'],
  ['不同年龄段的职工都有参与。', '同年'],
  ['美好的明天等着我们。', '明天'],
  ['要融入青少年终身学习体系。', '年终'],
  ['第十五届运动会在十五个城市举办。', '十五'],
];

describe('extractDates: not dates', () => {
  test.each(NOT_DATES)('%s ∌ %s', (text, word) => {
    const at = text.indexOf(word);
    expect(at).toBeGreaterThanOrEqual(0);
    const { mentions } = extractDates(text, { anchor: A003, lastYear: 2020 });
    const overlapping = mentions.filter((m) => m.offset < at + word.length && at < m.offset + m.length);
    expect(overlapping.map((m) => m.text)).toEqual([]);
  });
});

describe('five-year plans', () => {
  test.each([
    [1, 1953],
    [2, 1958],
    [3, 1966],
    [6, 1981],
    [10, 2001],
    [13, 2016],
    [14, 2021],
    [15, 2026],
  ])('plan %i starts in %i', (plan, start) => expect(fiveYearPlanStart(plan)).toBe(start));
});

describe('context', () => {
  test('当年 is the year last written, carried across paragraphs', () => {
    const mentions = extractArticleDates(
      [
        { id: 'p1', text: '2019年，这家企业加入互助保障。' },
        { id: 'p2', text: '当年就理赔42万元。' },
      ],
      '2021-02-09',
    );
    expect(mentions.map((m) => [m.paragraph, m.text, m.start, m.inferred])).toEqual([
      ['p1', '2019年', '2019', undefined],
      ['p2', '当年', '2019', 'last year mentioned: 2019'],
    ]);
    expect(mentions[1].sentence).toBe('当年就理赔42万元。');
  });

  test('当年 with no year before it is left out', () => {
    expect(extractDates('当年就理赔42万元。', { anchor: '2021-02-09' }).mentions).toEqual([]);
  });

  test('extractDates returns the year last stated for the next paragraph', () => {
    expect(extractDates('2019年，企业加入。2020年，企业扩面。', { anchor: null }).lastYear).toBe(2020);
    expect(extractDates('没有日期。', { anchor: null, lastYear: 2018 }).lastYear).toBe(2018);
  });

  test('a month-day without anchor takes the year last mentioned, and says so', () => {
    const m = mentionOf('1月27日，慰问团出发。', null, '1月27日', 2021);
    expect([m.start, m.inferred]).toEqual(['2021-01-27', 'last year mentioned: 2021']);
  });

  test('without anchor or year, a month-day or 近日 is left out', () => {
    expect(extractDates('1月27日，近日，今年，慰问团出发。', { anchor: null }).mentions).toEqual([]);
  });

  test('the year inferred from the anchor is recorded', () => {
    expect(mentionOf('1月27日，慰问团出发。', A003, '1月27日').inferred).toBe('anchor 2021-02-09');
    expect(mentionOf('2025年6月，慰问团出发。', A003, '2025年6月').inferred).toBeUndefined();
  });

  test('offsets point at the expression in the paragraph', () => {
    const text = '新华社北京1月26日电 1月26日下午,习近平同苏林通电话。';
    for (const m of extractDates(text, { anchor: A000 }).mentions) expect(text.slice(m.offset, m.offset + m.length)).toBe(m.text);
  });
});

describe('the seed pages against the gold file', () => {
  const gold: { seeds: { file: string; anchor: string; expressions: (Expected & { line: number; text: string })[] }[] } =
    JSON.parse(readFileSync(new URL('../fixtures/seeds-dates-gold.json', import.meta.url), 'utf8'));
  test.each(gold.seeds.map((s) => [s.file, s] as const))('%s: every gold expression, nothing else', (_file, seed) => {
    const raw = readFileSync(new URL(`../../${seed.file}`, import.meta.url), 'utf8');
    const joined = joinColumnBreaks(raw);
    let at = 0;
    const paragraphs = joined.text.split('\n').map((text) => {
      const p = { id: String(at), text };
      at += text.length + 1;
      return p;
    });
    const found = extractArticleDates(paragraphs, seed.anchor).map((m) => {
      const line = raw.slice(0, joined.source[Number(m.paragraph) + m.offset]).split('\n').length;
      const row: Record<string, unknown> = { line, text: m.text, start: m.start, end: m.end, precision: m.precision, kind: m.kind };
      if (m.approximate) row.approximate = true;
      if (m.dateline) row.dateline = true;
      return row;
    });
    expect(found).toEqual(seed.expressions);
  });
});

describe('properties', () => {
  test('the datelines found near 电 and 讯 are exactly the datelines of a whole-page scan', () => {
    const token = fc.constantFrom(
      ...'新华社 本报 人民网 电视台 北京 宁夏银川 1月26日 2月9日 2020年 12月 31日 3日 二〇二〇年 十二月 三十一日 二十六日 电 讯 话 报 \n ， 。 （ ） 据 记者 至 截至 以来 上午 号 1 2 0 年 月 日 今年 去年 春节'.split(' '),
    );
    // Digits and numerals one by one too: a scan started inside a number could read a different date.
    const char = fc.constantFrom(...'0123456789〇一二三四五六七八九十年月日号电讯至'.split(''));
    fc.assert(
      fc.property(fc.array(fc.oneof(token, char, char), { maxLength: 60 }), (tokens) => {
        const t = tokens.join('');
        expect(scanDatelines(t)).toEqual(scanDateExpressions(t).filter((e) => e.dateline));
      }),
      { numRuns: 2000 },
    );
    const seed = readFileSync('seeds/003_4e107e2df6e33d71.txt', 'utf8');
    expect(scanDatelines(seed).length).toBeGreaterThan(0);
    expect(scanDatelines(seed)).toEqual(scanDateExpressions(seed).filter((e) => e.dateline));
  });

  const chineseText = fc
    .array(fc.constantFrom(...'0123456789年月日号至到—-截至从今去当前后春节新年夕期间十四五一二三〇，。近来以宁夏体现在'.split(''), 'x', '２'), { maxLength: 60 })
    .map((cs) => cs.join(''));
  const anyText = fc.oneof(fc.string({ maxLength: 80 }), chineseText);
  const anchor = fc.option(
    fc.date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  );
  const FORMAT = { year: /^\d{4}$/, month: /^\d{4}-\d{2}$/, day: /^\d{4}-\d{2}-\d{2}$/ };

  test('never throws; offsets are inside the text and give back the expression', () => {
    fc.assert(
      fc.property(anyText, anchor, fc.option(fc.integer({ min: 1800, max: 2199 }), { nil: undefined }), (text, a, lastYear) => {
        const { mentions } = extractDates(text, { anchor: a, lastYear });
        let previousEnd = 0;
        for (const m of mentions) {
          expect(m.offset).toBeGreaterThanOrEqual(previousEnd);
          expect(m.offset + m.length).toBeLessThanOrEqual(text.length);
          expect(text.slice(m.offset, m.offset + m.length)).toBe(m.text);
          previousEnd = m.offset + m.length;
        }
      }),
      { numRuns: 500 },
    );
  });

  test('start and end are written at the precision, start ≤ end', () => {
    fc.assert(
      fc.property(chineseText, anchor, (text, a) => {
        for (const m of extractDates(text, { anchor: a }).mentions) {
          expect(m.start).toMatch(FORMAT[m.precision]);
          expect(m.end).toMatch(FORMAT[m.precision]);
          expect(m.start <= m.end).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  test('deterministic', () => {
    fc.assert(
      fc.property(anyText, anchor, (text, a) => {
        expect(extractDates(text, { anchor: a })).toEqual(extractDates(text, { anchor: a }));
      }),
      { numRuns: 200 },
    );
  });
});
