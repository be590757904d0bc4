import { expect, test } from 'vitest';
import { csvCell, toCsv } from '../../src/shared/csv.ts';

test.each([
  ['互助金', '互助金'],
  ['a,b', '"a,b"'],
  ['说:"好"', '"说:""好"""'],
  ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
  ['@SUM(A1)', "'@SUM(A1)"],
  ['-1+2', "'-1+2"],
  [-3, '-3'],
  [29075000, '29075000'],
  [null, ''],
  [['荆门', '宁夏'], '荆门; 宁夏'],
])('csvCell(%j) = %s', (value, expected) => {
  expect(csvCell(value)).toBe(expected);
});

test('toCsv writes a BOM, a header and CRLF rows', () => {
  expect(toCsv(['a', 'b'], [{ a: 1, b: '二' }])).toBe('\uFEFFa,b\r\n1,二\r\n');
});
