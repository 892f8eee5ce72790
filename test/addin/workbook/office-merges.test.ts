import { describe, expect, it } from 'vitest';
import { readTable } from '../../../addin/sheet/read-table.ts';
import { validateTable } from '../../../addin/sheet/validate-table.ts';
import { officeWorkbook } from '../../../addin/workbook/office.ts';
import { layoutPeople, mergedUnitSheet, SECTION_STYLES, sectionSheet } from '../../support/office-sheets/layouts.ts';
import { layoutIntoFake } from '../../support/office-sheets/write.ts';
import { FakeWorkbook } from './fake-excel.ts';

const people = layoutPeople(32);

async function readPeople(book: FakeWorkbook, sheet: string) {
  const grid = await officeWorkbook(book.host()).session((s) => s.readSheet(sheet));
  return { grid, checked: validateTable(readTable(grid, { kind: 'person' })) };
}

describe('merged cells through Office.js', () => {
  it('on ExcelApi 1.13 lists the merged areas with the used range, and every person gets the unit merged over them', async () => {
    const book = new FakeWorkbook();
    layoutIntoFake(book, mergedUnitSheet(people));
    const { grid, checked } = await readPeople(book, 'T10-2021');
    expect(grid.merges).toHaveLength(8);
    expect(book.syncs).toHaveLength(2);
    expect(book.documentReads).toBe(0);
    expect(checked.valid).toHaveLength(32);
    expect(checked.issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(checked.valid.filter((r) => r.value.unit === 'Khoa Lý luận cơ sở')).toHaveLength(8);
  });

  it('asks again in bands when the sheet has more merged areas than Excel answers at once (512)', async () => {
    const book = new FakeWorkbook();
    layoutIntoFake(book, mergedUnitSheet(people));
    // 800 more areas, two per row, below the table.
    for (let r = 100; r < 500; r++) {
      book.put('T10-2021', `J${r}`, [['x', null, 'y']]);
      book.merge('T10-2021', `J${r}:K${r}`);
      book.merge('T10-2021', `L${r}:M${r}`);
    }
    const { grid, checked } = await readPeople(book, 'T10-2021');
    expect(grid.merges).toHaveLength(808);
    expect(checked.valid).toHaveLength(32);
  });

  it('on Excel 2016 (ExcelApi 1.1) reads the merges from the document Office hands over', async () => {
    const book = new FakeWorkbook();
    book.apiVersion = 1;
    layoutIntoFake(book, mergedUnitSheet(people));
    const { grid, checked } = await readPeople(book, 'T10-2021');
    expect(book.documentReads).toBe(1);
    expect(grid.merges).toHaveLength(8);
    expect(checked.valid).toHaveLength(32);
  });

  it('without the File API either, names the blank cells rather than guessing', async () => {
    const book = new FakeWorkbook();
    book.apiVersion = 1;
    book.fileApi = false;
    layoutIntoFake(book, mergedUnitSheet(people));
    const { grid, checked } = await readPeople(book, 'T10-2021');
    expect(grid.merges).toBeUndefined();
    expect(checked.valid).toHaveLength(4);
    expect(checked.issues.map((i) => i.cell)).toContain('D7');
  });

  it('reads each month of a workbook holding two, each with its own period', async () => {
    const book = new FakeWorkbook();
    layoutIntoFake(book, mergedUnitSheet(people, 'T10-2021'));
    layoutIntoFake(book, sectionSheet(people.slice(0, 12), 'roman-merged', 'T11-2021'));
    const tables = await officeWorkbook(book.host()).session(async (s) => {
      const names = await s.sheetNames();
      return Promise.all(names.map(async (name) => readTable(await s.readSheet(name), { kind: 'person' })));
    });
    expect(tables.map((t) => [t.period, validateTable(t).valid.length])).toEqual([['2021-10', 32], ['2021-11', 12]]);
  });

  for (const style of SECTION_STYLES) {
    it(`reads units from heading rows (${style})`, async () => {
      const book = new FakeWorkbook();
      layoutIntoFake(book, sectionSheet(people, style));
      const { checked } = await readPeople(book, 'T10-2021');
      expect(checked.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(checked.valid).toHaveLength(32);
      const units = new Set(checked.valid.map((r) => String(r.value.unit).toLowerCase()));
      expect(units).toEqual(new Set(['ban giám hiệu', 'khoa lý luận cơ sở', 'khoa xây dựng đảng', 'phòng tổ chức - hành chính']));
    });
  }
});
