import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { extractFigures, inferArticleRegion, type FigureContext, type FigureMention } from '../../src/pipeline/figures.ts';

const HUBEI: FigureContext = { articleRegion: '湖北' };
const NINGXIA: FigureContext = { articleRegion: '宁夏' };
const NONE: FigureContext = { articleRegion: null };

/** The figure written exactly as `text` in the paragraph. */
function figure(paragraph: string, text: string, ctx = HUBEI): FigureMention {
  const found = extractFigures(paragraph, ctx).find((f) => f.text === text);
  if (!found) throw new Error(`no figure ${text} in ${JSON.stringify(extractFigures(paragraph, ctx).map((f) => f.text))}`);
  return found;
}

type Expected = Pick<FigureMention, 'value' | 'unit' | 'qualifier' | 'kind' | 'metric' | 'region'>;

// Paragraphs of the seed pages (column breaks mended) and the welfare figures in them.
const HUBEI_TOTALS = '截至2025年12月31日,全省共有11650家单位185.7万人次参保,完成年度目标的109%,累计为1.74万人次发放互助金2907.5万元。';
const HUBEI_PLEDGE = '2025年1月,湖北省政府在十大民生项目中郑重承诺:推进职工互助保障提质扩面,实现全省参保职工达170万人次。';
const JINGMEN = '荆门市通过“工会牵头、职工参与、互助共济”模式,实现了职工互助保障从无到有、从有到优的跨越式发展。截至2025年底,全市已有超900家单位、16万余人次参保,累计发放互助金315.3万元,像杨女士这样单笔获赠10万余元的案例不在少数。';
const ENSHI = '恩施州构建“全域覆盖、分层保障、精准施策”职工互助保障体系,完善机关事业单位、国企、民企“三位一体”参保格局。2025年全州2000余家单位超33万人次完成参保,5078人次领取互助金581万元,在全省遥遥领先。针对民营企业推出“企业分担50%+工会补助50%”模式,累计向民企职工补助22.75万元,大大提升了民营企业参保的积极性。';
const HUANGGANG = '“没想到我们外卖骑手能享受到免费的互助保障。”黄冈外卖骑手周师傅颇具代表性。2025年9月,他在送餐途中不慎摔倒受伤,住院花费8000多元,医保报销后个人仍需承担3800余元。';
const SHIYAN = '“原本以为申领互助金要跑多个部门、准备一大堆材料,没想到在家用手机就能办,7个工作日就到账了。”十堰市职工王某的体验,见证了互助保障服务的数字化升级。2025年,他因疾病住院治疗,医保报销后个人承担2142.42元,通过中互会数字化系统平台提交电子材料后,顺利获得1404.38元互助金。“不用来回跑,线上办理省去不少麻烦。”王某说。';
const YINGCHENG = '应城市职工冯某因急性前壁心肌梗死住院,医保统筹后仍需承担1.28万元,单位工会起初一申报了住院医疗互助金。办理过程中,市总工会工作人员发现其所患疾病还属于重大疾病范畴,及时协助增补资料,最终让冯某获得近7千元住院医疗互助金和4万元重大疾病互助金,超额覆盖个人承担部分。';
const JIANGLING = '“感谢工会组织提供了这么好的保障,这笔互助金对我来说真是雪中送炭,让我在患病期间感受到了温暖和希望。”荆州市江陵县职工刘某因患帕金森病住院治疗,产生医疗费用42.98万元,职工互助保障为他送去11.94万元互助金,有效缓解了经济压力。';
const TIANMEN = '职工互助保障的意义,不仅在于经济上的帮扶,更在于精神上的慰藉与支持。天门某单位职工因缺血性心脏病入院治疗,其医疗费用个人自付13.2万元。所在单位参加了住院医疗互助保障活动,经单位网上申报,中互会湖北省办事处审核,该职工领取住院医疗互助金9.27万元。';
const CASES = '这样的“雪中送炭”在湖北各地不断上演。宜昌某单位女职工确诊乳腺癌后,获得住院医疗、重大疾病、女职工特殊疾病三项互助金共计10.06万元。随州广水市某单位职工明某因重大疾病住院,仅住院医疗一项领取互助金6.97万元。鄂州市某单位职工朱某,患肺癌共领取住院和重疾互助金4.67万元。';
const MEMBERS = '从2025年开始,省总工会还探索开展会员服务活动。截至目前,累计发放救助慰问金15.08万元,面向新业态劳动者和户外工作者开展“送清凉、送温暖”3600余人次。';
const MINE = '武钢资源集团大冶铁矿有限公司为1695名职工参保,2025年缴纳会费23万余元,当年就理赔42万元。';
const NINGXIA_VISITS = '据介绍，宁夏各级工会为就地过年职工提供了多种暖心服务。银川市总工会开展“留银过大年·工会爱相随”慰问活动，为近7860名就地过年职工赠送新春大礼包等慰问品。吴忠市总工会针对春节期间坚守岗位工作岗位的困难职工、一线职工开展慰问活动。中卫市总工会对节日期间坚守一线的2500余名职工进行慰问。截至2月8日，宁夏各级工会筹措资金1618.59万元，慰问职工55896名。';
const SHANDONG = '山东省总工会还设立1000万元服务保障资金，用于服务保障外来务工人员留在工作地过年。';

