import { z } from 'zod';

export const organisationSettingsSchema = z
  .object({
    ratersCreatePeople: z.boolean().meta({
      description:
        'true (mặc định): người chấm được thêm cán bộ mới khi gửi bảng; người mới được đánh dấu "mới" trong tổng hợp tháng và nhật ký. ' +
        'false: chỉ quản trị viên thêm cán bộ (nhập danh sách); dòng của người chưa có bị từ chối.',
    }),
  })
  .meta({ id: 'OrganisationSettings' });
export type OrganisationSettings = z.infer<typeof organisationSettingsSchema>;
