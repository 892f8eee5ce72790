/** Every label of the pane, Vietnamese first, English second. Messages from the service come in Vietnamese. */
const vi = {
  title: 'Bình Xét',
  switchLanguage: 'English',
  server: 'Địa chỉ máy chủ',
  accessKey: 'Khóa truy cập cá nhân',
  connect: 'Kết nối',
  disconnect: 'Đổi kết nối',
  connectedAs: 'Đã kết nối: {user} ({role}) — {org}',
  keyHint: 'Khóa chỉ lưu trên máy này, không lưu vào sổ Excel.',
  fileMode: 'Excel của cơ quan chưa chạy được add-in? Chọn tệp .xlsx, kiểm tra, đồng bộ rồi tải tệp về.',
  pickFile: 'Chọn tệp Excel (.xlsx)',
  download: 'Tải tệp đã cập nhật',
  sheet: 'Trang tính',
  kind: 'Loại bảng',
  kindPerson: 'Cán bộ',
  kindUnit: 'Khoa, phòng',
  period: 'Tháng (YYYY-MM)',
  periodAuto: 'tự nhận',
  check: 'Kiểm tra',
  sync: 'Đồng bộ',
  refresh: 'Làm mới',
  newMonth: 'Tạo bảng tháng',
  problems: 'Vấn đề',
  noProblems: 'Không có vấn đề.',
  working: 'Đang xử lý…',
  progress: '{done}/{total} dòng',
  checked: 'Đã kiểm tra {rows} dòng: {errors} lỗi, {warnings} cảnh báo.',
  synced: 'Đã đồng bộ tháng {period}: {accepted} dòng mới/sửa, {unchanged} không đổi, {rejected} lỗi, {conflict} xung đột.',
  nothingToSend: 'Không có thay đổi mới; đã cập nhật các cột tính toán của tháng {period}.',
  refreshed: 'Đã làm mới các cột tính toán của tháng {period}.',
  created: 'Đã tạo trang "{sheet}" từ danh sách {people} người.',
  offline: 'Mất kết nối máy chủ. Các thay đổi vẫn được giữ và sẽ được gửi ở lần đồng bộ sau.',
  unauthorised: 'Khóa truy cập không hợp lệ hoặc đã hết hạn. Hãy kết nối lại bằng khóa mới.',
  needConnection: 'Hãy kết nối với máy chủ trước.',
  needFile: 'Hãy chọn một tệp Excel trước.',
  mapping: 'Chọn cột cho các trường còn thiếu',
  saveMapping: 'Lưu cách ghép cột',
  notMapped: '(không có)',
  addCodes: 'Thêm cột "Mã CB" từ danh sách',
  unexpected: 'Lỗi không mong đợi: {message}',
  role_admin: 'quản trị',
  role_council: 'hội đồng',
  role_rater: 'người chấm',
  role_viewer: 'người xem',
};

type Key = keyof typeof vi;

const en: Record<Key, string> = {
  title: 'Bình Xét',
  switchLanguage: 'Tiếng Việt',
  server: 'Server address',
  accessKey: 'Personal access key',
  connect: 'Connect',
  disconnect: 'Change connection',
  connectedAs: 'Connected: {user} ({role}) — {org}',
  keyHint: 'The key stays on this computer, never in the workbook.',
  fileMode: 'Excel cannot run add-ins here? Pick an .xlsx file, check and sync it, then download it.',
  pickFile: 'Pick an Excel file (.xlsx)',
  download: 'Download the updated file',
  sheet: 'Sheet',
  kind: 'Table kind',
  kindPerson: 'Staff',
  kindUnit: 'Departments',
  period: 'Month (YYYY-MM)',
  periodAuto: 'detected',
  check: 'Check',
  sync: 'Sync',
  refresh: 'Refresh',
  newMonth: 'New month sheet',
  problems: 'Problems',
  noProblems: 'No problems.',
  working: 'Working…',
  progress: '{done}/{total} rows',
  checked: 'Checked {rows} rows: {errors} errors, {warnings} warnings.',
  synced: 'Synced {period}: {accepted} new/changed, {unchanged} unchanged, {rejected} rejected, {conflict} conflicts.',
  nothingToSend: 'Nothing new to send; refreshed the computed columns of {period}.',
  refreshed: 'Refreshed the computed columns of {period}.',
  created: 'Created sheet "{sheet}" from a roster of {people}.',
  offline: 'The server cannot be reached. Your changes are kept and will be sent with the next sync.',
  unauthorised: 'The access key is invalid or expired. Connect again with a new key.',
  needConnection: 'Connect to the server first.',
  needFile: 'Pick an Excel file first.',
  mapping: 'Choose columns for the missing fields',
  saveMapping: 'Save the column mapping',
  notMapped: '(none)',
  addCodes: 'Add a "Mã CB" column from the roster',
  unexpected: 'Unexpected error: {message}',
  role_admin: 'admin',
  role_council: 'council',
  role_rater: 'rater',
  role_viewer: 'viewer',
};

export type Language = 'vi' | 'en';
let current: Language = 'vi';

export function setLanguage(language: Language): void {
  current = language;
}

export function language(): Language {
  return current;
}

export function t(key: Key, values: Record<string, string | number> = {}): string {
  const text = (current === 'vi' ? vi : en)[key];
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}

export type MessageKey = Key;
