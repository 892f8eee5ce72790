import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { yearPeriodSchema } from '../server/contract/period.ts';
import { ApiError, createClient } from './api/client.ts';
import { documentData, type DocxSources } from './docx/document-data.ts';
import { openTemplate, TemplateProblem } from './docx/fill-template.ts';
import { isKnownTag, placeholderCatalogue, unknownTagMessage, USER_NAME } from './docx/placeholders.ts';

export const DOCX_USAGE = `  BINHXET_URL=… BINHXET_TOKEN=… npm run sheet -- docx <YYYY> --template <mẫu.docx> --out <ra.docx> [--set TÊN=giá trị]…
  npm run sheet -- docx --placeholders
  docx     điền mẫu Word của chính cơ quan (tờ trình, biên bản, quyết định…) bằng dữ liệu năm: chỗ trống «TÊN»,
           danh sách «#TÊN» … «/TÊN»; --placeholders liệt kê mọi chỗ trống Bình Xét điền được`;

interface Streams {
  out: NodeJS.WritableStream;
  err: NodeJS.WritableStream;
}

class DocxUsage extends Error {}

/**
 * `docx`: fills the organisation's own .docx template (DOC-6) with the year's data from the service. Every
 * placeholder the template uses is checked before anything is asked of the service; an unknown one is named, with
 * where it stands and the nearest known name, and nothing is written. Exit 0 written; 1 written with values left as
 * dots for the pen; 2 nothing written.
 */
export async function runDocxCommand(argv: string[], env: NodeJS.ProcessEnv, streams: Streams, now: () => Date = () => new Date()): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        template: { type: 'string', short: 't' },
        out: { type: 'string', short: 'o' },
        set: { type: 'string', multiple: true },
        placeholders: { type: 'boolean' },
      },
    });
    if (values.placeholders) {
      for (const line of placeholderCatalogue()) streams.out.write(`${line}\n`);
      return 0;
    }
    const [year] = positionals;
    if (!year) throw new DocxUsage('Thiếu năm (YYYY)');
    const parsedYear = yearPeriodSchema.safeParse(year);
    if (!parsedYear.success) throw new DocxUsage(parsedYear.error.issues[0]?.message ?? 'Năm phải có dạng YYYY');
    if (!values.template) throw new DocxUsage('Thiếu --template <mẫu.docx> (mẫu Word của cơ quan)');
    if (!values.out) throw new DocxUsage('Thiếu --out <ra.docx>');
    if (resolve(values.out) === resolve(values.template)) throw new DocxUsage('--out không được trùng --template: mẫu phải giữ nguyên để dùng lại');
    const folder = dirname(resolve(values.out));
    if (!(await stat(folder).catch(() => null))?.isDirectory()) throw new DocxUsage(`Thư mục của tệp ra "${values.out}" không tồn tại (${folder})`);
    const userValues = parseSets(values.set ?? []);

    const bytes = await readFile(values.template).catch(() => {
      throw new DocxUsage(`Không đọc được tệp mẫu ${values.template}`);
    });
    const template = openTemplate(new Uint8Array(bytes));
    const names = new Set(Object.keys(userValues));
    const unknown = template.tags.filter((tag) => !isKnownTag(tag, names));
    if (unknown.length > 0) {
      const seen = new Set<string>();
      for (const tag of unknown) {
        const message = unknownTagMessage(tag);
        if (!seen.has(message)) streams.err.write(`${message}\n`);
        seen.add(message);
      }
      streams.err.write(`Mẫu có ${seen.size} chỗ trống không rõ; chưa ghi tệp. Các chỗ trống Bình Xét điền được:\n`);
      for (const line of placeholderCatalogue()) streams.err.write(`${line}\n`);
      return 2;
    }

    const baseUrl = env.BINHXET_URL;
    const token = env.BINHXET_TOKEN;
    if (!baseUrl || !token) throw new DocxUsage('Cần đặt BINHXET_URL (địa chỉ máy chủ) và BINHXET_TOKEN (khóa truy cập)');
    const sources = await fetchSources(createClient({ baseUrl, token }), parsedYear.data);
    const { data, dotted, ignored } = documentData(sources, { values: userValues, today: now() });
    const used = new Set(template.tags.map((t) => t.name));
    const written = template.fill(data);
    await writeFile(values.out, written);

    for (const name of ignored) streams.err.write(`--set ${name}: Bình Xét tự điền «${name}» từ dữ liệu năm, giá trị ghi thêm không được dùng\n`);
    const left = dotted.filter((name) => used.has(name));
    for (const name of left) streams.err.write(`«${name}» để dấu chấm (……) cho người ký điền; ghi --set ${name}=… để điền sẵn\n`);
    const lists = template.tags.filter((t) => t.list && t.within.length === 0).map((t) => t.name);
    const counts = [...new Set(lists)].map((name) => `${name} ${(data[name] as unknown[]).length} dòng`);
    streams.out.write(`Đã ghi "${values.out}" từ mẫu "${values.template}", năm ${parsedYear.data}${counts.length > 0 ? `: ${counts.join(', ')}` : ''}\n`);
    return left.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof TemplateProblem) {
      for (const problem of error.problems) streams.err.write(`${problem}\n`);
      streams.err.write('Chưa ghi tệp: hãy sửa mẫu rồi chạy lại.\n');
    } else if (error instanceof DocxUsage) streams.err.write(`${error.message}\n\nCách dùng / usage:\n${DOCX_USAGE}\n`);
    else if (error instanceof ApiError) streams.err.write(`Lỗi: ${error.message}\n`);
    else streams.err.write(`Lỗi: ${(error as Error).message}\n`);
    return 2;
  }
}

/** --set SO_TO_TRINH=15/TTr-TCT, repeated. */
function parseSets(sets: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const set of sets) {
    const at = set.indexOf('=');
    const name = at < 0 ? set : set.slice(0, at);
    if (at < 0 || !USER_NAME.test(name)) {
      throw new DocxUsage(`--set "${set}": cần dạng TÊN=giá trị, TÊN viết hoa không dấu (chữ, số, gạch dưới), ví dụ --set SO_TO_TRINH=15/TTr-TCT`);
    }
    values[name] = set.slice(at + 1);
  }
  return values;
}

async function fetchSources(client: ReturnType<typeof createClient>, year: string): Promise<DocxSources> {
  const next = String(Number(year) + 1);
  const [me, proposals, proposalList, votes, register, nextRegister, roster, ruleSet] = await Promise.all([
    client.me(),
    client.yearProposals(year),
    client.proposalList(year),
    client.yearVotes(year),
    client.decisionsRegister(year),
    // The register of the next year, where a decision on this year's achievements is usually filed.
    client.decisionsRegister(next).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 422) return null;
      throw error;
    }),
    client.roster(),
    client.ruleSet(),
  ]);
  return {
    year,
    organisation: me.organisation.name,
    proposals,
    proposalList,
    votes,
    registers: nextRegister ? [register, nextRegister] : [register],
    roster,
    ruleSet: ruleSet.ruleSet,
  };
}
