import type { CellValue, SheetGrid } from '../../../../addin/sheet/types.ts';

/** Grids of the year's sheets, laid out as a school keeps them: title rows, then the header on row 4. */

const TITLE: CellValue[][] = [['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA'], ['BẢNG XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC NĂM 2021'], []];

export const YEAR_HEADER = [
  'STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Nhóm', 'Chức vụ', 'Giới tính', 'Ngày tuyển dụng', 'Hoàn thành 100% nhiệm vụ',
  'Tỷ lệ vượt', 'Tỷ lệ chậm', 'Kỷ luật', 'Đang xem xét kỷ luật', 'Số phiếu đồng ý', 'Tổng số phiếu',
  'Danh hiệu các năm trước', 'Ghi chú',
];

/** Rows 5–7 (Excel): a full row, a row without a code, a row with a vote. */
export function yearGrid(name = 'Năm 2021'): SheetGrid {
  const values: CellValue[][] = [
    ...TITLE.map((r) => [...r]),
    [...YEAR_HEADER],
    [1, 'CB001', 'Lò Văn Long', 'Khoa Xây dựng Đảng', 'Giảng viên', 'Trưởng khoa', 'Nam', '01/09/1998', 'Có', '45%', 0, '', '', 9, 10, 'CSTĐCS 2019, 2020', ''],
    [2, '', 'Cầm Thị Hương', 'Phòng Tổ chức - Hành chính', 'Chuyên viên', '', 'Nữ', '', 'x', 30, '', '', '', '', '', '', 'Mới chuyển đến'],
    [3, 'CB016', 'Hà Văn Tuấn', 'Khoa Lý luận cơ sở', 'Giảng viên', '', '', '', '', '', '', '', 'x', 10, 10, 'CSTĐCS 2020', ''],
  ];
  return { name, values, top: 0, left: 0 };
}

export const INITIATIVE_HEADER = ['STT', 'Mã CB', 'Họ và tên', 'Đơn vị', 'Loại', 'Tên sáng kiến/đề tài', 'Cấp công nhận', 'Ngày công nhận', 'Ghi chú'];

/** Rows 5–7: a sáng kiến by code, a đề tài by name and unit, a sáng kiến of the same person. */
export function initiativeGrid(name = 'Sáng kiến 2021'): SheetGrid {
  const values: CellValue[][] = [
    ['TRƯỜNG CHÍNH TRỊ TỈNH SƠN LA'],
    ['DANH SÁCH SÁNG KIẾN, ĐỀ TÀI NĂM 2021'],
    [],
    [...INITIATIVE_HEADER],
    [1, 'CB016', 'Hà Văn Tuấn', 'Khoa Lý luận cơ sở', 'Sáng kiến', 'Dạy học lý luận qua tình huống', 'Cấp tỉnh', '10/05/2021', ''],
    [2, '', 'Cầm Thị Hương', 'Phòng Tổ chức - Hành chính', 'Đề tài', 'Công tác dân vận ở cơ sở', '', '01/06/2021', ''],
    [3, 'CB016', 'Hà Văn Tuấn', 'Khoa Lý luận cơ sở', 'SK', 'Số hóa hồ sơ học viên', 'cơ sở', 44_520, ''],
  ];
  return { name, values, top: 0, left: 0 };
}

export const STUDENT_HEADER = ['STT', 'Lớp', 'Mã HV', 'Họ và tên', 'Điểm trung bình', 'Rèn luyện', 'Kỷ luật', 'Ghi chú'];

/** Rows 4–8 of the class "TC K45": codes for some, names only for others. */
export function studentGrid(name = 'Sheet1', className: CellValue = 'TC K45'): SheetGrid {
  const values: CellValue[][] = [
    ['KẾT QUẢ HỌC TẬP, RÈN LUYỆN CỦA HỌC VIÊN'],
    [],
    [...STUDENT_HEADER],
    [1, className, 'HV01', 'Nguyễn Thị Ánh', '9,5', 'Tốt', '', ''],
    [2, className, 'HV02', 'Trần Văn Bảo', 9.1, 'tốt', '', ''],
    [3, className, '', 'Lê Thị Cúc', 9.1, 'Tốt', '', ''],
    [4, className, '', 'Phạm Văn Dũng', 8.2, 'Khá', 'Không', ''],
    [5, className, 'HV05', 'Hoàng Văn Em', 7, 'Tốt', 'Khiển trách', ''],
  ];
  return { name, values, top: 0, left: 0 };
}
