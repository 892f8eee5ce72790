import { cleanText } from '../../server/contract/text.ts';
import { isBlank, isNumberLike } from './cell-text.ts';
import { headerWords } from './header-aliases.ts';
import { isFooterText } from './table-end.ts';
import type { CellValue } from './types.ts';

/**
 * Rows between the people that are not people: a unit's heading ("I. BAN GIÁM HIỆU", "2. Khoa Lý luận cơ sở",
 * "Phòng Đào tạo" alone), a total, or the signature block that ends the table. Many offices keep no unit
 * column and write each unit once as a heading over its people; the heading then gives them their unit.
 */

export type LineKind = { type: 'heading'; unit: string } | { type: 'signature' } | { type: 'total' };

export interface LineContext {
  /** Grid index of the name column (-1: none): a lone text there is a person's name unless it reads as a unit. */
  nameIndex: number;
  /** The row carries an area merged across columns (a heading spread over the table). */
  mergedAcross: boolean;
  /** Units the service knows, by `unitMeaningKey`: a lone text naming one is a heading. */
  knownUnits?: { has(key: string): boolean };
}

/** "I.", "II -", "1)", "A." before a heading's text ("K." and "P." abbreviate Khoa and Phòng: not numbering). */
const NUMBERED = /^(?:[IVXLC]{1,6}|[A-JL-OQ-Za-jl-oq-z]|\d{1,3})\s*[.):\-–]\s*(?=\S)/;
/** A numbering cell on its own (the STT column of a heading row): "I", "II.", "A", "3". */
const NUMBER_TOKEN = /^(?:([IVXLCivxlc]{1,6}|[A-Za-z])|\d{1,3})[.)]?$/;

/** Words a unit's name starts with: as typed (with their accents, so "Tô", "Bàn", "Đoàn" stay surnames)… */
const UNIT_WORDS = /^(?:khoa|phòng|ban|tổ|bộ môn|bộ phận|trung tâm|văn phòng|viện|phân viện|phân hiệu|hội đồng|lãnh đạo|thư viện|công đoàn|chi bộ|đảng ủy|đảng uỷ|trạm|xưởng|chi nhánh|đội|nhóm|khối)(?:\s|$)/;
/** …or typed without accents, where no surname reads the same. */
const UNIT_WORDS_FOLDED = /^(?:khoa|phong|bo mon|bo phan|trung tam|van phong|phan hieu|hoi dong|lanh dao|thu vien|cong doan|chi bo|dang uy|k|p)(?: |$)/;
/** Titles that open a signature block: the table is over. */
const SIGNATURE = /^(?:tm|kt|q|tl|ttl)(?: |$)|^(?:pho )?(?:hieu truong|giam doc|chu tich|truong phong|truong khoa|truong ban|ke toan|thu ky|bi thu)$|^(?:nguoi lap|noi nhan|ky ghi ro|ky ten|xac nhan)/;
/** A total line: one text, maybe with numbers beside it. */
const TOTAL = /^(?:tong cong|cong|tong so|tong)$/;

/** A signature title or a footer line anywhere in the row ("NGƯỜI LẬP BIỂU … HIỆU TRƯỞNG"). */
export function hasSignature(values: readonly CellValue[]): boolean {
  for (const value of values) {
    if (typeof value === 'string' && value.length < 150 && (SIGNATURE.test(headerWords(value)) || isFooterText(value))) return true;
  }
  return false;
}

/** The heading without its numbering: "II. KHOA LÝ LUẬN CƠ SỞ" → "KHOA LÝ LUẬN CƠ SỞ". */
export function headingText(text: string): string {
  return cleanText(cleanText(text).replace(NUMBERED, ''));
}

/**
 * A unit name compared by meaning: no numbering, accents, case or punctuation, and "K." / "P." / "TT." read
 * as Khoa, Phòng, Trung tâm ("K. Lý luận cơ sở" is "Khoa Lý luận cơ sở").
 */
export function unitMeaningKey(text: string): string {
  const words = headerWords(headingText(text)).split(' ');
  const expanded: Record<string, string> = { k: 'khoa', p: 'phong', tt: 'trung tam', bm: 'bo mon', vp: 'van phong' };
  if (words[0] !== undefined && expanded[words[0]] !== undefined) words[0] = expanded[words[0]]!;
  return words.join(' ');
}

function looksLikeUnit(text: string, knownUnits: LineContext['knownUnits']): boolean {
  const bare = headingText(text);
  if (UNIT_WORDS.test(bare.toLowerCase()) || UNIT_WORDS_FOLDED.test(headerWords(bare))) return true;
  if (knownUnits?.has(unitMeaningKey(bare))) return true;
  // Capitals throughout, as headings are typed ("BAN GIÁM HIỆU"); names of people rarely are.
  return /\p{L}.*\p{L}/u.test(bare) && !/\d/.test(bare) && bare === bare.toLocaleUpperCase('vi') && bare !== bare.toLocaleLowerCase('vi');
}

/**
 * What a row that is not a person is: a heading, a total, a signature title, or null (blank, or something
 * else: an incomplete person is reported, never taken for a heading). A heading is one text, perhaps after a
 * numbering cell, that is numbered itself, stands left of the name column, is merged across the table, or
 * reads as a unit (a unit word, capitals, a unit the service knows).
 */
export function classifyLine(values: readonly CellValue[], context: LineContext): LineKind | null {
  let text: string | null = null;
  let textIndex = -1;
  let token: string | null = null;
  let numbers = 0;
  for (let j = 0; j < values.length; j++) {
    const value = values[j];
    if (isBlank(value)) continue;
    const raw = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : null;
    if (raw === null) return null;
    if (text === null && token === null && NUMBER_TOKEN.test(raw)) {
      token = raw;
      continue;
    }
    if (typeof value === 'string' && !isNumberLike(value)) {
      if (text !== null) return null;
      text = raw;
      textIndex = j;
    } else numbers++;
  }
  if (text === null || text.length > 150) return null;
  const words = headerWords(text);
  if (TOTAL.test(words)) return { type: 'total' };
  if (SIGNATURE.test(words) || isFooterText(text)) return { type: 'signature' };
  if (numbers > 0) return null;
  const romanOrLetter = token !== null && /[A-Za-z]/.test(token);
  const numbered = NUMBERED.test(text) && headingText(text) !== '';
  // Left of the names, where headings are typed (never a code: codes carry digits).
  const apart = token === null && textIndex < context.nameIndex && !/\d/.test(text);
  if (romanOrLetter || numbered || context.mergedAcross || apart || looksLikeUnit(text, context.knownUnits)) {
    return { type: 'heading', unit: headingText(text) };
  }
  return null;
}
