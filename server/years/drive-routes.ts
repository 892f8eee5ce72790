import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { contributionRowSchema } from '../contract/contribution-row.ts';
import {
  contributionPushMinimalSchema,
  contributionPushResponseSchema,
  contributionSheetSchema,
  movementPushMinimalSchema,
  movementPushResponseSchema,
  movementSheetSchema,
} from '../contract/drive-sheets.ts';
import { movementRowSchema } from '../contract/movement-row.ts';
import { yearPeriodSchema } from '../contract/period.ts';
import { pushRequestSchema } from '../contract/push.ts';
import { yearStatisticsSchema } from '../contract/year-statistics.ts';
import { errorResponses } from '../http/error-body.ts';
import { body, documentRowSchema, json } from '../http/openapi-parts.ts';
import { newRouter } from '../http/router.ts';
import { allowRoles } from '../middleware/role-gate.ts';
import { answerPush, pushAnswer, pushHeaders } from '../push/push-http.ts';
import { contributionPush } from './contribution-push.ts';
import { contributionSheet, driveReader, movementSheet } from './drive-view.ts';
import { movementPush } from './movement-push.ts';
import { yearStatisticsView } from './year-statistics-view.ts';

const params = z.object({ year: yearPeriodSchema });
const rowsDescription =
  'Mỗi dòng được kiểm tra riêng: `accepted`, `unchanged`, `rejected` (kèm lỗi từng trường) hoặc `conflict` (kèm giá trị đã lưu). ' +
  'Cả lần gửi là một giao dịch; năm đã chốt thì từ chối. Không bao giờ là đầu vào của xếp loại hay danh hiệu.';

const routes = {
  pushMovements: createRoute({
    method: 'post',
    middleware: [allowRoles('admin', 'council')] as const,
    path: '/years/{year}/movements',
    tags: ['Năm'],
    summary: 'Gửi sổ phong trào, cuộc vận động của năm (các dòng MovementRow); chỉ Hội đồng hoặc quản trị',
    description: rowsDescription,
    request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
    responses: { 200: pushAnswer(movementPushResponseSchema, movementPushMinimalSchema, 'Kết quả từng dòng và sổ phong trào'), ...errorResponses(401, 403, 409, 413, 422) },
  }),
  pullMovements: createRoute({
    method: 'get',
    path: '/years/{year}/movements',
    tags: ['Năm'],
    summary: 'Sổ phong trào, cuộc vận động của năm',
    request: { params },
    responses: { 200: json(movementSheetSchema, 'Sổ phong trào'), ...errorResponses(401, 422) },
  }),
  pushContributions: createRoute({
    method: 'post',
    middleware: [allowRoles('admin', 'council', 'rater')] as const,
    path: '/years/{year}/contributions',
    tags: ['Năm'],
    summary: 'Gửi đóng góp cho các phong trào (các dòng ContributionRow); người chấm chỉ cho đơn vị mình',
    description: rowsDescription,
    request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
    responses: { 200: pushAnswer(contributionPushResponseSchema, contributionPushMinimalSchema, 'Kết quả từng dòng, đóng góp và tổng hợp'), ...errorResponses(401, 403, 409, 413, 422) },
  }),
  pullContributions: createRoute({
    method: 'get',
    path: '/years/{year}/contributions',
    tags: ['Năm'],
    summary:
      'Đóng góp của năm và tổng hợp theo phong trào, đơn vị. Số tiền của từng người chỉ quản trị, Hội đồng và người chấm của đơn vị đó thấy; ' +
      'người khác thấy tổng theo đơn vị. Không xếp hạng, không sắp xếp theo số tiền',
    request: { params },
    responses: { 200: json(contributionSheetSchema, 'Đóng góp và tổng hợp'), ...errorResponses(401, 422) },
  }),
  statistics: createRoute({
    method: 'get',
    path: '/years/{year}/statistics',
    tags: ['Năm'],
    summary: 'Tổng hợp thi đua của năm (DOC-7): lượt xếp loại tháng, HTXS, danh hiệu đề nghị và đã quyết định, học viên, phong trào, sáng kiến',
    request: { params },
    responses: { 200: json(yearStatisticsSchema, 'Tổng hợp thi đua'), ...errorResponses(401, 422) },
  }),
};

/** The year's movements and drives (DRV-1 … DRV-4) and its statistics (DOC-7). */
export function driveRoutes() {
  const app = newRouter();
  documentRowSchema(app, 'MovementRow', movementRowSchema);
  documentRowSchema(app, 'ContributionRow', contributionRowSchema);
  app.openapi(routes.pushMovements, async (c) =>
    c.json(await answerPush(c, movementPush, c.req.valid('param').year, c.req.valid('json'), c.req.valid('header')), 200),
  );
  app.openapi(routes.pullMovements, async (c) => c.json(await movementSheet(c.get('db'), c.get('caller').orgId, c.req.valid('param').year), 200));
  app.openapi(routes.pushContributions, async (c) => {
    const param = { year: c.req.valid('param').year, reader: driveReader(c.get('caller')) };
    return c.json(await answerPush(c, contributionPush, param, c.req.valid('json'), c.req.valid('header')), 200);
  });
  app.openapi(routes.pullContributions, async (c) =>
    c.json(await contributionSheet(c.get('db'), driveReader(c.get('caller')), c.req.valid('param').year), 200),
  );
  app.openapi(routes.statistics, async (c) => c.json(await yearStatisticsView(c.get('db'), c.get('caller').orgId, c.req.valid('param').year), 200));
  return app;
}