describe('welfare figures of the seed pages', () => {
  test.each<[string, string, Expected, FigureContext?]>([
    [HUBEI_TOTALS, '11650家单位', { value: 11650, unit: '家', qualifier: 'exact', kind: 'organisations', metric: '参保单位数', region: '湖北' }],
    [HUBEI_TOTALS, '185.7万人次', { value: 1857000, unit: '人次', qualifier: 'exact', kind: 'person_times', metric: '参保人次', region: '湖北' }],
    [HUBEI_TOTALS, '109%', { value: 109, unit: '%', qualifier: 'exact', kind: 'percent', metric: '目标完成率', region: '湖北' }],
    [HUBEI_TOTALS, '1.74万人次', { value: 17400, unit: '人次', qualifier: 'exact', kind: 'person_times', metric: '发放人次', region: '湖北' }],
    [HUBEI_TOTALS, '2907.5万元', { value: 29075000, unit: '元', qualifier: 'exact', kind: 'money', metric: '互助金发放金额', region: '湖北' }],
    [HUBEI_PLEDGE, '170万人次', { value: 1700000, unit: '人次', qualifier: 'exact', kind: 'person_times', metric: '参保人次', region: '湖北' }],
    [JINGMEN, '超900家单位', { value: 900, unit: '家', qualifier: 'more_than', kind: 'organisations', metric: '参保单位数', region: '荆门市' }],
    [JINGMEN, '16万余人次', { value: 160000, unit: '人次', qualifier: 'more_than', kind: 'person_times', metric: '参保人次', region: '荆门市' }],
    [JINGMEN, '315.3万元', { value: 3153000, unit: '元', qualifier: 'exact', kind: 'money', metric: '互助金发放金额', region: '荆门市' }],
    [JINGMEN, '10万余元', { value: 100000, unit: '元', qualifier: 'more_than', kind: 'money', metric: '个案互助金', region: '荆门市' }],
    [ENSHI, '2000余家单位', { value: 2000, unit: '家', qualifier: 'more_than', kind: 'organisations', metric: '参保单位数', region: '恩施州' }],
    [ENSHI, '超33万人次', { value: 330000, unit: '人次', qualifier: 'more_than', kind: 'person_times', metric: '参保人次', region: '恩施州' }],
    [ENSHI, '5078人次', { value: 5078, unit: '人次', qualifier: 'exact', kind: 'person_times', metric: '发放人次', region: '恩施州' }],
    [ENSHI, '581万元', { value: 5810000, unit: '元', qualifier: 'exact', kind: 'money', metric: '互助金发放金额', region: '恩施州' }],
    [ENSHI, '22.75万元', { value: 227500, unit: '元', qualifier: 'exact', kind: 'money', metric: '补助金额', region: '恩施州' }],
    [HUANGGANG, '8000多元', { value: 8000, unit: '元', qualifier: 'more_than', kind: 'money', metric: '医疗费用', region: '黄冈市' }],
    [HUANGGANG, '3800余元', { value: 3800, unit: '元', qualifier: 'more_than', kind: 'money', metric: '个人自付', region: '黄冈市' }],
    [SHIYAN, '2142.42元', { value: 2142.42, unit: '元', qualifier: 'exact', kind: 'money', metric: '个人自付', region: '十堰市' }],
    [SHIYAN, '1404.38元', { value: 1404.38, unit: '元', qualifier: 'exact', kind: 'money', metric: '个案互助金', region: '十堰市' }],
    [YINGCHENG, '1.28万元', { value: 12800, unit: '元', qualifier: 'exact', kind: 'money', metric: '个人自付', region: '应城市' }],
    [YINGCHENG, '近7千元', { value: 7000, unit: '元', qualifier: 'nearly', kind: 'money', metric: '个案互助金', region: '应城市' }],
    [YINGCHENG, '4万元', { value: 40000, unit: '元', qualifier: 'exact', kind: 'money', metric: '个案互助金', region: '应城市' }],
    [JIANGLING, '42.98万元', { value: 429800, unit: '元', qualifier: 'exact', kind: 'money', metric: '医疗费用', region: '江陵县' }],
    [JIANGLING, '11.94万元', { value: 119400, unit: '元', qualifier: 'exact', kind: 'money', metric: '个案互助金', region: '江陵县' }],
    [TIANMEN, '13.2万元', { value: 132000, unit: '元', qualifier: 'exact', kind: 'money', metric: '个人自付', region: '天门市' }],
    [TIANMEN, '9.27万元', { value: 92700, unit: '元', qualifier: 'exact', kind: 'money', metric: '个案互助金', region: '天门市' }],
    [CASES, '10.06万元', { value: 100600, unit: '元', qualifier: 'exact', kind: 'money', metric: '个案互助金', region: '宜昌市' }],
    [CASES, '6.97万元', { value: 69700, unit: '元', qualifier: 'exact', kind: 'money', metric: '个案互助金', region: '广水市' }],
    [CASES, '4.67万元', { value: 46700, unit: '元', qualifier: 'exact', kind: 'money', metric: '个案互助金', region: '鄂州市' }],
    [MEMBERS, '15.08万元', { value: 150800, unit: '元', qualifier: 'exact', kind: 'money', metric: '慰问金', region: '湖北' }],
    [MEMBERS, '3600余人次', { value: 3600, unit: '人次', qualifier: 'more_than', kind: 'person_times', metric: '慰问人次', region: '湖北' }],
    [MINE, '1695名', { value: 1695, unit: '名', qualifier: 'exact', kind: 'people', metric: '参保人数', region: '湖北' }],
    [MINE, '23万余元', { value: 230000, unit: '元', qualifier: 'more_than', kind: 'money', metric: '会费', region: '湖北' }],
    [MINE, '42万元', { value: 420000, unit: '元', qualifier: 'exact', kind: 'money', metric: '理赔金额', region: '湖北' }],
    [NINGXIA_VISITS, '近7860名', { value: 7860, unit: '名', qualifier: 'nearly', kind: 'people', metric: '慰问职工人数', region: '银川市' }, NINGXIA],
    [NINGXIA_VISITS, '2500余名', { value: 2500, unit: '名', qualifier: 'more_than', kind: 'people', metric: '慰问职工人数', region: '中卫市' }, NINGXIA],
    [NINGXIA_VISITS, '1618.59万元', { value: 16185900, unit: '元', qualifier: 'exact', kind: 'money', metric: '筹措资金', region: '宁夏' }, NINGXIA],
    [NINGXIA_VISITS, '55896名', { value: 55896, unit: '名', qualifier: 'exact', kind: 'people', metric: '慰问职工人数', region: '宁夏' }, NINGXIA],
    [SHANDONG, '1000万元', { value: 10000000, unit: '元', qualifier: 'exact', kind: 'money', metric: '服务保障资金', region: '山东' }, NINGXIA],
  ])('%#: %s → %s', (paragraph, text, expected, ctx = HUBEI) => {
    expect(figure(paragraph, text, ctx)).toMatchObject(expected);
  });
});

