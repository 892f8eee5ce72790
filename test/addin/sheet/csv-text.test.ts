import { writeToString } from '@fast-csv/format';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, parseCsv } from '../../../addin/sheet/csv-text.ts';

describe('parseCsv', () => {
  it('reads semicolons, quoted delimiters, line breaks and doubled quotes, with CRLF or LF', () => {
    const text = 'Số, ký hiệu;Trích yếu;Hạn xử lý\r\n"12/TTr";"Tờ trình ""mở lớp""; đợt 2";20/10/2026\r\nA1;"Dòng một\nDòng hai";\n';
    expect(parseCsv(text)).toEqual([
      ['Số, ký hiệu', 'Trích yếu', 'Hạn xử lý'],
      ['12/TTr', 'Tờ trình "mở lớp"; đợt 2', '20/10/2026'],
      ['A1', 'Dòng một\nDòng hai', ''],
    ]);
  });

  it('takes a comma or a tab when the first line has no semicolon', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a\tb\tc, d\n1\t2\t3')).toEqual([['a', 'b', 'c, d'], ['1', '2', '3']]);
  });

  it('reads back whatever a mature CSV writer (fast-csv) writes', async () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ă', 'Đ', ';', ',', '"', '\n', '\r\n', ' ', '1') });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), async (rows) => {
        const header = ['Mã;CB', 'Trích yếu', 'Ghi chú'];
        const text = await writeToString([header, ...rows], { delimiter: ';', rowDelimiter: '\r\n', quoteColumns: true, quoteHeaders: true });
        expect(parseCsv(text)).toEqual([header, ...rows]);
      }),
      { numRuns: 200 },
    );
  });

  it('decodes UTF-8 with its BOM dropped, and Windows-1258 when the bytes are no UTF-8', () => {
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
    expect(decodeCsv(new Uint8Array([0xd0, 0xe3]))).toBe('Đă');
  });
});
