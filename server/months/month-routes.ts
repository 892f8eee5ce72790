import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { decisionRequestSchema, decisionSchema, monthSummarySchema } from '../contract/council.ts';
import { periodSchema } from '../contract/period.ts';
import { personRowSchema } from '../contract/person-row.ts';
import {
  monthPushMinimalSchema,
  personMonthSchema,
  personPushResponseSchema,
  pushRequestSchema,
  unitMonthSchema,
  unitPushResponseSchema,
} from '../contract/push.ts';
import { quarterSchema, taskMonthSchema, taskPushResponseSchema, taskQuarterSchema } from '../contract/task-sheet.ts';
import { taskRowSchema } from '../contract/task-row.ts';
import { unitRowSchema } from '../contract/unit-row.ts';
import { requireRole } from '../access/access.ts';
import { decide, monthSummary } from './month-council.ts';
import { personMonthView, unitMonthView } from './month-view.ts';
import { personMonthPush } from './person-month-push.ts';
import { unitMonthPush } from './unit-month-push.ts';
import { taskMonthPush } from './task-month-push.ts';
import { taskMonthView } from './task-month-view.ts';
import { taskQuarterView } from './task-quarter-view.ts';
import { errorResponses } from '../http/error-body.ts';
import { body, documentRowSchema, json } from '../http/openapi-parts.ts';
import { answerPush, pushAnswer, pushHeaders } from '../push/push-http.ts';
import { newRouter } from '../http/router.ts';
import { allowRoles } from '../middleware/role-gate.ts';

const params = z.object({ period: periodSchema });

const pushPeopleRoute = createRoute({
  method: 'post',
  middleware: [allowRoles('admin', 'council', 'rater')] as const,
  path: '/months/{period}/people',
  tags: ['Tháng'],
  summary: 'Gửi kết quả đánh giá tháng của cán bộ (tối đa 50.000 dòng)',
  description:
    'Mỗi dòng được kiểm tra riêng: `accepted`, `unchanged`, `rejected` (kèm lỗi từng trường) hoặc `conflict` (kèm giá trị đã lưu). ' +
    'Cả lần gửi là một giao dịch. Câu trả lời mang các cột tính toán của mọi dòng trong tháng ' +
    '(với `Prefer: return=minimal`: chỉ kết quả từng dòng, số lượng và trạng thái tháng, không tính lại tháng).',
  request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
  responses: {
    200: pushAnswer(personPushResponseSchema, monthPushMinimalSchema, 'Kết quả từng dòng và cả tháng'),
    ...errorResponses(401, 403, 409, 413, 422),
  },
});

const pullPeopleRoute = createRoute({
  method: 'get',
  path: '/months/{period}/people',
  tags: ['Tháng'],
  summary: 'Kết quả tính toán của tháng: xếp loại, hạng, giải thích, tỷ lệ',
  request: { params },
  responses: { 200: json(personMonthSchema, 'Cả tháng'), ...errorResponses(401, 422) },
});

const pushUnitsRoute = createRoute({
  method: 'post',
  middleware: [allowRoles('admin', 'council', 'rater')] as const,
  path: '/months/{period}/units',
  tags: ['Tháng'],
  summary: 'Gửi kết quả đánh giá tháng của khoa, phòng',
  request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
  responses: {
    200: pushAnswer(unitPushResponseSchema, monthPushMinimalSchema, 'Kết quả từng dòng và cả tháng'),
    ...errorResponses(401, 403, 409, 413, 422),
  },
});

const pullUnitsRoute = createRoute({
  method: 'get',
  path: '/months/{period}/units',
  tags: ['Tháng'],
  summary: 'Kết quả tính toán tháng của các khoa, phòng',
  request: { params },
  responses: { 200: json(unitMonthSchema, 'Cả tháng'), ...errorResponses(401, 422) },
});

const pushTasksRoute = createRoute({
  method: 'post',
  path: '/months/{period}/tasks',
  tags: ['Tháng'],
  summary: 'Gửi bảng nhiệm vụ, sản phẩm của cán bộ trong tháng (NĐ 335/2025)',
  description:
    'Mỗi dòng (TaskRow) là một nhiệm vụ hoặc sản phẩm của một cán bộ đã có (tìm theo Mã CB, hoặc họ tên trong đơn vị; không tạo người mới), ' +
    'khóa theo cán bộ và Mã nhiệm vụ (không có thì theo Tên nhiệm vụ). Kiểm tra, phiên bản, xung đột, Idempotency-Key và tháng đã chốt như bảng đánh giá tháng. ' +
    'Câu trả lời mang các cột tính toán của từng dòng và từng người (tỷ lệ số lượng, chất lượng, tiến độ, điểm kết quả, mức xếp loại của tháng).',
  request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
  responses: {
    200: pushAnswer(taskPushResponseSchema, monthPushMinimalSchema, 'Kết quả từng dòng và bảng nhiệm vụ đã tính'),
    ...errorResponses(401, 403, 409, 413, 422),
  },
});

