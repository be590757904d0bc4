import type { Block, ParagraphKind } from '../../shared/types.ts';
import { hasColumnName, hasSidebarTag, isLabel, isNumberedHeading, ordinalOf, previousOrdinal, startsMidSentence, trailingCredit, visibleLength } from './cues.ts';
import type { Join } from './reflow.ts';
import { copiedRuns, cosine, mergeProfile, unmergeProfile, type PageModel, type Profile } from './similarity.ts';

/**
 * Similarity (idf cosine) below which a section is not taken to continue any
 * article. 0.07 against 0.06: generated pages F1 0.886 → 0.890, and 0.860 →
 * 0.869 on a second set they were not tuned on; at 0.08 seed 003's roundup splits.
 */
const NEW_ARTICLE = 0.07;
/** A fresh paragraph this unlike its article, and long enough to judge, opens a new section. */
const TOPIC_SHIFT = 0.03;
const MIN_JUDGED = 60;
/**
 * Copied runs (of DUPLICATE_RUN characters, similarity.ts) from which a section
 * quotes an article rather than continues it: 40 is a shared run of 57
 * characters, or several shorter ones. Seed 003's summit report quotes the
 * speech for 60 and stays apart; official prose repeats set phrases of 20–40
 * characters inside one article (坚持和完善中国特色社会主义制度、推进国家治理体系和治理能力现代化),
 * which split it at any copy: generated F1 0.897 → 0.904, and 0.871 → 0.877,
 * 0.858 → 0.868 on pages it was not tuned on (--from 1001 / 2001 --pages 300).
 */
const SUMMARY_COPY = 40;
/** Preference for staying in the article being read (columns are read in order). */
const CURRENT_BONUS = 0.04;
/**
 * Score lost per article opened since: columns alternate between two or three
 * articles, so one left several headlines behind is unlikely to resume.
 */
const AGE_PENALTY = 0.03;
/** Body text read under a headline before judging whose it is. */
const HEADLINE_SECTION_CHARS = 400;
/** Under this much body text a headline is not evidence of a new article. */
const MIN_HEADLINE_EVIDENCE = 100;

/** An article being reconstructed: its blocks in reading order and what it says. */
export interface ArticleDraft {
  order: number[];
  profile: Profile;
  grams: Set<string>;
  ordinals: Set<string>;
  /** Numbers of its numbered section headings (一、 …). */
  headingOrdinals: Set<string>;
  hasMarker: boolean;
  hasByline: boolean;
  hasBody: boolean;
  closed: boolean;
  /** A later article has already ended, so this one will not resume. */
  superseded: boolean;
}

export interface Assembly {
  /** Article of each block (index into `articles`). */
  articleOf: number[];
  articles: ArticleDraft[];
  /** Final roles: headlines inside an article become subheads. */
  roles: ParagraphKind[];
}

const HEADING: ReadonlySet<ParagraphKind> = new Set(['title', 'subtitle', 'subhead', 'label']);

/** A turn of a printed interview (问：… / 答：… / 记者：…). */
const INTERVIEW_TURN = /^(?:问|答|记者)[：:]/;

/**
 * Group blocks into articles in page order. Layout cues decide where they are
 * unambiguous (a headline followed by its dateline or continuation marker, a
 * source note closing an article, a column continuing a broken sentence);
 * content similarity decides where a section of blocks could belong to the
 * article being read, to one printed in an alternating column, or to none yet.
 */
