import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { decisionRequestSchema, decisionSchema } from '../contract/council.ts';
import { yearPeriodSchema } from '../contract/period.ts';
import { pushRequestSchema } from '../contract/push.ts';
import { initiativeRowSchema } from '../contract/year-initiative-row.ts';
import { personYearRowSchema } from '../contract/year-person-row.ts';
import { proposalsQuerySchema, yearProposalsSchema, yearResultsSchema } from '../contract/year-results.ts';
import {
  initiativePushMinimalSchema,
  initiativePushResponseSchema,
  initiativeSheetSchema,
  personYearPushMinimalSchema,
  personYearPushResponseSchema,
  personYearSheetSchema,
} from '../contract/year-sheets.ts';
import { decisionRowSchema } from '../contract/decision-row.ts';
import {
  decisionPushMinimalSchema,
  decisionPushResponseSchema,
  decisionSheetSchema,
  votePushMinimalSchema,
  votePushResponseSchema,
  voteSheetSchema,
} from '../contract/dossier-sheets.ts';
import { voteRowSchema } from '../contract/vote-row.ts';
import { requireRole } from '../access/access.ts';
import { decisionRegisterPush, decisionSheet } from './decision-register-push.ts';
import { votePush, voteSheet } from './vote-push.ts';
import { yearProposals } from './titles-proposals.ts';
import { decideYear } from './year-decisions.ts';
import { initiativeSheet } from './year-initiatives-view.ts';
import { personYearSheet } from './year-people-view.ts';
import { initiativePush } from './initiative-push.ts';
import { personYearPush } from './person-year-push.ts';
import { yearResults } from './year-results.ts';
import { errorResponses } from '../http/error-body.ts';
import { body, documentRowSchema, json } from '../http/openapi-parts.ts';
import { answerPush, pushAnswer, pushHeaders } from '../push/push-http.ts';
import { newRouter } from '../http/router.ts';

const params = z.object({ year: yearPeriodSchema });
const tags = ['Năm'];
const rowsDescription =
  'Mỗi dòng được kiểm tra riêng: `accepted`, `unchanged`, `rejected` (kèm lỗi từng trường) hoặc `conflict` (kèm giá trị đã lưu). ' +
  'Cả lần gửi là một giao dịch; năm đã chốt thì từ chối.';

const routes = {
  pushPeople: createRoute({
    method: 'post',
    path: '/years/{year}/people',
    tags,
    summary: 'Gửi bảng xếp loại năm của cán bộ (các dòng PersonYearRow)',
    description: rowsDescription,
    request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
    responses: {
      200: pushAnswer(personYearPushResponseSchema, personYearPushMinimalSchema, 'Kết quả từng dòng và cả năm'),
      ...errorResponses(401, 403, 409, 413, 422),
    },
  }),
  pullPeople: createRoute({
    method: 'get',
    path: '/years/{year}/people',
    tags,
    summary: 'Bảng năm: dữ liệu năm đã lưu và kết quả tính toán của mọi người có dữ liệu trong năm',
    request: { params },
    responses: { 200: json(personYearSheetSchema, 'Cả năm'), ...errorResponses(401, 422) },
  }),
  pushInitiatives: createRoute({
    method: 'post',
    path: '/years/{year}/initiatives',
    tags,
    summary: 'Gửi bảng sáng kiến, đề tài của năm (các dòng InitiativeRow)',
    description: rowsDescription,
    request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
    responses: {
      200: pushAnswer(initiativePushResponseSchema, initiativePushMinimalSchema, 'Kết quả từng dòng và cả bảng sáng kiến'),
      ...errorResponses(401, 403, 409, 413, 422),
    },
  }),
  pullInitiatives: createRoute({
    method: 'get',
    path: '/years/{year}/initiatives',
    tags,
    summary: 'Sáng kiến, đề tài có ngày công nhận trong năm',
    request: { params },
    responses: { 200: json(initiativeSheetSchema, 'Bảng sáng kiến'), ...errorResponses(401, 422) },
  }),
  results: createRoute({
    method: 'get',
    path: '/years/{year}/results',
    tags,
    summary: 'Xếp loại năm của cán bộ và đơn vị: điểm năm, số tháng, hạng, tỷ lệ, giải thích',
    request: { params },
    responses: { 200: json(yearResultsSchema, 'Kết quả năm'), ...errorResponses(401, 422) },
  }),
  proposals: createRoute({
    method: 'get',
    path: '/years/{year}/proposals',
    tags,
    summary: 'Danh sách đề nghị danh hiệu thi đua, khen thưởng và dự toán tiền thưởng',
    request: { params, query: proposalsQuerySchema },
    responses: { 200: json(yearProposalsSchema, 'Đề nghị (chưa phải quyết định)'), ...errorResponses(401, 422) },
  }),
  pushVotes: createRoute({
    method: 'post',
    path: '/years/{year}/votes',
    tags: ['Hội đồng'],
    summary: 'Gửi kết quả biểu quyết của Hội đồng (các dòng VoteRow); chỉ Hội đồng hoặc quản trị',
    description: rowsDescription,
    request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
    responses: {
      200: pushAnswer(votePushResponseSchema, votePushMinimalSchema, 'Kết quả từng dòng và bảng biểu quyết'),
      ...errorResponses(401, 403, 409, 413, 422),
    },
  }),
  pullVotes: createRoute({
    method: 'get',
    path: '/years/{year}/votes',
    tags: ['Hội đồng'],
    summary: 'Kết quả bình xét: biểu quyết đã lưu, tỷ lệ đồng ý và kết quả theo bộ quy tắc',
    request: { params },
    responses: { 200: json(voteSheetSchema, 'Bảng biểu quyết'), ...errorResponses(401, 422) },
  }),
  pushRegister: createRoute({
    method: 'post',
    path: '/years/{year}/decisions-register',
    tags: ['Hội đồng'],
    summary: 'Gửi sổ quyết định khen thưởng (các dòng DecisionRow); chỉ Hội đồng hoặc quản trị',
    description: rowsDescription,
    request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
    responses: {
      200: pushAnswer(decisionPushResponseSchema, decisionPushMinimalSchema, 'Kết quả từng dòng và sổ quyết định'),
      ...errorResponses(401, 403, 409, 413, 422),
    },
  }),
  pullRegister: createRoute({
    method: 'get',
    path: '/years/{year}/decisions-register',
    tags: ['Hội đồng'],
    summary: 'Quyết định khen thưởng đã lưu trong sổ của năm, kèm cảnh báo',
    request: { params },
    responses: { 200: json(decisionSheetSchema, 'Sổ quyết định khen thưởng'), ...errorResponses(401, 422) },
  }),
  decide: createRoute({
    method: 'post',
    path: '/years/{year}/decisions',
    tags: ['Hội đồng'],
    summary: 'Quyết định của Hội đồng cho năm: xét HTXS trong tỷ lệ, nâng tỷ lệ (≤ 25%), chốt, mở lại',
    request: { params, body: body(decisionRequestSchema) },
    responses: { 201: json(decisionSchema, 'Đã ghi quyết định'), ...errorResponses(401, 403, 404, 409, 422) },
  }),
};

