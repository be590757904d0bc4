import { findPlaces, isInside, lineage, type Place } from '../regions.ts';

/** A region named in a paragraph: a place, or a “whole X” phrase (全省, 全州) resolved to one. */
export interface RegionMention {
  offset: number;
  display: string;
  /** Null for 全国 (national). */
  place: Place | null;
}

/** 全省 / 全市 / 全州 …; not 全市场, 全区域. */
const WHOLE = /全(省|市|州|区|县|盟|旗|国)(?![场域间段面])/g;

const WHOLE_MATCHES: Record<string, (p: Place) => boolean> = {
  省: (p) => p.level === 'province',
  市: (p) => p.name.endsWith('市'),
  州: (p) => p.name.endsWith('州'),
  区: (p) => p.name.endsWith('区'),
  县: (p) => p.name.endsWith('县'),
  盟: (p) => p.name.endsWith('盟'),
  旗: (p) => p.name.endsWith('旗'),
};

/**
 * Regions named in `paragraph`, in order. Places in short quotations (brands, slogans:
 * “湖北工会”APP) are dropped. 全省/全市/全州 resolve to the nearest place named before
 * them at that level, else to the article's region at that level, else to the article's
 * region itself (a best effort: “the whole city” of an article about a province).
 */
export function regionMentions(paragraph: string, articleRegion: Place | null): RegionMention[] {
  const places = findPlaces(paragraph, articleRegion ? [articleRegion.code] : []).filter((m) => !m.quoted);
  const mentions: RegionMention[] = places.map((m) => ({ offset: m.offset, display: m.place.display, place: m.place }));
  for (const m of paragraph.matchAll(WHOLE)) {
    if (places.some((p) => m.index >= p.offset && m.index < p.offset + p.length)) continue; // 全州县 is a place
    const level = m[1];
    if (level === '国') {
      mentions.push({ offset: m.index, display: '全国', place: null });
      continue;
    }
    const matches = WHOLE_MATCHES[level];
    const earlier = places.filter((p) => p.offset < m.index).reverse().map((p) => p.place);
    const resolved =
      [...earlier, ...(articleRegion ? [articleRegion] : [])].flatMap((p) => lineage(p)).find(matches) ?? articleRegion;
    if (resolved) mentions.push({ offset: m.index, display: resolved.display, place: resolved });
  }
  return mentions.sort((a, b) => a.offset - b.offset);
}

export interface RegionQuery {
  offset: number;
  sentenceStart: number;
  /** One person's story: refine to the most specific place named for them. */
  individual: boolean;
  /** Inside a quotation: the speaker is often named after it. */
  quoted: boolean;
}

/**
 * The region a figure refers to: the nearest region named before it in its sentence;
 * else the paragraph's topic (the first region named in the paragraph before it); for
 * quotes and personal stories, else the first named after it; else the article's region.
 */
export function regionOf(q: RegionQuery, mentions: RegionMention[], articleRegion: Place | null): string | null {
  const before = mentions.filter((m) => m.offset < q.offset);
  const inSentence = before.filter((m) => m.offset >= q.sentenceStart);
  let chosen: RegionMention | undefined = inSentence.at(-1) ?? before[0];
  if (!chosen && (q.quoted || q.individual)) chosen = mentions.find((m) => m.offset > q.offset);
  if (chosen && q.individual && chosen.place) {
    // 天门某单位职工 … 中互会湖北省办事处审核, 该职工领取…: the patient's own place is the
    // most specific one named for the story, not the office that processed the claim.
    const outer = chosen.place;
    const inner = before.filter((m) => m.place && isInside(m.place, outer)).at(-1);
    if (inner) chosen = inner;
  }
  return chosen?.display ?? articleRegion?.display ?? null;
}
