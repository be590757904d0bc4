import type { FigureKind } from '../../shared/types.ts';

/**
 * Measure words that make a number a figure, longest first. A number with no unit is
 * not a figure (dates, durations, hotlines and names fall out here: 2025年, 7个工作日,
 * 12351热线, 17+1大于18). 个 is deliberately absent: with it come 五个坚决, 两个一百年,
 * 7个工作日; only 个百分点 keeps it.
 */
export interface UnitSpec {
  /** As written after the number (and multiplier). */
  written: string;
  /** Unit recorded on the figure. */
  unit: string;
  kind: FigureKind;
  /** Following characters that turn the unit character into another word (家长, 项目). */
  notBefore?: RegExp;
}

const UNITS: UnitSpec[] = [
  { written: '个百分点', unit: '百分点', kind: 'other' },
  { written: '百分点', unit: '百分点', kind: 'other' },
  { written: '摄氏度', unit: '摄氏度', kind: 'other' },
  { written: '℃', unit: '摄氏度', kind: 'other' },
  { written: '家单位', unit: '家', kind: 'organisations' },
  { written: '人次', unit: '人次', kind: 'person_times' },
  { written: '美元', unit: '美元', kind: 'money' },
  { written: '欧元', unit: '欧元', kind: 'money' },
  { written: '港元', unit: '港元', kind: 'money' },
  { written: '日元', unit: '日元', kind: 'money' },
  { written: '英镑', unit: '英镑', kind: 'money' },
  { written: '平方米', unit: '平方米', kind: 'other' },
  { written: '立方米', unit: '立方米', kind: 'other' },
  { written: '千瓦时', unit: '千瓦时', kind: 'other' },
  { written: '公里', unit: '公里', kind: 'other' },
  { written: '千米', unit: '千米', kind: 'other' },
  { written: '元', unit: '元', kind: 'money', notBefore: /^[旦素首宵]/ },
  { written: '人', unit: '人', kind: 'people' },
  { written: '名', unit: '名', kind: 'people', notBefore: /^[单义称誉额]/ },
  { written: '位', unit: '位', kind: 'people', notBefore: /^[置于数]/ },
  { written: '家', unit: '家', kind: 'organisations', notBefore: /^[长庭属乡园具电居人中里]/ },
  { written: '户', unit: '户', kind: 'households', notBefore: /^[口外籍型]/ },
  { written: '份', unit: '份', kind: 'items', notBefore: /^[额子]/ },
  { written: '件', unit: '件', kind: 'items' },
  { written: '场', unit: '场', kind: 'items', notBefore: /^[所景地馆合]/ },
  { written: '列', unit: '列', kind: 'items' },
  { written: '条', unit: '条', kind: 'items', notBefore: /^[件例款约]/ },
  { written: '剂', unit: '剂', kind: 'items' },
  { written: '篇', unit: '篇', kind: 'items' },
  { written: '项', unit: '项', kind: 'items', notBefore: /^目/ },
  { written: '款', unit: '款', kind: 'items', notBefore: /^项/ },
  { written: '类', unit: '类', kind: 'items', notBefore: /^[似型别]/ },
  { written: '次', unit: '次', kind: 'items', notBefore: /^[日年]/ },
  { written: '%', unit: '%', kind: 'percent' },
  { written: '％', unit: '%', kind: 'percent' },
  { written: '倍', unit: '倍', kind: 'other' },
  { written: '吨', unit: '吨', kind: 'other' },
  { written: '亩', unit: '亩', kind: 'other' },
];

/** The unit written at `at`, if any. */
export function unitAt(text: string, at: number): UnitSpec | null {
  for (const spec of UNITS) {
    if (!text.startsWith(spec.written, at)) continue;
    if (spec.notBefore?.test(text.slice(at + spec.written.length, at + spec.written.length + 1))) continue;
    return spec;
  }
  return null;
}

/**
 * Nouns for people after a bare count (40万新就业形态劳动者, 4亿以上中等收入群体): the
 * count is of people even though no measure word is written.
 */
const PEOPLE_NOUN = /^[^\s，,。；;：:、！？!?“”"（）()\d]{0,8}?(劳动者|职工|工人|农民工|员工|人员|人口|群体|会员|骑手|家庭)/;

/** True when a bare number is followed by a noun phrase naming people. */
export function countsPeople(following: string): boolean {
  return PEOPLE_NOUN.test(following);
}