describe('quantities, qualifiers and units', () => {
  test.each<[string, string, Partial<FigureMention>]>([
    ['累计开行3万多列。', '3万多列', { value: 30000, unit: '列', qualifier: 'more_than', kind: 'items' }],
    ['进口累计价值1700亿美元以上的商品', '1700亿美元以上', { value: 1.7e11, unit: '美元', qualifier: 'at_least', kind: 'money' }],
    ['冒着零下20多摄氏度的严寒天气', '零下20多摄氏度', { value: -20, unit: '摄氏度', qualifier: 'more_than', kind: 'other' }],
    ['进口增幅高出出口增幅22个百分点', '22个百分点', { value: 22, unit: '百分点', kind: 'other' }],
    ['贸易额增长近85%', '近85%', { value: 85, unit: '%', qualifier: 'nearly', kind: 'percent' }],
    ['共慰问三十名职工', '三十名', { value: 30, unit: '名', kind: 'people' }],
    ['为两万户困难家庭送去年货', '两万户', { value: 20000, unit: '户', kind: 'households' }],
    ['共有１８５．７万人次参保', '１８５．７万人次', { value: 1857000, unit: '人次', kind: 'person_times' }],
    ['全省共有11,650家单位参保', '11,650家单位', { value: 11650, unit: '家', kind: 'organisations' }],
    ['发放慰问金约3000元', '约3000元', { value: 3000, qualifier: 'approx' }],
    ['每人补助3000元左右', '3000元左右', { value: 3000, qualifier: 'approx' }],
    ['逾500名职工受益', '逾500名', { value: 500, qualifier: 'more_than' }],
    ['不到100户', '不到100户', { value: 100, qualifier: 'at_most', kind: 'households' }],
    ['年收入5万元以下的职工', '5万元以下', { value: 50000, qualifier: 'at_most' }],
    ['不少于200人', '不少于200人', { value: 200, qualifier: 'at_least' }],
    ['达到百分之三点五', '百分之三点五', { value: 3.5, unit: '%', kind: 'percent' }],
    ['费用为百分之五', '百分之五', { value: 5, unit: '%' }],
    ['惠及40万新就业形态劳动者', '40万', { value: 400000, unit: '人', kind: 'people' }],
    ['投入5千万元', '5千万元', { value: 5e7, unit: '元' }],
    ['修路12千米', '12千米', { value: 12, unit: '千米' }],
    ['走访慰问困难职工12.6万户', '12.6万户', { value: 126000, kind: 'households', metric: '慰问户数' }],
    ['惠及职工约35万人', '约35万人', { value: 350000, qualifier: 'approx', metric: '受助人数' }],
    ['全国工会共投入帮扶资金42.1亿元', '42.1亿元', { value: 4.21e9, metric: '帮扶资金' }],
    ['累计为困难职工发放救助金1860万元', '1860万元', { value: 1.86e7, metric: '救助金' }],
  ])('%s → %s', (paragraph, text, expected) => {
    expect(figure(paragraph, text, NONE)).toMatchObject(expected);
  });

  test('two figures with no separator are both read', () => {
    expect(extractFigures('全省共有11650家单位185.7万人次参保。', HUBEI).map((f) => [f.text, f.value])).toEqual([
      ['11650家单位', 11650],
      ['185.7万人次', 1857000],
    ]);
  });
});