export function yearRoutes() {
  const app = newRouter();
  documentRowSchema(app, 'PersonYearRow', personYearRowSchema);
  documentRowSchema(app, 'InitiativeRow', initiativeRowSchema);
  documentRowSchema(app, 'VoteRow', voteRowSchema);
  documentRowSchema(app, 'DecisionRow', decisionRowSchema);
  app.openapi(routes.pushPeople, async (c) =>
    c.json(await answerPush(c, personYearPush, c.req.valid('param').year, c.req.valid('json'), c.req.valid('header')), 200),
  );
  app.openapi(routes.pullPeople, async (c) =>
    c.json(await personYearSheet(c.get('db'), c.get('caller').orgId, c.req.valid('param').year), 200),
  );
  app.openapi(routes.pushInitiatives, async (c) =>
    c.json(await answerPush(c, initiativePush, c.req.valid('param').year, c.req.valid('json'), c.req.valid('header')), 200),
  );
  app.openapi(routes.pullInitiatives, async (c) =>
    c.json(await initiativeSheet(c.get('db'), c.get('caller').orgId, c.req.valid('param').year), 200),
  );
  app.openapi(routes.pushVotes, async (c) =>
    c.json(await answerPush(c, votePush, c.req.valid('param').year, c.req.valid('json'), c.req.valid('header')), 200),
  );
  app.openapi(routes.pullVotes, async (c) => c.json(await voteSheet(c.get('db'), c.get('caller').orgId, c.req.valid('param').year), 200));
  app.openapi(routes.pushRegister, async (c) =>
    c.json(await answerPush(c, decisionRegisterPush, c.req.valid('param').year, c.req.valid('json'), c.req.valid('header')), 200),
  );
  app.openapi(routes.pullRegister, async (c) =>
    c.json(await decisionSheet(c.get('db'), c.get('caller').orgId, c.req.valid('param').year), 200),
  );
  app.openapi(routes.results, async (c) =>
    c.json(await yearResults(c.get('db'), c.get('caller').orgId, c.req.valid('param').year), 200),
  );
  app.openapi(routes.proposals, async (c) => {
    const { baseSalary } = c.req.valid('query');
    return c.json(await yearProposals(c.get('db'), c.get('caller').orgId, c.req.valid('param').year, baseSalary), 200);
  });
  app.openapi(routes.decide, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin', 'council');
    return c.json(await decideYear(c.get('db'), caller, c.req.valid('param').year, c.req.valid('json')), 201);
  });
  return app;
}