export function assembleArticles(blocks: Block[], roles0: ParagraphKind[], joins: Join[], page: PageModel): Assembly {
  const { profiles, runsOf, idf } = page;
  const roles = [...roles0];
  const articleOf = blocks.map(() => -1);
  const articles: ArticleDraft[] = [];
  const joinedFrom = new Map(joins.map((j) => [j.to, j.from]));
  const joinedTo = new Map(joins.map((j) => [j.from, j.to]));
  let current = -1;

  const open = (): number => {
    articles.push({ order: [], profile: new Map(), grams: new Set(), ordinals: new Set(), headingOrdinals: new Set(), hasMarker: false, hasByline: false, hasBody: false, closed: false, superseded: false });
    return articles.length - 1;
  };
  const place = (i: number, a: number): void => {
    articleOf[i] = a;
    const art = articles[a];
    art.order.push(i);
    mergeProfile(art.profile, profiles[i]);
    const role = roles[i];
    if (role === 'marker') art.hasMarker = true;
    if (role === 'byline' || (role === 'lead' && /[（(]\s*(?:本报)?记者/.test(blocks[i].text)) || trailingCredit(blocks[i].text) >= 0) art.hasByline = true;
    if (role === 'body' || role === 'lead') {
      art.hasBody = true;
      for (const g of runsOf(i)) art.grams.add(g);
      const ord = ordinalOf(blocks[i].text);
      if (ord) art.ordinals.add(ord);
    }
    if ((role === 'title' || role === 'subhead') && isNumberedHeading(blocks[i].text)) art.headingOrdinals.add(ordinalOf(blocks[i].text)!);
    if (role === 'source' || (role === 'body' && trailingCredit(blocks[i].text) >= 0) || (role === 'byline' && art.hasBody)) {
      art.closed = true;
      // Articles read to their end before this one began will not resume.
      const begun = Math.min(...art.order);
      for (let b = 0; b < a; b++) {
        if (Math.max(...articles[b].order) < begun) articles[b].superseded = articles[b].closed = true;
      }
    }
    if (role === 'marker') art.closed = false; // text continued from another page resumes here
    current = a;
  };

  /**
   * Open an article at block `i`, taking along the headline lines printed
   * right above it (a kicker 某某——, a column label) that were read as the
   * closing subheads of the article before: nothing follows them there.
   */
  const openAt = (i: number): number => {
    const a = open();
    const above: number[] = [];
    // A deck (——…) is printed under its headline, and an editor's note signs off
    // with one (——编者): neither is taken along from above.
    for (let j = i - 1; j >= 0 && HEADING.has(roles[j]) && roles[j] !== 'subtitle' && articleOf[j] >= 0; j--) {
      const prev = articles[articleOf[j]];
      if (prev.order[prev.order.length - 1] !== j || prev.order.length === 1) break;
      above.unshift(j);
      prev.order.pop();
    }
    for (const j of above) {
      unmergeProfile(articles[articleOf[j]].profile, profiles[j]);
      place(j, a);
    }
    return a;
  };

  /** The blocks a section opened at `i` spans: up to the next headline, marker or column continuation. */
  const sectionOf = (i: number): number[] => {
    const out = [i];
    for (let j = i + 1; j < blocks.length; j++) {
      if (joinedFrom.has(j) || roles[j] === 'marker' || roles[j] === 'title' || roles[j] === 'subtitle') break;
      if (roles[j] === 'body' && out.some((k) => roles[k] === 'body') && startsMidSentence(blocks[j].text)) break;
      out.push(j);
      // Follow the section's own broken paragraph no further than its column.
      if (joinedTo.has(j)) break;
    }
    return out;
  };

  /**
   * A headline's section reads on past further subheads, so that a title is
   * judged on its article's opening paragraphs rather than on one line.
   */
  const headlineSectionOf = (i: number): number[] => {
    const out = [i];
    let chars = 0;
    for (let j = i + 1; j < blocks.length && chars < HEADLINE_SECTION_CHARS; j++) {
      if (joinedFrom.has(j) || roles[j] === 'marker') break;
      if (roles[j] === 'body' && chars > 0 && startsMidSentence(blocks[j].text)) break;
      out.push(j);
      if (roles[j] === 'body' || roles[j] === 'lead') chars += visibleLength(blocks[j].text);
      if (joinedTo.has(j)) break;
    }
    return out;
  };

  /** Pick the article a section continues, or -1 for a new one. */
  const chooseArticle = (section: number[], candidates: number[], threshold: number, stay = 0): number => {
    const profile = section.reduce((p, k) => mergeProfile(p, profiles[k]), new Map() as Profile);
    const body = section.filter((k) => roles[k] === 'body' || roles[k] === 'lead');
    const sectionOrdinals = body.map((k) => ordinalOf(blocks[k].text)).filter((o): o is string => o !== null);
    const bylined = section.some((k) => roles[k] === 'byline');
    let best = -1;
    let bestScore = threshold;
    for (const a of candidates) {
      const art = articles[a];
      // An article does not copy itself: text quoted at length means a summary and its source.
      if (body.reduce((n, k) => n + copiedRuns(runsOf(k), art.grams), 0) >= SUMMARY_COPY) continue;
      // Nor does it number the same point twice (第二 … 第二).
      if (sectionOrdinals.some((o) => art.ordinals.has(o))) continue;
      // A second byline belongs to a different report.
      if (bylined && art.hasByline) continue;
      const age = articles.length - 1 - a;
      const score = cosine(profile, art.profile, idf) + (a === current ? stay : 0) - AGE_PENALTY * age;
      if (score > bestScore) {
        best = a;
        bestScore = score;
      }
    }
    return best;
  };

  /** Articles a new section may continue: those not closed by a source note or final byline. */
  const recent = (): number[] => articles.map((_, a) => a).filter((a) => !articles[a].closed);
  const all = (): number[] => articles.map((_, a) => a).filter((a) => !articles[a].superseded);

  for (let i = 0; i < blocks.length; i++) {
    if (articleOf[i] >= 0) continue;
    const role = roles[i];
    const text = blocks[i].text;
    const from = joinedFrom.get(i);
    if (from !== undefined && articleOf[from] >= 0) {
      place(i, articleOf[from]);
      continue;
    }
    if (current < 0) {
      place(i, openAt(i));
      continue;
    }
    const cur = articles[current];
    const headlineOnly = cur.order.every((k) => HEADING.has(roles[k]) || roles[k] === 'marker');
    switch (role) {
      case 'caption':
      case 'subtitle':
      case 'byline':
      case 'source':
        place(i, current);
        break;
      case 'lead':
        place(i, headlineOnly ? current : openAt(i));
        break;
      case 'marker': {
        if (headlineOnly && !cur.hasMarker) {
          place(i, current);
          break;
        }
        const a = chooseArticle(sectionOf(i), all().filter((k) => !articles[k].hasMarker), NEW_ARTICLE);
        place(i, a >= 0 ? a : openAt(i));
        break;
      }
      case 'title':
      case 'label': {
        const previous = i > 0 ? roles[i - 1] : 'body';
        // The second line of a two-line headline, or of a numbered section's heading (②物权编 / 平等保护公私产权).
        if (HEADING.has(previous) && articleOf[i - 1] === current && (headlineOnly || isNumberedHeading(blocks[i - 1].text))) {
          place(i, current);
          break;
        }
        // A numbered section heading (三、…) goes on the article whose previous section (二、…) it follows.
        const numbered = isNumberedHeading(text) ? previousOrdinal(ordinalOf(text)!) : null;
        const sequel = numbered === null ? -1 : all().reverse().find((a) => articles[a].headingOrdinals.has(numbered)) ?? -1;
        if (sequel >= 0) {
          // Each section may end with its own credit (（本报记者…采访整理）): the next one reopens the article.
          articles[sequel].closed = false;
          place(i, sequel);
          break;
        }
        // An interview's question (问：…？) is a subhead of the interview, never a new article.
        if (INTERVIEW_TURN.test(text.trim())) {
          place(i, current);
          break;
        }
        // A line introduced by a colon (…护士黄艳清：) is what the colon announces, not a new article.
        if (i > 0 && articleOf[i - 1] === current && /[：:]$/.test(blocks[i - 1].text.trim())) {
          place(i, current);
          break;
        }
        // A sidebar (…（记者手记）) is judged on its content like a subhead: it usually goes with the report above.
        if (role === 'title' && (cur.closed || (hasColumnName(text) && !hasSidebarTag(text)) || opensArticle(blocks, roles, i))) {
          place(i, openAt(i));
          break;
        }
        const section = headlineSectionOf(i);
        // A label after an article closed by its credit, or over a short photo story
        // signed by its photographer (…摄), heads an article of its own.
        if ((role === 'label' && cur.closed && cur.hasBody) || isPhotoStory(blocks, roles, section)) {
          place(i, openAt(i));
          break;
        }
        const bodyChars = section.reduce((n, k) => n + (roles[k] === 'body' ? visibleLength(blocks[k].text) : 0), 0);
        // Too little text under it to judge: a subhead (or label) of the article being read.
        if (bodyChars < MIN_HEADLINE_EVIDENCE && !section.some((k) => roles[k] === 'byline')) {
          place(i, current);
          break;
        }
        const a = chooseArticle(section, recent(), NEW_ARTICLE, CURRENT_BONUS);
        place(i, a >= 0 ? a : openAt(i));
        break;
      }
      default: {
        // The first paragraph under a headline or continuation marker is that article's.
        const opener = i > 0 && articleOf[i - 1] === current && (HEADING.has(roles[i - 1]) || roles[i - 1] === 'marker');
        if (headlineOnly || opener) {
          place(i, current);
          break;
        }
        const judged = visibleLength(text) >= MIN_JUDGED && cur.hasBody;
        const shifted = judged && cosine(profiles[i], cur.profile, idf) < TOPIC_SHIFT;
        if (!cur.closed && !shifted && !startsMidSentence(text)) {
          place(i, current);
          break;
        }
        const candidates = startsMidSentence(text) ? all() : recent();
        const a = chooseArticle(sectionOf(i), candidates, NEW_ARTICLE);
        // Articles open under a headline, dateline or marker, or with text
        // continued from elsewhere (a sentence begun off the page); a mere
        // change of subject stays in the open article being read.
        // A short first sentence (送温暖资金。) may be a cut tail or just a terse opener
        // (新年新气象。): only the stronger signs of a cut open an article here.
        place(i, a >= 0 ? a : cur.closed || startsMidSentence(text, false) ? openAt(i) : current);
      }
    }
  }

  claimLabelledItems(blocks, roles, articleOf, articles);
  for (const art of articles) moveContinuationFirst(art, blocks, roles);
  finaliseHeadingRoles(roles, articles);
  return { articleOf, articles, roles };
}

/** Longest photo story (text under a headline, in visible characters) told by its credit line. */
const PHOTO_STORY_CHARS = 400;

/**
 * A headline over a photo story: a few sentences and the photographer's
 * credit on a line of its own (张三摄（影像中国））, nothing else.
 */
export function isPhotoStory(blocks: Block[], roles: ParagraphKind[], section: number[]): boolean {
  let chars = 0;
  let credit = false;
  for (const k of section.slice(1)) {
    if (roles[k] === 'body' || roles[k] === 'lead') chars += visibleLength(blocks[k].text);
    if (roles[k] === 'byline' && /摄(?:影报道|影)?\s*(?:[（(][^（）()]{1,12}[）)])?$/.test(blocks[k].text.trim())) credit = true;
  }
  return credit && chars > 0 && chars <= PHOTO_STORY_CHARS;
}

/** A headline is certainly an article's when its deck, dateline, byline or continuation marker follows. */
function opensArticle(blocks: Block[], roles: ParagraphKind[], i: number): boolean {
  for (let j = i + 1; j < blocks.length; j++) {
    const r = roles[j];
    if (r === 'caption') continue;
    if (r === 'title') continue; // multi-line headline
    return r === 'subtitle' || r === 'lead' || r === 'marker' || r === 'byline';
  }
  return true;
}

/**
 * A regional item's place label and byline are sometimes extracted after the
 * item's text (宁夏 / 本报（记者…） printed above it, read below it). The item is
 * the run of paragraphs just before the label's article that name the place.
 */
function claimLabelledItems(blocks: Block[], roles: ParagraphKind[], articleOf: number[], articles: ArticleDraft[]): void {
  for (let l = 0; l < blocks.length; l++) {
    if (roles[l] !== 'label' || !isLabel(blocks[l].text)) continue;
    const place = blocks[l].text.trim();
    const a = articleOf[l];
    const art = articles[a];
    let after = l + 1;
    while (after < blocks.length && roles[after] === 'byline') after++;
    if (after < blocks.length && articleOf[after] === a && blocks[after].text.slice(0, 24).includes(place)) continue;
    const first = Math.min(...art.order);
    const claimed: number[] = [];
    for (let j = first - 1; j >= 0; j--) {
      if (roles[j] !== 'body' || !blocks[j].text.slice(0, 40).includes(place)) break;
      claimed.unshift(j);
    }
    if (claimed.length === 0) continue;
    for (const j of claimed) {
      const old = articles[articleOf[j]];
      old.order = old.order.filter((k) => k !== j);
      articleOf[j] = a;
    }
    const at = art.order.indexOf(after - 1) + 1;
    art.order.splice(at, 0, ...claimed);
  }
}

/** Text continued from another page starts at its （上接第N版） marker, whatever the extraction order. */
function moveContinuationFirst(art: ArticleDraft, blocks: Block[], roles: ParagraphKind[]): void {
  const at = art.order.findIndex((k) => roles[k] === 'marker' && /上接|接上|紧接/.test(blocks[k].text));
  if (at <= 0) return;
  let headline = 0;
  while (headline < art.order.length && (roles[art.order[headline]] === 'title' || roles[art.order[headline]] === 'subtitle')) headline++;
  if (at <= headline) return;
  let end = at + 1;
  while (end < art.order.length && roles[art.order[end]] !== 'marker' && !HEADING.has(roles[art.order[end]])) end++;
  const section = art.order.splice(at, end - at);
  art.order.splice(headline, 0, ...section);
}

/** Headlines that did not open their article are its subheads. */
function finaliseHeadingRoles(roles: ParagraphKind[], articles: ArticleDraft[]): void {
  for (const art of articles) {
    let opening = true;
    for (const k of art.order) {
      if (roles[k] === 'title' && !opening) roles[k] = 'subhead';
      if (roles[k] !== 'title' && roles[k] !== 'subtitle') opening = false;
    }
  }
}