describe('not figures', () => {
  test.each([
    ['十堰市总工会组织宣讲团深入基层为职工讲解互助保障政策。'],
    ['习近平祝贺越共十四大成功举行'],
    ['站在“十四五”的新起点上'],
    ['深入济南二机床集团有限公司'],
    ['在三剑客农业股份有限公司、际华三五一五皮革皮鞋有限公司等企业'],
    ['早日实现越南“两个一百年”奋斗目标'],
    ['我们本着“17+1大于18”的信念'],
    ['要用好12351职工维权服务热线平台等载体'],
    ['可拨打12345人工服务热线'],
    ['第一，直面疫情挑战'],
    ['2025年1月26日下午'],
    ['7个工作日就到账了'],
    ['近30年来，全国工会送温暖活动'],
    ['一名受益职工激动地说'],
    ['将其纳入服务支点建设“五大工程”“十件实事”一体谋划推进'],
    ['这份关乎百万职工切身利益的民生承诺'],
    ['让互助保障政策走进千家万户'],
    ['三重互助金'],
    ['支持5G基站建设'],
    ['开始实施经济社会发展第十四个五年规划'],
  ])('%s', (text) => {
    expect(extractFigures(text, HUBEI)).toEqual([]);
  });

  test('a numeral starting a place name is not a count (五家渠)', () => {
    expect(extractFigures('五家渠市3家单位参保', NONE).map((f) => f.text)).toEqual(['3家单位']);
  });
});

describe('regions', () => {
  test('全省 resolves to the article region', () => {
    expect(figure('全省参保职工达170万人次。', '170万人次').region).toBe('湖北');
  });
  test('全州 resolves to the prefecture named before, not the county 全州县', () => {
    expect(figure('恩施州构建保障体系。2025年全州2000余家单位参保。', '2000余家单位').region).toBe('恩施州');
  });
  test('全市 resolves to the city named before', () => {
    expect(figure('荆门市推进保障。全市已有超900家单位参保。', '超900家单位').region).toBe('荆门市');
  });
  test('without any place the region is the article region, or null', () => {
    expect(figure('累计发放救助慰问金15.08万元。', '15.08万元').region).toBe('湖北');
    expect(figure('累计发放救助慰问金15.08万元。', '15.08万元', NONE).region).toBeNull();
  });
  test('a quote takes the place of its speaker named after it', () => {
    const p = '“没想到申请后短短几天,10万余元互助金就到账了!”2025年6月,荆门杨女士确诊乳腺癌恶性肿瘤。';
    expect(figure(p, '10万余元').region).toBe('荆门市');
  });
  test('an individual case keeps its own place, not the office that processed it', () => {
    expect(figure(TIANMEN, '9.27万元').region).toBe('天门市');
  });
});

