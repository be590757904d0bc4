import type { FigureKind } from '../../shared/types.ts';

/**
 * What a figure measures, from the words next to it. The table is general welfare
 * vocabulary (insurance, mutual aid, relief, visits); the nearest matching keyword
 * on either side of the figure, within its clause, wins, and on a tie the earlier
 * (more specific) row wins.
 */
export type CaseScope = 'aggregate' | 'individual';

interface MetricRule {
  pattern: RegExp;
  kinds: FigureKind[];
  /** Metric name, or a function of the matched words (for 服务保障资金-style nouns). */
  metric: string | ((matched: string, scope: CaseScope, mutualAid: boolean) => string);
  /** Only look on this side (a fund noun names the figure it follows: 1000万元服务保障资金). */
  side?: 'after';
}

/** What one person received: the payout side of an individual case. */
export const INDIVIDUAL_PAYOUT = '个案互助金';
const INDIVIDUAL_BENEFIT = '个案获助金额';
/** Costs of an individual case (the side a payout is paired with). */
export const CASE_COST_METRICS = new Set(['医疗费用', '个人自付']);
export const CASE_PAYOUT_METRICS = new Set([INDIVIDUAL_PAYOUT, INDIVIDUAL_BENEFIT]);

const payout = (aggregate: string) => (_: string, scope: CaseScope, mutualAid: boolean) =>
  scope === 'individual' ? (mutualAid ? INDIVIDUAL_PAYOUT : INDIVIDUAL_BENEFIT) : aggregate;

const MONEY: FigureKind[] = ['money'];
const RULES: MetricRule[] = [
  { pattern: /个人自付|自付|个人承担|个人负担|仍需承担|需承担|自费/, kinds: MONEY, metric: '个人自付' },
  { pattern: /医疗(总)?费用|医药费|治疗费|住院费|总费用|花费|医疗支出/, kinds: MONEY, metric: '医疗费用' },
  { pattern: /会费/, kinds: MONEY, metric: '会费' },
  { pattern: /保费|缴费|每份|一份|(购买|投保).{0,12}(保障|保险|险)/, kinds: MONEY, metric: '保费' },
  { pattern: /慰问金|慰问款/, kinds: MONEY, metric: '慰问金' },
  { pattern: /送温暖/, kinds: MONEY, metric: '送温暖资金' },
  { pattern: /筹措|筹集|募集|募捐/, kinds: MONEY, metric: '筹措资金' },
  { pattern: /补助|补贴|资助/, kinds: MONEY, metric: '补助金额' },
  { pattern: /救助金|帮扶金|困难补助金/, kinds: MONEY, metric: payout('救助金') },
  // A named fund on either side: 投入帮扶资金42.1亿元, 1000万元服务保障资金.
  { pattern: /(帮扶|救助|专项|慰问|服务保障)(资金|基金|经费)/, kinds: MONEY, metric: (m) => m },
  { pattern: /理赔|赔付/, kinds: MONEY, metric: payout('理赔金额') },
  { pattern: /互助金|互助保障金/, kinds: MONEY, metric: payout('互助金发放金额') },
  // A named fund: 1000万元服务保障资金, 帮扶资金, 专项经费.
  { pattern: /^的?[\u4e00-\u9fa5]{0,4}(资金|基金|经费|善款)/, kinds: MONEY, metric: (m) => m.replace(/^的/, ''), side: 'after' },
  { pattern: /获赠|获得|领取|申领|到账|发放|送去|救助金|帮扶金/, kinds: MONEY, metric: payout('发放金额') },
  { pattern: /参保|投保|入保|参加.{0,6}保障/, kinds: ['person_times'], metric: '参保人次' },
  { pattern: /参保|投保|入保|参加.{0,6}保障/, kinds: ['people'], metric: '参保人数' },
  { pattern: /参保|投保|入保|参加.{0,6}保障/, kinds: ['organisations'], metric: '参保单位数' },
  { pattern: /慰问|看望|走访|探望|送温暖|送清凉/, kinds: ['person_times'], metric: '慰问人次' },
  { pattern: /发放|领取|申领|获得|受益|赔付|理赔|救助|获助/, kinds: ['person_times'], metric: '发放人次' },
  { pattern: /(赠送|获赠|免费).{0,12}(保障|保险|险)/, kinds: ['people'], metric: '获赠保障人数' },
  { pattern: /慰问|看望|走访|探望|送温暖|送清凉/, kinds: ['people'], metric: '慰问职工人数' },
  { pattern: /受益|救助|帮扶|资助|补助|惠及/, kinds: ['people'], metric: '受助人数' },
  { pattern: /慰问|看望|走访|探望|送温暖/, kinds: ['households'], metric: '慰问户数' },
  { pattern: /救助|帮扶|资助|补助|惠及/, kinds: ['households'], metric: '帮扶户数' },
  { pattern: /完成.{0,6}目标|目标.{0,4}完成|完成率/, kinds: ['percent'], metric: '目标完成率' },
];

export interface MetricContext {
  /** Clause text before the figure (back to the previous figure or clause start). */
  before: string;
  /** Clause text after the figure (up to the next figure or clause end). */
  after: string;
  kind: FigureKind;
  scope: CaseScope;
  /** The sentence is about mutual-aid insurance (互助), which names individual payouts. */
  mutualAid: boolean;
}

/** The metric a figure measures, or null when its words say nothing we know. */
export function detectMetric(c: MetricContext): string | null {
  let best: { distance: number; rank: number; metric: string } | null = null;
  RULES.forEach((rule, rank) => {
    if (!rule.kinds.includes(c.kind)) return;
    const hits = [rule.side === 'after' ? null : nearestBefore(rule.pattern, c.before), nearestAfter(rule.pattern, c.after)];
    for (const hit of hits) {
      if (!hit) continue;
      if (best && (hit.distance > best.distance || (hit.distance === best.distance && rank >= best.rank))) continue;
      const metric = typeof rule.metric === 'string' ? rule.metric : rule.metric(hit.matched, c.scope, c.mutualAid);
      best = { distance: hit.distance, rank, metric };
    }
  });
  return (best as { metric: string } | null)?.metric ?? null;
}

function nearestBefore(pattern: RegExp, text: string): { distance: number; matched: string } | null {
  const global = new RegExp(pattern.source, 'g');
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(global)) last = m;
  return last ? { distance: text.length - (last.index + last[0].length), matched: last[0] } : null;
}

function nearestAfter(pattern: RegExp, text: string): { distance: number; matched: string } | null {
  const m = pattern.exec(text);
  return m ? { distance: m.index, matched: m[0] } : null;
}
