import { createRoute } from '@hono/zod-openapi';
import { pushRequestSchema } from '../contract/push.ts';
import {
  classCommendationsSchema,
  classListSchema,
  classParamSchema,
  classStudentsPushMinimalSchema,
  classStudentsPushResponseSchema,
  classStudentsSchema,
  studentRowSchema,
} from '../contract/students.ts';
import { requireRole, unitScopeError } from '../access/access.ts';
import { cleanText, matchKey } from '../contract/text.ts';
import { classYearRequestSchema, classYearSchema } from '../contract/year-statistics.ts';
import { setClassYear } from './class-year-repository.ts';
import { studentPush } from './student-push.ts';
import { classCommendations, classList, classStudents } from './class-view.ts';
import { errorResponses } from '../http/error-body.ts';
import { body, documentRowSchema, json } from '../http/openapi-parts.ts';
import { answerPush, pushAnswer, pushHeaders } from '../push/push-http.ts';
import { newRouter } from '../http/router.ts';
import { allowRoles } from '../middleware/role-gate.ts';

const params = classParamSchema;
const tags = ['Học viên'];

const routes = {
  list: createRoute({
    method: 'get',
    path: '/classes',
    tags,
    summary: 'Các lớp đã có học viên',
    responses: { 200: json(classListSchema, 'Các lớp'), ...errorResponses(401) },
  }),
  push: createRoute({
    method: 'post',
    middleware: [allowRoles('admin', 'council', 'rater')] as const,
    path: '/classes/{class}/students',
    tags,
    summary: 'Gửi bảng học viên của một lớp (các dòng StudentRow; tên lớp mã hóa URL)',
    description:
      'Mỗi dòng được kiểm tra riêng: `accepted`, `unchanged`, `rejected` hoặc `conflict`. Học viên được nhận biết theo Mã HV, ' +
      'hoặc theo họ tên khi không có mã. Cả lần gửi là một giao dịch.',
    request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
    responses: {
      200: pushAnswer(classStudentsPushResponseSchema, classStudentsPushMinimalSchema, 'Kết quả từng dòng và cả lớp'),
      ...errorResponses(401, 403, 409, 413, 422),
    },
  }),
  pull: createRoute({
    method: 'get',
    path: '/classes/{class}/students',
    tags,
    summary: 'Học viên của lớp: xếp loại, khen thưởng, giải thích',
    request: { params },
    responses: { 200: json(classStudentsSchema, 'Cả lớp'), ...errorResponses(401, 422) },
  }),
  commendations: createRoute({
    method: 'get',
    path: '/classes/{class}/commendations',
    tags,
    summary: 'Danh sách đề nghị khen thưởng học viên của lớp (tối đa 10% sĩ số), các trường hợp đồng điểm',
    request: { params },
    responses: { 200: json(classCommendationsSchema, 'Đề nghị khen thưởng'), ...errorResponses(401, 422) },
  }),
  year: createRoute({
    method: 'put',
    middleware: [allowRoles('admin', 'council', 'rater')] as const,
    path: '/classes/{class}/year',
    tags,
    summary: 'Gắn lớp với một năm: học viên được khen thưởng của lớp được tính vào Tổng hợp thi đua của năm đó',
    request: { params, body: body(classYearRequestSchema) },
    responses: { 200: json(classYearSchema, 'Lớp và năm'), ...errorResponses(401, 403, 422) },
  }),
};

export function studentRoutes() {
  const app = newRouter();
  documentRowSchema(app, 'StudentRow', studentRowSchema);
  app.openapi(routes.list, async (c) => c.json(await classList(c.get('db'), c.get('caller').orgId), 200));
  app.openapi(routes.push, async (c) =>
    c.json(await answerPush(c, studentPush, c.req.valid('param').class, c.req.valid('json'), c.req.valid('header')), 200),
  );
  app.openapi(routes.pull, async (c) =>
    c.json(await classStudents(c.get('db'), c.get('caller').orgId, c.req.valid('param').class), 200),
  );
  app.openapi(routes.commendations, async (c) =>
    c.json(await classCommendations(c.get('db'), c.get('caller').orgId, c.req.valid('param').class), 200),
  );
  app.openapi(routes.year, async (c) => {
    const caller = c.get('caller');
    const className = c.req.valid('param').class;
    if (unitScopeError(caller, matchKey(className))) requireRole(caller, 'admin', 'council');
    await setClassYear(c.get('db'), caller.orgId, matchKey(className), c.req.valid('json').year, caller.userId);
    return c.json({ class: cleanText(className), year: c.req.valid('json').year }, 200);
  });
  return app;
}
