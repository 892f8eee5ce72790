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
import { requireRole } from '../access/access.ts';
import { dossierRoutes } from './dossier-routes.ts';
import { driveRoutes } from './drive-routes.ts';
import { proposalLists } from './proposal-list-view.ts';
import { proposalListQuerySchema, proposalListsSchema } from '../contract/proposal-list.ts';
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
import { allowRoles } from '../middleware/role-gate.ts';

const params = z.object({ year: yearPeriodSchema });
const tags = ['Năm'];
const rowsDescription =
  'Mỗi dòng được kiểm tra riêng: `accepted`, `unchanged`, `rejected` (kèm lỗi từng trường) hoặc `conflict` (kèm giá trị đã lưu). ' +
  'Cả lần gửi là một giao dịch; năm đã chốt thì từ chối.';

const routes = {
  pushPeople: createRoute({
    method: 'post',
    middleware: [allowRoles('admin', 'council', 'rater')] as const,
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
    middleware: [allowRoles('admin', 'council', 'rater')] as const,
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
  proposalList: createRoute({
    method: 'get',
    path: '/years/{year}/proposal-list',
    tags,
    summary: 'Danh sách đề nghị khen thưởng theo khối (DOC-1): đủ điều kiện, đã qua biểu quyết nếu cần, không bị Hội đồng rút',
    request: { params, query: proposalListQuerySchema },
    responses: { 200: json(proposalListsSchema, 'Danh sách đề nghị (một, hoặc hai khi tách theo thẩm quyền)'), ...errorResponses(401, 422) },
  }),
  decide: createRoute({
    method: 'post',
    middleware: [allowRoles('admin', 'council')] as const,
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
  app.openapi(routes.results, async (c) =>
    c.json(await yearResults(c.get('db'), c.get('caller').orgId, c.req.valid('param').year), 200),
  );
  app.openapi(routes.proposals, async (c) => {
    const { baseSalary } = c.req.valid('query');
    return c.json(await yearProposals(c.get('db'), c.get('caller').orgId, c.req.valid('param').year, baseSalary), 200);
  });
  app.openapi(routes.proposalList, async (c) =>
    c.json(await proposalLists(c.get('db'), c.get('caller').orgId, c.req.valid('param').year, c.req.valid('query').splitByAuthority), 200),
  );
  app.openapi(routes.decide, async (c) => {
    const caller = c.get('caller');
    requireRole(caller, 'admin', 'council');
    return c.json(await decideYear(c.get('db'), caller, c.req.valid('param').year, c.req.valid('json')), 201);
  });
  app.route('/', dossierRoutes());
  app.route('/', driveRoutes());
  return app;
}
