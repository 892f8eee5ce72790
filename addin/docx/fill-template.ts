import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { TemplateTag } from './placeholders.ts';

/**
 * The organisation's .docx template through docxtemplater (MIT core; no paid module used): «TÊN» placeholders,
 * «#DANH_SACH» … «/DANH_SACH» loops (a loop inside one table row repeats the row), values always written as text,
 * escaped by the library. No expression parser is configured, so a template can never run code.
 */
export const DELIMITERS = { start: '«', end: '»' } as const;

/** The template cannot be read or filled; each problem in Vietnamese, naming the placeholder and where it is. */
export class TemplateProblem extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'TemplateProblem';
  }
}

interface DxtPart {
  type: string;
  value: string;
  module?: string;
  inverted?: boolean;
  subparsed?: DxtPart[];
}

interface DxtError {
  message?: string;
  properties?: { id?: string; xtag?: string; openingtag?: string; closingtag?: string; file?: string; explanation?: string; errors?: DxtError[] };
}

/** "word/document.xml" as a person calls it. */
export function partName(file: string): string {
  if (file === 'word/document.xml') return 'thân văn bản';
  if (/^word\/header\d*\.xml$/.test(file)) return 'đầu trang';
  if (/^word\/footer\d*\.xml$/.test(file)) return 'chân trang';
  if (file === 'word/footnotes.xml') return 'chú thích cuối trang';
  if (file === 'word/endnotes.xml') return 'chú thích cuối văn bản';
  return file;
}

function errorMessage(error: DxtError): string {
  const p = error.properties ?? {};
  const where = p.file ? ` (${partName(p.file)})` : '';
  const tag = p.xtag ?? '';
  switch (p.id) {
    case 'unclosed_tag':
      return `Chỗ trống bắt đầu bằng "«${tag}" chưa có dấu » đóng${where}`;
    case 'unopened_tag':
      return `Có dấu » không có « mở trước "${tag}"${where}`;
    case 'duplicate_open_tag':
      return `Hai dấu « liền nhau ở "${tag}"${where}`;
    case 'duplicate_close_tag':
      return `Hai dấu » liền nhau ở "${tag}"${where}`;
    case 'unclosed_loop':
      return `Danh sách «#${tag}» chưa có «/${tag}» đóng${where}`;
    case 'unopened_loop':
      return `«/${tag}» đóng một danh sách chưa mở bằng «#${tag}»${where}`;
    case 'closing_tag_does_not_match_opening_tag':
      return `Danh sách «#${p.openingtag ?? ''}» lại được đóng bằng «/${p.closingtag ?? ''}»${where}: mỗi «#TÊN» cần «/TÊN» cùng tên, danh sách trong đóng trước danh sách ngoài`;
    case 'unbalanced_loop_tags':
      return `Danh sách «#${tag}» mở và đóng ở hai chỗ không cùng cấp (ví dụ mở trong một ô bảng, đóng ngoài bảng)${where}`;
    case 'raw_tag_outerxml_invalid':
    case 'raw_xml_tag_should_be_only_text_in_paragraph':
      return `Chỗ trống «@…» chèn XML thô vào văn bản, Bình Xét không dùng${where}: viết «TÊN» không có @`;
    case 'malformed_xml':
    case 'file_has_invalid_xml':
      return `Tệp mẫu có phần XML hỏng${where}: hãy mở mẫu bằng Word và lưu lại dưới dạng .docx`;
    default:
      return `Mẫu không dùng được${where}: ${p.explanation ?? error.message ?? 'lỗi không rõ'}`;
  }
}

function problemsOf(error: unknown): string[] {
  const e = error as DxtError;
  const inner = e.properties?.errors;
  return inner && inner.length > 0 ? inner.map(errorMessage) : [errorMessage(e)];
}

function tagsOf(parts: readonly DxtPart[], within: string[], part: string, out: TemplateTag[]): void {
  for (const p of parts) {
    if (p.type !== 'placeholder') continue;
    if (p.module === 'loop') {
      out.push({ name: p.value, list: true, within: [...within], part });
      tagsOf(p.subparsed ?? [], [...within, p.value], part, out);
    } else if (p.module === undefined) {
      out.push({ name: p.value, list: false, within: [...within], part });
    } else {
      // «@TÊN» would write a value as raw Word XML: never for text that came from a sheet.
      out.push({ name: `${p.module === 'rawxml' ? '@' : ''}${p.value}`, list: false, within: [...within], part });
    }
  }
}

export interface OpenedTemplate {
  /** Every placeholder the template uses, in the order of its parts. */
  tags: TemplateTag[];
  /** The filled document; values missing from `data` are left empty. */
  fill(data: Record<string, unknown>): Uint8Array;
}

/** Reads a .docx template: refuses a file that is no Word document and a template whose placeholders do not parse. */
export function openTemplate(bytes: Uint8Array): OpenedTemplate {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw new TemplateProblem(['Tệp mẫu không phải tài liệu Word .docx (không đọc được như tệp nén Office Open XML); hãy lưu mẫu bằng Word dưới dạng .docx']);
  }
  if (!zip.file('word/document.xml')) throw new TemplateProblem(['Tệp mẫu không có phần thân văn bản Word (word/document.xml): đó có phải tệp .docx?']);
  // The outermost pass of each part comes last: loops parse their insides first.
  const parsedByPart = new Map<string, DxtPart[]>();
  const collector = {
    name: 'BinhXetPlaceholders',
    postparse(parsed: DxtPart[], options: { filePath?: string }) {
      if (options.filePath) parsedByPart.set(options.filePath, parsed);
      return parsed;
    },
  };
  let doc: Docxtemplater;
  try {
    doc = new Docxtemplater(zip, {
      delimiters: { ...DELIMITERS },
      paragraphLoop: true,
      linebreaks: true,
      stripInvalidXMLChars: true,
      // The library's own logging would print template text (names) to the console.
      errorLogging: false,
      nullGetter: () => '',
      modules: [collector as never],
    });
  } catch (error) {
    throw new TemplateProblem(problemsOf(error));
  }
  const tags: TemplateTag[] = [];
  for (const [file, parsed] of parsedByPart) tagsOf(parsed, [], partName(file), tags);
  return {
    tags,
    fill(data) {
      try {
        doc.render(data);
      } catch (error) {
        throw new TemplateProblem(problemsOf(error));
      }
      return doc.getZip().generate({ type: 'uint8array', compression: 'DEFLATE' });
    },
  };
}
