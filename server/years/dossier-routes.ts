import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { decisionRowSchema } from '../contract/decision-row.ts';
import {
  decisionPushMinimalSchema,
  decisionPushResponseSchema,
  decisionSheetSchema,
  votePushMinimalSchema,
  votePushResponseSchema,
  voteSheetSchema,
} from '../contract/dossier-sheets.ts';
import { yearPeriodSchema } from '../contract/period.ts';
import { pledgeRowSchema } from '../contract/pledge-row.ts';
import { pushRequestSchema } from '../contract/push.ts';
import { registrationRowSchema } from '../contract/registration-row.ts';
import {
  pledgePushMinimalSchema,
  pledgePushResponseSchema,
  pledgeSheetSchema,
  registrationPushMinimalSchema,
  registrationPushResponseSchema,
  registrationSheetSchema,
} from '../contract/registration-sheets.ts';
import { voteRowSchema } from '../contract/vote-row.ts';
import { errorResponses } from '../http/error-body.ts';
import { body, documentRowSchema, json } from '../http/openapi-parts.ts';
import { newRouter } from '../http/router.ts';
import { answerPush, pushAnswer, pushHeaders } from '../push/push-http.ts';
import type { PushKind, ScreenedRow } from '../push/push-pipeline.ts';
import { decisionRegisterPush } from './decision-register-push.ts';
import { pledgePush } from './pledge-push.ts';
import { registrationPush } from './registration-push.ts';
import { votePush } from './vote-push.ts';

const params = z.object({ year: yearPeriodSchema });
const rowsDescription =
  'Mỗi dòng được kiểm tra riêng: `accepted`, `unchanged`, `rejected` (kèm lỗi từng trường) hoặc `conflict` (kèm giá trị đã lưu). ' +
  'Cả lần gửi là một giao dịch; năm đã chốt thì từ chối.';

interface DossierSheet<C extends ScreenedRow, K, R, F, M> {
  path: string;
  tag: string;
  row: { name: string; schema: z.ZodType };
  push: { summary: string; full: z.ZodType; minimal: z.ZodType; description: string };
  pull: { summary: string; schema: z.ZodType; description: string };
  kind: PushKind<string, C, K, R, F, M>;
}

const sheet = <C extends ScreenedRow, K, R, F, M>(s: DossierSheet<C, K, R, F, M>) => (app: ReturnType<typeof newRouter>) => addSheet(app, s);

/** The year's dossier sheets (research/next-capabilities.md §1, §2): each a push and a pull, the other year sheets' way. */
const SHEETS = [
  sheet({
    path: 'votes',
    tag: 'Hội đồng',
    row: { name: 'VoteRow', schema: voteRowSchema },
    push: { summary: 'Gửi kết quả biểu quyết của Hội đồng (các dòng VoteRow); chỉ Hội đồng hoặc quản trị', full: votePushResponseSchema, minimal: votePushMinimalSchema, description: 'Kết quả từng dòng và bảng biểu quyết' },
    pull: { summary: 'Kết quả bình xét: biểu quyết đã lưu, tỷ lệ đồng ý và kết quả theo bộ quy tắc', schema: voteSheetSchema, description: 'Bảng biểu quyết' },
    kind: votePush,
  }),
  sheet({
    path: 'decisions-register',
    tag: 'Hội đồng',
    row: { name: 'DecisionRow', schema: decisionRowSchema },
    push: { summary: 'Gửi sổ quyết định khen thưởng (các dòng DecisionRow); chỉ Hội đồng hoặc quản trị', full: decisionPushResponseSchema, minimal: decisionPushMinimalSchema, description: 'Kết quả từng dòng và sổ quyết định' },
    pull: { summary: 'Quyết định khen thưởng đã lưu trong sổ của năm, kèm cảnh báo', schema: decisionSheetSchema, description: 'Sổ quyết định khen thưởng' },
    kind: decisionRegisterPush,
  }),
  sheet({
    path: 'registrations',
    tag: 'Năm',
    row: { name: 'RegistrationRow', schema: registrationRowSchema },
    push: { summary: 'Gửi đăng ký thi đua (các dòng RegistrationRow); người chấm chỉ cho đơn vị mình', full: registrationPushResponseSchema, minimal: registrationPushMinimalSchema, description: 'Kết quả từng dòng và bảng đăng ký' },
    pull: { summary: 'Đăng ký thi đua của năm, kèm cảnh báo đăng ký muộn', schema: registrationSheetSchema, description: 'Bảng đăng ký' },
    kind: registrationPush,
  }),
  sheet({
    path: 'pledges',
    tag: 'Năm',
    row: { name: 'PledgeRow', schema: pledgeRowSchema },
    push: { summary: 'Gửi giao ước thi đua của tập thể (các dòng PledgeRow); người chấm chỉ cho đơn vị mình', full: pledgePushResponseSchema, minimal: pledgePushMinimalSchema, description: 'Kết quả từng dòng và bảng giao ước' },
    pull: { summary: 'Giao ước thi đua của năm với tỷ lệ đạt (không ảnh hưởng xếp loại, danh hiệu)', schema: pledgeSheetSchema, description: 'Bảng giao ước' },
    kind: pledgePush,
  }),
];

function addSheet<C extends ScreenedRow, K, R, F, M>(app: ReturnType<typeof newRouter>, sheet: DossierSheet<C, K, R, F, M>): void {
  documentRowSchema(app, sheet.row.name, sheet.row.schema);
  const push = createRoute({
    method: 'post',
    path: `/years/{year}/${sheet.path}`,
    tags: [sheet.tag],
    summary: sheet.push.summary,
    description: rowsDescription,
    request: { params, headers: pushHeaders, body: body(pushRequestSchema) },
    responses: { 200: pushAnswer(sheet.push.full, sheet.push.minimal, sheet.push.description), ...errorResponses(401, 403, 409, 413, 422) },
  });
  const pull = createRoute({
    method: 'get',
    path: `/years/{year}/${sheet.path}`,
    tags: [sheet.tag],
    summary: sheet.pull.summary,
    request: { params },
    responses: { 200: json(sheet.pull.schema, sheet.pull.description), ...errorResponses(401, 422) },
  });
  app.openapi(push, async (c) => c.json(await answerPush(c, sheet.kind, c.req.valid('param').year, c.req.valid('json'), c.req.valid('header')), 200));
  app.openapi(pull, async (c) => c.json(await sheet.kind.representation(c.get('db'), c.get('caller').orgId, c.req.valid('param').year), 200));
}

export function dossierRoutes() {
  const app = newRouter();
  for (const add of SHEETS) add(app);
  return app;
}