const pullTasksRoute = createRoute({
  method: 'get',
  path: '/months/{period}/tasks',
  tags: ['Tháng'],
  summary: 'Bảng nhiệm vụ của tháng với các cột tính toán từng dòng và từng người',
  request: { params },
  responses: { 200: json(taskMonthSchema, 'Bảng nhiệm vụ'), ...errorResponses(401, 422) },
});

const pullQuarterTasksRoute = createRoute({
  method: 'get',
  path: '/quarters/{quarter}/tasks',
  tags: ['Tháng'],
  summary: 'Kết quả nhiệm vụ của quý (YYYY-Qn): cộng ba tháng rồi mới tính, xếp loại theo bảng đánh giá của tháng cuối quý',
  description:
    'Chế độ theo quý (NĐ 335 Điều 14 k1): tổng tử số trên tổng số sản phẩm được giao của ba tháng, không lấy trung bình phần trăm từng tháng. ' +
    'Điểm tiêu chí chung, các ô nhập tay và mức xếp loại lấy theo dòng của người đó ở tháng cuối quý.',
  request: { params: z.object({ quarter: quarterSchema }) },
  responses: { 200: json(taskQuarterSchema, 'Kết quả quý'), ...errorResponses(401, 422) },
});

const summaryRoute = createRoute({
  method: 'get',
  path: '/months/{period}/summary',
  tags: ['Hội đồng'],
  summary: 'Tổng hợp tháng: số lượng theo mức và đơn vị, tỷ lệ HTXS từng nhóm, các trường hợp đồng điểm',
  request: { params },
  responses: { 200: json(monthSummarySchema, 'Tổng hợp'), ...errorResponses(401, 422) },
});

const decideRoute = createRoute({
  method: 'post',
  middleware: [allowRoles('admin', 'council')] as const,
  path: '/months/{period}/decisions',
  tags: ['Hội đồng'],
  summary: 'Quyết định của Hội đồng: xét HTXS trong tỷ lệ, nâng tỷ lệ (≤ 25%), chốt, mở lại',
  request: { params, body: body(decisionRequestSchema) },
  responses: { 201: json(decisionSchema, 'Đã ghi quyết định'), ...errorResponses(401, 403, 404, 409, 422) },
});

export function monthRoutes() {
  const app = newRouter();
  documentRowSchema(app, 'PersonRow', personRowSchema);
  documentRowSchema(app, 'UnitRow', unitRowSchema);
  documentRowSchema(app, 'TaskRow', taskRowSchema);
  app.openapi(pushPeopleRoute, async (c) =>
    c.json(await answerPush(c, personMonthPush, c.req.valid('param').period, c.req.valid('json'), c.req.valid('header')), 200),
  );
  app.openapi(pullPeopleRoute, async (c) =>
    c.json(await personMonthView(c.get('db'), c.get('caller').orgId, c.req.valid('param').period), 200),
  );
  app.openapi(pushUnitsRoute, async (c) =>
    c.json(await answerPush(c, unitMonthPush, c.req.valid('param').period, c.req.valid('json'), c.req.valid('header')), 200),
  );
  app.openapi(pullUnitsRoute, async (c) =>
    c.json(await unitMonthView(c.get('db'), c.get('caller').orgId, c.req.valid('param').period), 200),
  );
  app.openapi(pushTasksRoute, async (c) =>
    c.json(await answerPush(c, taskMonthPush, c.req.valid('param').period, c.req.valid('json'), c.req.valid('header')), 200),
  );
  app.openapi(pullTasksRoute, async (c) =>
    c.json(await taskMonthView(c.get('db'), c.get('caller').orgId, c.req.valid('param').period), 200),
  );
  app.openapi(pullQuarterTasksRoute, async (c) =>
    c.json(await taskQuarterView(c.get('db'), c.get('caller').orgId, c.req.valid('param').quarter), 200),
  );
  app.openapi(summaryRoute, async (c) =>
    c.json(await monthSummary(c.get('db'), c.get('caller').orgId, c.req.valid('param').period), 200),
  );
  app.openapi(decideRoute, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin', 'council');
    const decision = await decide(c.get('db'), caller, c.req.valid('param').period, c.req.valid('json'));
    return c.json(decision, 201);
  });
  return app;
}