describe('pairing a patient cost with the payout', () => {
  test.each([
    [JIANGLING, '42.98万元', '11.94万元'],
    [SHIYAN, '2142.42元', '1404.38元'],
    [TIANMEN, '13.2万元', '9.27万元'],
    [YINGCHENG, '1.28万元', '近7千元'],
  ])('%#: %s ↔ %s', (paragraph, cost, payout) => {
    const figures = extractFigures(paragraph, HUBEI);
    const c = figures.findIndex((f) => f.text === cost);
    const p = figures.findIndex((f) => f.text === payout);
    expect(figures[c].pairWith).toBe(p);
    expect(figures[p].pairWith).toBe(c);
  });
  test('statistics are not paired', () => {
    expect(extractFigures(HUBEI_TOTALS, HUBEI).every((f) => f.pairWith === undefined)).toBe(true);
    expect(extractFigures(MINE, HUBEI).every((f) => f.pairWith === undefined)).toBe(true);
  });
});

describe('dates', () => {
  test('the date extractor is used when supplied', () => {
    const [f] = extractFigures('累计发放互助金315.3万元。', { articleRegion: '湖北', dateOf: (o) => (o === 7 ? '2025' : 'wrong') });
    expect(f.date).toBe('2025');
  });
  test('otherwise the explicit date before the figure in its sentence', () => {
    expect(figure(HUBEI_TOTALS, '2907.5万元').date).toBe('2025-12-31');
    expect(figure(MEMBERS, '15.08万元').date).toBeNull();
  });
});

describe('inferArticleRegion', () => {
  test.each<[string[], string | null]>([
    [[HUBEI_PLEDGE, JINGMEN, ENSHI, CASES], '湖北'],
    [['春节临近，宁夏回族自治区各级工会开展送温暖活动。', NINGXIA_VISITS, SHANDONG], '宁夏'],
    [[JINGMEN, '荆门市总工会还开展了慰问活动。'], '荆门市'],
    [['中国同中东欧国家贸易额增长近85%。'], null],
    [['北京、上海、广州、深圳、成都、武汉六城'], null],
  ])('%#', (texts, expected) => expect(inferArticleRegion(texts)).toBe(expected));
});

describe('properties', () => {
  const chars = '0123456789０１２.,%万亿千百十一二两三四五零下近超余多以上左右元人次名家单位户份场列第年月日“”，。十堰全省湖北荆门市ab -+';
  const text = fc.string({ unit: fc.constantFrom(...chars.split('')), maxLength: 60 });
  const anyText = fc.oneof(text, fc.string({ unit: 'grapheme', maxLength: 60 }));
  const ctx = fc.constantFrom(HUBEI, NINGXIA, NONE);

  test('never throws, offsets lie within the text and match it, values are finite', () => {
    fc.assert(
      fc.property(anyText, ctx, (t, c) => {
        for (const f of extractFigures(t, c)) {
          expect(f.offset).toBeGreaterThanOrEqual(0);
          expect(f.offset + f.length).toBeLessThanOrEqual(t.length);
          expect(t.slice(f.offset, f.offset + f.length)).toBe(f.text);
          expect(Number.isFinite(f.value)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
  test('deterministic', () => {
    fc.assert(
      fc.property(anyText, ctx, (t, c) => {
        expect(extractFigures(t, c)).toEqual(extractFigures(t, c));
      }),
      { numRuns: 200 },
    );
  });
  test('figures do not overlap and come in order; pairs are mutual', () => {
    fc.assert(
      fc.property(text, (t) => {
        const figures = extractFigures(t, HUBEI);
        figures.forEach((f, i) => {
          if (i > 0) expect(f.offset).toBeGreaterThanOrEqual(figures[i - 1].offset + figures[i - 1].length);
          if (f.pairWith !== undefined) expect(figures[f.pairWith].pairWith).toBe(i);
        });
      }),
      { numRuns: 300 },
    );
  });
});
