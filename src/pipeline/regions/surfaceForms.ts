import { placeStem, type Place } from './gazetteer.ts';

/**
 * How a place can be written in running text, and how much we trust each way.
 *
 * Official names (荆门市, 宁夏回族自治区) are unambiguous, but newspapers mostly use
 * short forms (荆门, 宁夏, 恩施州), and short forms of the ~2,800 counties collide with
 * ordinary words: 安康 (幸福安康), 公安 (公安协作), 合作 (合作市), 同心 (同心协力),
 * 共和 (共和国), 全州 (“the whole prefecture”), 新华 (新华社). So a surface form carries a
 * trust level and the matcher decides by context.
 */
export type FormTrust =
  /** Always a place. */
  | 'sure'
  /** A place only when one of its ancestors is also named in the text or is the article's region. */
  | 'needs_context';

export interface SurfaceForm {
  form: string;
  code: string;
  trust: FormTrust;
}

/**
 * Short forms that are far more often ordinary words than places; never matched as
 * short forms (their official names still match: 全州县, 共和县, 合作市).
 */
export const SHORT_FORM_STOP_LIST = new Set([
  '全州', '全省', '全市', '全区', '全县', '三重', '东西', '新华', '合作', '安定', '同心', '共和', '和平', '长寿',
  '民权', '方正', '万年', '城关', '江南', '光明', '红旗', '向阳', '前进', '东风', '友好', '胜利', '解放',
  '团结', '平安', '安宁', '新城', '新市', '城中', '城东', '城西', '城南', '城北', '市中', '长安', '太平',
  '安居', '乐业', '富民', '通道', '新兴', '兴业', '吉利', '康乐', '大方', '武功', '白云', '公安', '青山',
  '东方', '双河', '永和', '金山', '建设', '开发', '高新', '经济', '海港', '新区', '正安', '永定', '文化',
  '中华', '和静', '宁安', '安福', '大安', '永安', '隆安', '平山', '南山', '北关', '华容', '普安', '和政',
  '平和', '福安', '复兴', '路桥', '金安', '滨江', '长乐', '永福', '吉安', '安康', '和顺', '文明', '和龙',
]);

/**
 * Official names that are also common words (城区 “urban area”, 郊区 “suburbs”); never matched.
 */
export const FULL_NAME_STOP_LIST = new Set(['城区', '郊区', '矿区', '东区', '西区', '南区', '北区', '中区', '新区']);

/**
 * Prefecture short forms that are also everyday words or brand names: 安康 (well-being),
 * 日照 (sunshine), 来宾 (guests), 阿里 (Alibaba), 长治 (长治久安), 大同, 中山 (roads,
 * universities), 白银 (silver), 普洱 (tea), 朝阳 (rising sun), 北海, 德州 (Texas), 兴安.
 * They need the same context as county short forms.
 */
export const GUARDED_PREFECTURE_FORMS = new Set([
  '安康', '日照', '来宾', '阿里', '长治', '大同', '中山', '白银', '普洱', '朝阳', '北海', '德州', '兴安', '海东',
  '黄山', '白山', '三沙', '吉安', '金昌', '玉林', '通化', '大庆', '丽水', '宁德',
]);

/** All surface forms of one place. */
export function surfaceFormsOf(place: Place): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  const add = (form: string, trust: FormTrust) => forms.push({ form, code: place.code, trust });
  const { name, level } = place;
  if (!FULL_NAME_STOP_LIST.has(name)) {
    // Two-character county names (和县, 随县, 新县) occur inside words (市和县级), so they need context.
    add(name, level === 'county' && name.length < 3 ? 'needs_context' : 'sure');
  }
  const stem = placeStem(name);
  if (place.display !== name) add(place.display, level === 'county' ? 'needs_context' : 'sure'); // 恩施州, 湖北
  // Single characters (和, 沛) are never trusted as places.
  if (stem !== name && stem.length >= 2 && !SHORT_FORM_STOP_LIST.has(stem)) {
    const trust: FormTrust =
      level === 'province' || (level === 'prefecture' && !GUARDED_PREFECTURE_FORMS.has(stem)) ? 'sure' : 'needs_context';
    add(stem, trust);
  }
  return forms;
}
