/**
 * The data bundle's types, shared by the build-time pipeline (Node) and the
 * browser app. Field names marked "contract" are part of the stable
 * command-line / JSON contract documented in the README: never rename them.
 *
 * Offsets: every `start`/`end` is a UTF-16 code-unit offset into the page's
 * decoded text after line ends were normalised to "\n" (the `text` that the
 * document record keeps), half-open [start, end).
 */

/** A role a block or paragraph plays on the printed page (contract). */
export type ParagraphKind =
  | 'title' // headline
  | 'subtitle' // kicker / deck, often starting with ——
  | 'subhead' // cross-head inside an article
  | 'lead' // dateline-led first paragraph (新华社北京1月26日电 …)
  | 'body'
  | 'caption' // photo caption
  | 'byline' // 本报（记者… 通讯员…）, （本报记者集体采写）
  | 'source' // source note: (据新华社北京1月26日电), （新华社北京2月9日电）
  | 'marker' // continuation marker: （上接第1版）, （下转第2版）
  | 'label'; // place or section label heading an item: 宁夏

export interface Span {
  start: number;
  end: number;
}

/** A run of non-blank lines in the source, as PDF extraction produced it. */
export interface Block {
  /** Position in source order, 0-based. */
  index: number;
  /** The block's text exactly as in the source (no trimming of inner text). */
  text: string;
  start: number;
  end: number;
  /** Number of blank lines between the previous block and this one. */
  gapBefore: number;
}

export interface Paragraph {
  /** Unique within the bundle: `<article id>-p<n>` (contract). */
  id: string;
  kind: ParagraphKind; // contract
  /** Reflowed text: the source pieces joined without any gap (contract). */
  text: string;
  /** The source pieces, in reading order; their texts concatenate to `text`. */
  spans: Span[];
  /** Index of the source block each span came from (same length as spans). */
  blocks: number[];
}

export interface Article {
  id: string; // contract
  /** Id of the document (page) the article is printed on (contract). */
  doc: string;
  /** Source path relative to the input folder, with "/" separators (contract). */
  file: string;
  title: string; // contract
  /** Inferred publication date of the page, ISO YYYY-MM-DD, or null (contract). */
  date: string | null;
  paragraphs: Paragraph[]; // contract
}

/** How a page's publication date was found. */
export interface PublicationDate {
  date: string | null; // YYYY-MM-DD
  /** 'sidecar' | 'dateline' | 'masthead' | 'timestamp' | 'filename' | 'none' … */
  method: string;
  /** The text the date was read from, if any. */
  evidence?: string;
}

/** A piece of a page that could not be placed in any article. */
export interface Fragment {
  doc: string;
  block: number;
  text: string;
  start: number;
  end: number;
  reason: string;
}

export interface PageDocument {
  id: string;
  file: string;
  encoding: string;
  /** Characters of the decoded, line-normalised text. */
  chars: number;
  published: PublicationDate;
  /** Optional sidecar metadata (<name>.json next to the page). */
  paper?: string;
  page?: string;
  sidecarTitle?: string;
  /** Source blocks in printed order, with the article each was assigned to. */
  blocks: { start: number; end: number; kind: ParagraphKind; article: string | null }[];
  articles: string[];
}

export type Precision = 'year' | 'month' | 'day';
export type EventKind = 'event' | 'as_of' | 'period';

export interface DateEvent {
  id: string; // contract
  article: string; // contract
  paragraph: string; // contract: paragraph id
  /** The date expression as written (contract). */
  text: string;
  start: string; // contract: YYYY | YYYY-MM | YYYY-MM-DD
  end: string; // contract
  precision: Precision; // contract
  kind: EventKind; // contract
  sentence: string; // contract
  /** Offsets of `text` within the paragraph text. */
  offset: number;
  length: number;
  approximate?: boolean;
  /** Where the year came from when the text did not say it. */
  inferred?: string;
  places?: string[];
  people?: string[];
}

export type FigureKind =
  | 'money'
  | 'person_times'
  | 'people'
  | 'organisations'
  | 'households'
  | 'items'
  | 'percent'
  | 'other';
export type Qualifier = 'exact' | 'more_than' | 'nearly' | 'approx' | 'at_least' | 'at_most';

export interface Figure {
  id: string; // contract
  article: string; // contract
  paragraph: string; // contract
  text: string; // contract: as written, e.g. 185.7万人次
  value: number; // contract: in base units
  unit: string; // contract: 元, 人次, 人, 家, 户, %, 美元 …
  qualifier: Qualifier; // contract
  kind: FigureKind; // contract
  metric: string | null; // contract
  region: string | null; // contract
  sentence: string; // contract
  offset: number;
  length: number;
  /** Date or period the figure refers to, when the sentence says. */
  date?: string | null;
  /** Id of a linked figure (a patient's cost ↔ payout). */
  pair?: string;
}

export interface SearchHit {
  article: string; // contract
  paragraph: string; // contract
  score: number; // contract
  /** Keyword-in-context snippet; matches wrapped in <mark>, text HTML-escaped (contract). */
  snippet: string;
  /** The paragraph's kind, for the result list's tag. */
  kind?: ParagraphKind;
}
