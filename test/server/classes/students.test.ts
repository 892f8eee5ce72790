import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STUDENT_TIE_REASON } from '../../../server/rules/index.ts';
import { testDatabases } from '../../support/databases.ts';
import { startService, type TestService } from '../../support/service.ts';

const CLASS = 'Lớp TC K45 – Bắc Ninh';
const path = (name: string, what = 'students') => `/api/v1/classes/${encodeURIComponent(name)}/${what}`;

/** A class of 20 (limit floor(10% × 20) = 2) with a 9.1 tie run that crosses the limit after the 9.5. */
function classRows(): Record<string, unknown>[] {
  const named = [
    { code: 'HV01', name: 'Nguyễn Thị Ánh', gpa: '9,5', conduct: 'Tốt' },
    { code: 'HV02', name: 'Trần Văn Bảo', gpa: 9.1, conduct: 'tốt' },
    { code: 'HV03', name: 'Lê Thị Cúc', gpa: 9.1, conduct: 'Tốt' },
    { code: 'HV04', name: 'Phạm Văn Dũng', gpa: 9.6, conduct: 'Khá' },
    { code: 'HV05', name: 'Hoàng Văn Em', gpa: 8.8, conduct: 'Tốt', discipline: 'Khiển trách' },
  ];
  const rest = Array.from({ length: 15 }, (_, i) => ({ name: `Học viên số ${i + 6}`, gpa: 7 + i / 20, conduct: 'Khá', discipline: 'Không' }));
  return [...named, ...rest].map((r, i) => ({ ref: i + 3, class: CLASS, ...r }));
}

describe.each(testDatabases())('students of a class on $name', (database) => {
  let s: TestService;
  beforeAll(async () => {
    s = await startService(await database.open());
  });
  afterAll(async () => {
    await s.db.close();
  });

  it('commends within 10% of the class and leaves the tie at the limit to the council', async () => {
    const push = await s.call('POST', path(CLASS), { body: { rows: classRows() } });
    expect(push.status).toBe(200);
    expect(push.body.counts).toEqual({ accepted: 20, unchanged: 0, rejected: 0, conflict: 0 });
    const res = await s.call('GET', path('lớp tc k45 – bắc ninh', 'commendations'));
    expect(res.body).toMatchObject({ class: CLASS, size: 20, limit: 2, candidates: 3, commended: 1, tieKeys: ['HV02', 'HV03'] });
    expect(res.body.commendedStudents.map((x: any) => x.code)).toEqual(['HV01']);
    expect(res.body.tieStudents.map((x: any) => x.code)).toEqual(['HV02', 'HV03']);
    expect(res.body.tieStudents[0].reasons.at(-1)).toContain(STUDENT_TIE_REASON);
    const students = (await s.call('GET', path(CLASS))).body.students;
    const by = new Map<string, any>(students.map((x: any) => [x.key, x]));
    expect(by.get('HV04').reasons).toContain('Rèn luyện Khá: khen thưởng cần rèn luyện Tốt');
    expect(by.get('HV05').reasons).toContain('Bị kỷ luật (Khiển trách): không xét khen thưởng');
    expect(by.get('học viên số 6')).toMatchObject({ band: 'Khá', discipline: null, code: null });
    const list = await s.call('GET', '/api/v1/classes');
    expect(list.body.classes).toEqual([{ class: CLASS, students: 20, updatedAt: expect.any(String), year: null }]);
  });

  it('keys a student by Mã HV or by the name, versions rows and answers conflicts', async () => {
    const push = (rows: unknown[], idem?: string) =>
      s.call('POST', path('TC K46'), { body: { rows }, ...(idem ? { headers: { 'idempotency-key': idem } } : {}) });
    const first = await push([{ name: 'Nguyễn Văn An', gpa: 8, conduct: 'Tốt' }]);
    expect(first.body.results[0]).toMatchObject({ status: 'accepted', key: 'nguyễn văn an', version: 1 });
    const renamed = await push([{ name: ' NGUYỄN  VĂN AN '.normalize('NFD'), gpa: '8,5', conduct: 'Tốt', baseVersion: 1 }]);
    expect(renamed.body.results[0]).toMatchObject({ status: 'accepted', key: 'nguyễn văn an', version: 2 });
    const stale = await push([{ name: 'Nguyễn Văn An', gpa: 9, conduct: 'Tốt', baseVersion: 1 }]);
    expect(stale.body.results[0]).toMatchObject({ status: 'conflict', stored: { gpa: 8.5, version: 2 } });
    const rows = [
      { code: 'K46-1', name: 'Trần Bình', gpa: 10.5 },
      { code: 'K46-2', name: 'Lê Chi', gpa: 7.255, conduct: 'Xuất sắc' },
      { name: 'Vũ Dung', class: 'TC K47' },
      { name: 'Đỗ Giang', gpa: 7 },
      { name: 'đỗ giang', gpa: 7.5 },
    ];
    const bad = await push(rows, 'class-retry-01');
    expect(bad.body.results.map((r: any) => r.errors)).toEqual([
      [{ field: 'gpa', message: 'Điểm trung bình phải từ 0 đến 10' }],
      [
        { field: 'gpa', message: 'Điểm trung bình chỉ được có hai chữ số thập phân' },
        { field: 'conduct', message: 'Rèn luyện phải là Tốt, Khá, Trung bình hoặc Yếu' },
      ],
      [{ field: 'class', message: 'Lớp «TC K47» khác lớp của bảng («TC K46»)' }],
      [],
      [{ field: 'name', message: 'Trùng Họ và tên với một dòng khác trong lần gửi này; cần ghi Mã HV' }],
    ]);
    const retry = await push(rows, 'class-retry-01');
    expect(retry.body.results).toEqual(bad.body.results);
    expect(retry.body.students).toHaveLength(2);
  });

  it('lets a rater write only the classes named among its units', async () => {
    const rater = await s.keyFor('rater', ['tc k48']);
    const own = await s.call('POST', path('TC K48'), { body: { rows: [{ name: 'Hà Minh', gpa: 8 }] }, key: rater });
    expect(own.body.results[0].status).toBe('accepted');
    const other = await s.call('POST', path('TC K49'), { body: { rows: [{ name: 'Hà Minh', gpa: 8 }] }, key: rater });
    expect(other.body.results[0]).toMatchObject({ status: 'rejected', errors: [{ field: 'class', message: 'Bạn không được phân công ghi kết quả cho lớp này' }] });
    const viewer = await s.keyFor('viewer');
    expect((await s.call('POST', path('TC K48'), { body: { rows: [] }, key: viewer })).status).toBe(403);
    expect((await s.call('GET', path('TC K48', 'commendations'), { key: viewer })).status).toBe(200);
  });
});
