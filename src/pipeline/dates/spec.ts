/**
 * What the grammar reads out of a date expression before any year is
 * resolved. Keeping reading and resolving apart lets one expression (1月27日)
 * be resolved against different anchors, and lets the page-date inference
 * read datelines without an anchor.
 */
import type { EventKind } from '../../shared/types.ts';

/** Where the year of an expression comes from. */
export type YearRef =
  | { type: 'explicit'; year: number } // 2025年, 二〇二一年
  | { type: 'anchor'; offset: number } // 今年 0, 去年 −1, 明年 +1, 9年前 −9
  | { type: 'mentioned'; offset: number } // 当年/同年 0, 次年/翌年 +1: the year last written
  | { type: 'unwritten' }; // 1月26日: from the sentence, the anchor or the article

/** A part of a year or month narrower than the unit itself. */
export type PeriodPart =
  | { type: 'early' } // 年初, 月初
  | { type: 'late' } // 年底, 年末, 月底
  | { type: 'half'; half: 1 | 2 } // 上半年, 下半年
  | { type: 'quarter'; quarter: number; cumulative: boolean } // 一季度, 前三季度
  | { type: 'dekad'; dekad: 1 | 2 | 3 }; // 上旬, 中旬, 下旬

/** How a festival phrase relates to the festival day. */
export type FestivalRelation = 'on' | 'eve' | 'before' | 'during' | 'after';

export type TimeSpec =
  | { type: 'calendar'; year: YearRef; month?: number; day?: number; part?: PeriodPart }
  | { type: 'festival'; year: YearRef; festival: string; relation: FestivalRelation }
  | { type: 'lunarDay'; year: YearRef; month: number; day: number } // 正月初六, 腊月二十三
  | { type: 'yearPart'; part: 'early' | 'late'; deadline: boolean } // bare 岁末, 年初, 年底前
  | { type: 'relativeDay'; offset: number } // 今天 0, 昨天 −1
  | { type: 'relativeMonth'; offset: number } // 本月 0, 上月 −1
  | { type: 'recent' } // 日前, 近日: shortly before the anchor
  | { type: 'now' } // 目前, only after 截至
  | { type: 'fiveYearPlan'; plan: number } // 十四五, 第十四个五年规划
  | { type: 'comingYears'; years: number } // 今后5年, 未来5年
  | { type: 'decade'; start: number }; // 80年代

/** A date expression found in a text, its year not yet resolved. */
export interface DateExpression {
  offset: number;
  end: number;
  spec: TimeSpec;
  /** The end of a written range: 2月1日至7日 → 7日. */
  rangeEnd?: TimeSpec;
  kind: EventKind;
  /** 2025年以来: from the date up to the anchor. */
  since?: boolean;
  /** 新华社北京1月26日电: the date of the report itself. */
  dateline?: boolean;
}

/** A reader's result: the value read and the offset just after it. */
export interface Match<T> {
  value: T;
  end: number;
}
