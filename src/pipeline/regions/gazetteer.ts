import { createRequire } from 'node:module';

/**
 * The gazetteer: China's province-, prefecture- and county-level divisions from
 * the `china-area-data` package (National Bureau of Statistics codes, 2019).
 * Build-time only: it reads the package's JSON through Node's require, so it
 * must never be imported by browser code.
 */

export type PlaceLevel = 'province' | 'prefecture' | 'county';

export interface Place {
  /** Statistics-bureau code, e.g. 420800. */
  code: string;
  /** Official name, e.g. 恩施土家族苗族自治州. */
  name: string;
  /** Short display name used in figure records, e.g. 恩施州, 湖北, 荆门市. */
  display: string;
  level: PlaceLevel;
  /** Code of the enclosing division, null for provinces. */
  parent: string | null;
}

type AreaTable = Record<string, Record<string, string>>;

const ROOT = '86';
/** Grouping nodes that are not places; their children belong to the grandparent. */
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);
/** Only real divisions: the package also lists towns and streets (东莞, 中山) we do not want. */
const DIVISION_SUFFIX = /(省|市|区|县|州|盟|旗|地区|特别行政区)$/;
/** Hong Kong and Macau districts are in traditional characters; they never match our simplified text. */
const TRADITIONAL = /[區]/;

/** The 55 minority names (without 族) that appear in autonomous-division names. */
export const ETHNIC_NAMES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼',
  '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土',
  '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克',
  '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);

/** Strip trailing "X族Y族…" (and 各族) from an autonomous-division stem: 恩施土家族苗族 → 恩施. */
export function stripEthnicNames(stem: string): string {
  let s = stem;
  for (;;) {
    if (s.endsWith('各族')) { s = s.slice(0, -2); continue; }
    if (!s.endsWith('族')) return s;
    const body = s.slice(0, -1);
    const hit = ETHNIC_NAMES.find((e) => body.endsWith(e) && body.length > e.length);
    if (!hit) return s;
    s = body.slice(0, -hit.length);
  }
}

/** The name without its administrative suffix and ethnic names: 宁夏回族自治区 → 宁夏. */
export function placeStem(name: string): string {
  const m = /^(.+?)(自治区|特别行政区|自治州|自治县|自治旗|地区|林区|特区|省|市|区|县|州|盟|旗)$/.exec(name);
  if (!m) return name;
  return m[2].startsWith('自治') ? stripEthnicNames(m[1]) : m[1];
}

function displayName(name: string, level: PlaceLevel): string {
  const stem = placeStem(name);
  if (level === 'province') return /(省|自治区|特别行政区)$/.test(name) ? stem : name; // 湖北, 宁夏; 北京市 stays
  if (name.endsWith('自治州')) return `${stem}州`; // 恩施州: the form newspapers use
  if (name.endsWith('自治县')) return `${stem}县`;
  if (name.endsWith('自治旗')) return `${stem}旗`;
  return name;
}

function loadAreaTable(): AreaTable {
  const require = createRequire(import.meta.url);
  return require('china-area-data/v5/data.json') as AreaTable;
}

/** Flatten the package's code tree into places with levels and parents. */
export function buildGazetteer(table: AreaTable = loadAreaTable()): Map<string, Place> {
  const places = new Map<string, Place>();
  const visit = (code: string, parent: Place | null) => {
    for (const [childCode, name] of Object.entries(table[code] ?? {})) {
      if (PLACEHOLDERS.has(name)) {
        visit(childCode, parent);
        continue;
      }
      if (!DIVISION_SUFFIX.test(name) || TRADITIONAL.test(name)) continue;
      const level = levelUnder(parent, name, code === ROOT);
      const place: Place = { code: childCode, name, display: displayName(name, level), level, parent: parent?.code ?? null };
      places.set(childCode, place);
      if (level !== 'county') visit(childCode, place);
    }
  };
  visit(ROOT, null);
  return places;
}

function levelUnder(parent: Place | null, name: string, atRoot: boolean): PlaceLevel {
  if (atRoot || !parent) return 'province';
  if (parent.level === 'prefecture') return 'county';
  // Directly under a province: a prefecture, or a county-level unit administered by the
  // province (天门市, 北京's districts). Cities among those behave like prefectures in text.
  if (parent.name.endsWith('市') && !name.endsWith('市')) return 'county'; // 北京市朝阳区
  return /(县|旗|林区|特区)$/.test(name) ? 'county' : 'prefecture';
}
