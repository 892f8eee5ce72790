import type { CellValue, SheetGrid } from '../../../../addin/sheet/types.ts';

/** Grids of the year's dossier sheets as a school lays them out: title rows, then the header on row 4. */

const grid = (name: string, title: string, header: readonly CellValue[], rows: CellValue[][]): SheetGrid => ({
  name,
  values: [['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA'], [title], [], [...header], ...rows.map((r) => [...r])],
  top: 0,
  left: 0,
});

export const REGISTRATION_HEADER = [
  'STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Chức vụ', 'Đối tượng', 'Danh hiệu đăng ký', 'Hình thức khen thưởng đăng ký',
  'Sáng kiến/đề tài đăng ký', 'Chỉ tiêu cam kết', 'Ngày đăng ký', 'Ghi chú',
];

/** Rows 5–8: a person by code, a person by name, a collective, a pledge-only row. */
export function registrationGrid(name = 'Đăng ký thi đua 2021'): SheetGrid {
  return grid(name, 'DANH SÁCH ĐĂNG KÝ THI ĐUA NĂM 2021', REGISTRATION_HEADER, [
    [1, 'CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 'Trưởng khoa', 'Cá nhân', 'CSTĐ cơ sở', 'Giấy khen', 'Dạy học theo tình huống', '', '15/01/2021', ''],
    [2, '', 'Cầm Thị Hương', 'Phòng Tổ chức - Hành chính', '', '', 'Lao động tiên tiến', '', '', '', '20/01/2021', ''],
    [3, '', '', 'Khoa Lý luận cơ sở', '', 'Tập thể', 'Tập thể LĐXS', '', '', '100% giảng viên đạt chuẩn', '15/01/2021', ''],
    [4, 'CB016', 'Hà Văn Tuấn', 'Khoa Lý luận cơ sở', '', '', '', '', '', 'Hoàn thành 100% kế hoạch giảng dạy', '15/01/2021', ''],
  ]);
}

export const PLEDGE_HEADER = ['STT', 'Đơn vị', 'Nội dung giao ước', 'Chỉ tiêu', 'Đơn vị tính', 'Kế hoạch', 'Kết quả', 'Ghi chú'];

/** Rows 5–7: two targets of one unit, one with Kế hoạch 0; a target of another unit. */
export function pledgeGrid(name = 'Giao ước thi đua 2021'): SheetGrid {
  return grid(name, 'GIAO ƯỚC THI ĐUA NĂM 2021', PLEDGE_HEADER, [
    [1, 'Khoa Xây dựng Đảng', 'Giảng dạy vượt định mức', 'Số tiết', 'tiết', 400, '456', ''],
    [2, 'Khoa Xây dựng Đảng', 'Bài viết đăng tạp chí', 'Số bài', 'bài', 0, 2, ''],
    [3, 'Khoa Lý luận cơ sở', 'Giảng dạy vượt định mức', 'Số tiết', 'tiết', '360', '', ''],
  ]);
}

export const VOTE_HEADER = ['STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Danh hiệu', 'Số thành viên Hội đồng', 'Số thành viên dự họp', 'Số phiếu đồng ý', 'Ghi chú'];

/** Rows 5–7: a CSTĐCS vote, an LĐTT vote of the same person, a collective's vote. */
export function voteGrid(name = 'Kết quả bình xét 2021'): SheetGrid {
  return grid(name, 'KẾT QUẢ BÌNH XÉT THI ĐUA NĂM 2021', VOTE_HEADER, [
    [1, 'CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 'CSTĐCS', 9, 9, 8, ''],
    [2, 'CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 'LĐTT', 9, 9, 9, ''],
    [3, '', '', 'Khoa Lý luận cơ sở', 'Tập thể lao động xuất sắc', 9, 6, 7, ''],
  ]);
}

export const DECISION_HEADER = [
  'STT', 'Số quyết định', 'Ngày quyết định', 'Cơ quan ban hành', 'Đối tượng', 'Mã CB', 'Đơn vị', 'Họ và tên',
  'Danh hiệu/Hình thức', 'Năm thành tích', 'Số sổ vàng', 'Ghi chú',
];

/** Rows 5–7: two titles of one person for 2020, a collective's title. */
export function decisionGrid(name = 'Quyết định khen thưởng 2021'): SheetGrid {
  return grid(name, 'SỔ QUYẾT ĐỊNH KHEN THƯỞNG NĂM 2021', DECISION_HEADER, [
    [1, '125/QĐ-TCT', '20/12/2020', 'Trường Chính trị tỉnh', 'Cá nhân', 'CB001', 'Khoa Xây dựng Đảng', 'Lò Văn Long', 'CSTĐCS', 2020, '', ''],
    [2, '125/QĐ-TCT', '20/12/2020', 'Trường Chính trị tỉnh', 'Cá nhân', 'CB001', 'Khoa Xây dựng Đảng', 'Lò Văn Long', 'LĐTT', 2020, '', ''],
    [3, '126/QĐ-TCT', '20/12/2020', 'Trường Chính trị tỉnh', 'Tập thể', '', 'Khoa Lý luận cơ sở', '', 'TTLĐXS', '2020', 'SV-12', ''],
  ]);
}
