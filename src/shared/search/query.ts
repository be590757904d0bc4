/**
 * The query language: words separated by spaces (all must match, any order)
 * and "quoted phrases" (ASCII or full-width “…” / 「…」 quotes) matched
 * exactly, spaces included. An unclosed quote runs to the end of the query,
 * so a phrase being typed already searches.
 */
import { normalizeForSearch } from '../search-config.ts';

export interface QueryTerm {
  /** Normalised text the paragraph must contain (see normalizeForSearch). */
  text: string;
  /** True when it came from quotes. */
  phrase: boolean;
}

export interface ParsedQuery {
  /** The query as typed. */
  raw: string;
  terms: QueryTerm[];
  /** How the terms were obtained from `raw`. */
  via: 'text' | 'traditional' | 'pinyin';
}

const OPENING: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』', '＂': '＂' };

/** Splits a raw query into words and quoted phrases, normalising each. */
export function parseQuery(raw: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const push = (text: string, phrase: boolean) => {
    const normalized = normalizeForSearch(text).trim();
    if (normalized && !terms.some((t) => t.text === normalized)) terms.push({ text: normalized, phrase });
  };
  let word = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    const closing = OPENING[ch];
    if (closing) {
      push(word, false);
      word = '';
      const end = raw.indexOf(closing, i + 1);
      const stop = end < 0 ? raw.length : end;
      push(raw.slice(i + 1, stop), true);
      i = stop;
    } else if (/\s/.test(ch)) {
      push(word, false);
      word = '';
    } else {
      word += ch;
    }
  }
  push(word, false);
  return { raw, terms, via: 'text' };
}

/** The same query with each term's text replaced (Traditional → simplified, pinyin → Han). */
export function withTermTexts(query: ParsedQuery, texts: string[], via: ParsedQuery['via']): ParsedQuery {
  const terms = texts.map((text, i) => ({ text, phrase: query.terms[i]?.phrase ?? false }));
  return { raw: query.raw, terms, via };
}
