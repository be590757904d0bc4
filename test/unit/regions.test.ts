import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  buildGazetteer,
  findPlaces,
  placeStem,
  resolvePlace,
  stripEthnicNames,
} from '../../src/pipeline/regions.ts';

const HUBEI = '420000';
const NINGXIA = '640000';
const QINGHAI = '630000';

const displays = (text: string, context: string[] = []) => findPlaces(text, context).filter((m) => !m.quoted).map((m) => m.place.display);

describe('gazetteer', () => {
  const places = buildGazetteer();
  test('holds provinces, prefectures and counties from china-area-data', () => {
    expect(places.size).toBeGreaterThan(3000);
    expect(places.get('420800')).toMatchObject({ name: '荆门市', level: 'prefecture', parent: HUBEI });
  });
  test.each([
    ['420000', '湖北', 'province'],
    ['640000', '宁夏', 'province'],
    ['110000', '北京市', 'province'],
    ['422800', '恩施州', 'prefecture'],
    ['429006', '天门市', 'prefecture'], // county-level city administered by the province
    ['422822', '建始县', 'county'],
  ])('%s displays as %s (%s)', (code, display, level) => {
    expect(places.get(code)).toMatchObject({ display, level });
  });
  test('placeholder nodes (市辖区, 省直辖县级行政区划) are not places', () => {
    expect([...places.values()].some((p) => p.name === '市辖区' || p.name.includes('直辖县级'))).toBe(false);
  });
});

describe('placeStem and stripEthnicNames', () => {
  test.each([
    ['恩施土家族苗族自治州', '恩施'],
    ['宁夏回族自治区', '宁夏'],
    ['长阳土家族自治县', '长阳'],
    ['积石山保安族东乡族撒拉族自治县', '积石山'],
    ['湖北省', '湖北'],
    ['荆门市', '荆门'],
    ['神农架林区', '神农架'],
    ['香港特别行政区', '香港'],
  ])('%s → %s', (name, stem) => expect(placeStem(name)).toBe(stem));
  test('a name that is itself an ethnic name is not emptied', () => expect(stripEthnicNames('回族')).toBe('回族'));
});

describe('resolvePlace', () => {
  test.each([
    ['湖北', '420000'],
    ['湖北省', '420000'],
    ['宁夏', '640000'],
    ['恩施州', '422800'],
    ['荆门市', '420800'],
    ['山东', '370000'],
    ['银川市', '640100'],
  ])('%s → %s', (name, code) => expect(resolvePlace(name)?.code).toBe(code));
  test.each([['全州'], ['三重'], [''], ['不是地名']])('%s is not resolved', (name) => expect(resolvePlace(name)).toBeNull());
});

describe('findPlaces', () => {
  test.each<[string, string[], string[]]>([
    ['2025年6月,荆门杨女士确诊乳腺癌', [], ['荆门市']],
    ['随州广水市某单位职工明某因重大疾病住院', [], ['随州市', '广水市']],
    ['宁夏回族自治区各级工会在开展元旦春节送温暖活动', [], ['宁夏']],
    ['恩施州构建职工互助保障体系', [], ['恩施州']],
    ['荆州市江陵县职工刘某因患帕金森病住院治疗', [], ['荆州市', '江陵县']],
    ['武汉市东西湖区新就业形态劳动者', [], ['武汉市', '东西湖区']],
    ['建始县总工会与县人民医院……建始工业园区毛女士说', [], ['建始县', '建始县']],
    ['神农架林区某单位职工张某某', [], ['神农架林区']],
    // 海南 is both a province and a prefecture of Qinghai; 青海 before it decides.
    ['青海海南天和路桥工程有限公司', [], ['青海', '海南州']],
    ['前往共和县恰镇金安社区看望慰问一线职工', [QINGHAI], ['共和县']],
  ])('%s', (text, context, expected) => expect(displays(text, context)).toEqual(expected));

  test.each<[string, string[]]>([
    ['2025年全州2000余家单位超33万人次完成参保', [HUBEI]], // 全州 = the whole prefecture, not 全州县
    ['申领到住院医疗、重大疾病、女职工特殊疾病三重互助金', [HUBEI]],
    ['祝福两国人民幸福安康', []], // 安康市
    ['促进外交国防和公安协作', [HUBEI]], // 公安县 is in Hubei
    ['乌拉圭东岸共和国总统奥尔西', []],
    ['团结一心、同心协力、安定祥和', [NINGXIA]], // 同心县 is in Ningxia
    ['推进中华民族伟大复兴', []],
    ['通过“湖北工会”APP实名认证', [HUBEI]],
  ])('no place in %s', (text, context) => expect(displays(text, context)).toEqual([]));

  test('新华社北京 names Beijing only', () => expect(displays('新华社北京1月26日电')).toEqual(['北京市']));
  test('a county short form needs its prefecture or full name in the text', () => {
    expect(displays('大冶铁矿有限公司', [])).toEqual([]);
    expect(displays('黄石市大冶铁矿有限公司', [])).toEqual(['黄石市', '大冶市']);
  });
  test('places in short quotations are flagged', () => {
    const [m] = findPlaces('通过“湖北工会”APP实名认证');
    expect(m).toMatchObject({ text: '湖北', quoted: true });
  });

  test('never throws; mentions point at their text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'湖北省荆门市宁夏回族自治区全州恩施三重安康县区 ,。“”'.split(''), 'grapheme') }), (text) => {
        for (const m of findPlaces(text)) {
          expect(text.slice(m.offset, m.offset + m.length)).toBe(m.text);
        }
      }),
    );
  });
});
