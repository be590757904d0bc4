import { isOneOf } from './numbers.ts';

/**
 * Datelines: 新华社北京1月26日电, 本报北京2月9日电, (据新华社北京1月26日电),
 * 本报上海3月1日讯. Recognised by their shape — an agency or paper, a place,
 * a date, then 电 or 讯 — so that any agency and any place work.
 */

/** An agency or paper (…社, …报, …网, …台) and a place of up to ten characters, ending where the date starts. */
const DATELINE_HEAD = /(?:社|报|网|台)[\u4e00-\u9fa5·]{0,10}$/;
/** After 电 these make another word (1月26日电话会议), so it is not a dateline. */
const NOT_DATELINE_AFTER = '话视子报影力池脑网器商梯站缆线费台气信动厂量源路流能表车';

/** Whether the date at [start, end) of `t` is the date of a dateline. */
export function isDatelineAt(t: string, start: number, end: number): boolean {
  const mark = t[end];
  if (mark !== '电' && mark !== '讯') return false;
  if (mark === '电' && isOneOf(NOT_DATELINE_AFTER, t[end + 1])) return false;
  const lineStart = t.lastIndexOf('\n', start - 1) + 1;
  const head = t.slice(Math.max(lineStart, start - 16), start);
  return DATELINE_HEAD.test(head);
}
