import { describe, expect, it } from 'vitest';
import { headerKey, matchHeader } from '../../../addin/sheet/header-aliases.ts';
import type { HeaderRole, SheetKind } from '../../../addin/sheet/types.ts';

const fieldOf = (text: string | string[], kind: SheetKind = 'person') => {
  const role: HeaderRole | null = matchHeader(Array.isArray(text) ? text : [text], kind);
  return role === null ? null : role.type === 'field' ? role.field : role.type === 'computed' ? `=${role.column}` : 'ignore';
};

describe('header keys', () => {
  it('ignore case, diacritics, spacing, punctuation and Unicode form', () => {
    const key = headerKey('Họ và tên');
    for (const variant of ['HỌ VÀ TÊN', 'Ho va ten', '  Họ   và\u00a0tên ', 'Họ và tên'.normalize('NFD'), 'Họ-và-tên:']) {
      expect(headerKey(variant)).toBe(key);
    }
    expect(headerKey('Khoa/phòng')).toBe('khoaphong');
    expect(headerKey('ĐƠN VỊ')).toBe('donvi');
  });
});

describe('column meaning by name', () => {
  it.each([
    ['code', ['Mã CB', 'Mã cán bộ', 'Mã số', 'Mã NV', 'MÃ CB', 'Ma can bo', 'Mã số cán bộ']],
    ['name', ['Họ và tên', 'Họ tên', 'Họ và tên cán bộ', 'HỌ VÀ TÊN']],
    ['unit', ['Đơn vị', 'Đơn vị công tác', 'Khoa/phòng', 'Phòng/khoa', 'Khoa, phòng']],
    ['dutyGroup', ['Nhóm', 'Nhóm chức danh', 'Nhóm chức trách']],
    ['title', ['Chức vụ', 'Chức danh']],
    ['sex', ['Giới tính']],
    ['recruitedOn', ['Ngày tuyển dụng']],
    ['leave', ['Nghỉ', 'Thai sản', 'Nghỉ thai sản']],
    [
      'score',
      [
        'Điểm đánh giá',
        'Điểm thủ trưởng đánh giá',
        'Cấp có thẩm quyền đánh giá',
        'Điểm hội đồng',
        'Tổng điểm',
        'Điểm đánh giá của thủ trưởng',
        'Điểm',
      ],
    ],
    ['selfScore', ['Điểm tự chấm', 'Tự chấm', 'Điểm tự đánh giá', 'Cá nhân tự đánh giá', 'Điểm cá nhân tự chấm']],
    ['general', ['Tiêu chí chung', 'Điểm tiêu chí chung']],
    ['results', ['Kết quả thực hiện nhiệm vụ', 'Điểm kết quả thực hiện nhiệm vụ']],
    ['allTasksDone', ['Hoàn thành 100% nhiệm vụ']],
    ['exceededPct', ['Tỷ lệ nhiệm vụ vượt mức', 'Vượt (%)']],
    ['latePct', ['Tỷ lệ nhiệm vụ chậm tiến độ', 'Chậm']],
    ['discipline', ['Kỷ luật', 'Hình thức kỷ luật']],
    ['note', ['Ghi chú']],
    ['period', ['Tháng']],
  ])('%s', (field, headers) => {
    for (const header of headers) expect(fieldOf(header), header).toBe(field);
  });

  it('knows the computed columns exactly, and STT as a column to ignore', () => {
    expect(fieldOf('Xếp loại')).toBe('=classification');
    expect(fieldOf('HẠNG TRONG ĐƠN VỊ')).toBe('=rankInUnit');
    expect(fieldOf('Hạng toàn trường')).toBe('=rankInOrg');
    expect(fieldOf('Giải thích')).toBe('=explanation');
    expect(fieldOf('Trạng thái đồng bộ')).toBe('=syncStatus');
    expect(fieldOf('STT')).toBe('ignore');
    expect(fieldOf('Xếp loại tháng')).toBeNull();
  });

  it('lets a self score win over the generic "điểm"', () => {
    expect(fieldOf(['Điểm Tự chấm', 'Tự chấm'])).toBe('selfScore');
    expect(fieldOf(['Tự đánh giá Điểm', 'Điểm'])).toBe('selfScore');
    expect(fieldOf(['Điểm Đánh giá', 'Đánh giá'])).toBe('score');
  });

  it('leaves unknown and lookalike columns alone', () => {
    for (const header of ['Số điện thoại', 'Mã ngạch', 'Mã đơn vị', 'Nhận xét, đánh giá', 'Quê quán']) {
      expect(fieldOf(header), header).toBeNull();
    }
  });

  it('reads only unit fields on a unit sheet', () => {
    expect(fieldOf('Đơn vị', 'unit')).toBe('unit');
    expect(fieldOf('Tên đơn vị', 'unit')).toBe('unit');
    expect(fieldOf('Điểm tự chấm', 'unit')).toBe('selfScore');
    expect(fieldOf('Họ và tên', 'unit')).toBeNull();
    expect(fieldOf('Mã CB', 'unit')).toBeNull();
  });
});
