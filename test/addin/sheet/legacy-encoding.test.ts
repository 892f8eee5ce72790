import { describe, expect, it } from 'vitest';
import { detectLegacyEncoding } from '../../../addin/sheet/legacy-encoding.ts';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { familiarGrid } from './grids.ts';

describe('legacy Vietnamese encodings', () => {
  it.each(['Hä vµ tªn', '§ç §øc Hïng', 'Lß V¨n Long', 'Khoa X©y dùng §¶ng', 'Tr­êng ChÝnh trÞ'])('detects TCVN3 in %s', (text) => {
    expect(detectLegacyEncoding(text)).toBe('TCVN3');
  });

  it.each(['Hoï vaø teân', 'Ñoã Ñöùc Huøng', 'Nguyeãn Vaên An', 'Khoa Xaây döïng Ñaûng'])('detects VNI in %s', (text) => {
    expect(detectLegacyEncoding(text)).toBe('VNI');
  });

  it.each([
    'Họ và tên',
    'Đỗ Đức Hùng',
    'Hoàng Thanh Hà',
    'Hoàng Thanh Hà'.normalize('NFD'),
    'Nguyễn Thị Ánh',
    'Quách Tuấn Hoà',
    'Müller',
    'CB001',
    '',
    'Khoa Lý luận cơ sở',
  ])('leaves Unicode text alone: %s', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it('warns naming each cell typed with a legacy font', () => {
    const g = familiarGrid(3);
    g.values[6]![2] = '§ç §øc Hïng';
    g.values[7]![2] = 'Ñoã Ñöùc Huøng';
    const issues = readTable(g, { kind: 'person' }).issues;
    expect(issues).toEqual([
      {
        cell: 'C7',
        row: 6,
        field: null,
        message: 'C7: Chữ có vẻ gõ bằng bảng mã TCVN3, hãy chuyển sang Unicode',
        severity: 'warning',
        refs: [{ row: 6, col: 2 }],
      },
      {
        cell: 'C8',
        row: 7,
        field: null,
        message: 'C8: Chữ có vẻ gõ bằng bảng mã VNI, hãy chuyển sang Unicode',
        severity: 'warning',
        refs: [{ row: 7, col: 2 }],
      },
    ]);
  });

  it('names the first cells and counts the rest when a whole sheet is legacy text', () => {
    const g = familiarGrid(30);
    for (let r = 5; r < 35; r++) g.values[r]![4] = 'Khoa X©y dùng §¶ng';
    const issues = readTable(g, { kind: 'person' }).issues.filter((i) => i.message.includes('TCVN3'));
    expect(issues).toHaveLength(21);
    expect(issues[20]!.message).toBe('E26: Chữ có vẻ gõ bằng bảng mã TCVN3 (và 9 ô khác), hãy chuyển sang Unicode');
  });

  it('explains a header it cannot read because it is TCVN3', () => {
    const g = familiarGrid(2);
    g.values[4] = ['STT', 'M· CB', 'Hä vµ tªn', 'Chøc vô', '§¬n vÞ', 'Nhãm', '§iÓm tù chÊm', '§iÓm ®¸nh gi¸'];
    const table = readTable(g, { kind: 'person' });
    expect(table.header.headerRows).toEqual([]);
    expect(table.issues.map((i) => i.cell)).toEqual(expect.arrayContaining(['C5', 'E5', 'H5']));
  });
});
