import { describe, expect, it } from 'vitest';
import { checkRow } from '../../../../server/contract/row-validation.ts';
import { ASSESSMENT_STATUSES, assessmentStatusField } from '../../../../server/contract/assessment-status.ts';
import { DEFAULT_RULE_SET } from '../../../../server/contract/rule-set.ts';
import { checkGeneralParts, checkStatusChange, selfGapWarning, type StatusChange } from '../../../../server/rules/index.ts';
import { withTasks } from './helpers.ts';

const settings = DEFAULT_RULE_SET.tasks;

describe('general-criteria parts (Mẫu 01, T4)', () => {
  const full = { generalI1: 5, generalI2: 4.5, generalII1: 2.5, generalII2: 2, generalII3: 2.5, generalII4: 2.5, generalIII: 8 };

  it('sum to the general score when it is blank and all seven are given', () => {
    expect(checkGeneralParts(full, null, settings)).toEqual({ general: 27, errors: [] });
    expect(checkGeneralParts({ generalI1: 5 }, null, settings)).toEqual({ general: null, errors: [] });
  });

  it('must equal a typed general score within 0.05, or every cell involved is named', () => {
    expect(checkGeneralParts(full, 27, settings).errors).toEqual([]);
    const wrong = checkGeneralParts({ generalI1: 5, generalII1: 2.5 }, 8, settings);
    expect(wrong.errors.map((e) => e.field)).toEqual(['general', 'generalI1', 'generalII1']);
    expect(wrong.errors[0]!.message).toBe('Điểm tiêu chí chung (8) phải bằng tổng TC I.1 + TC II.1 (7,5)');
  });

  it('keeps each part within its maximum: I ≤ 5, II ≤ 2.5, III ≤ generalPartIIIMax', () => {
    const over = checkGeneralParts({ generalI2: 5.5, generalII4: 2.6, generalIII: 10 }, null, settings);
    expect(over.errors).toEqual([
      { field: 'generalI2', message: 'TC I.2 phải từ 0 đến 5' },
      { field: 'generalII4', message: 'TC II.4 phải từ 0 đến 2,5' },
    ]);
    expect(checkGeneralParts({ generalIII: 10 }, null, withTasks({ generalPartIIIMax: 8 }).tasks).errors).toEqual([
      { field: 'generalIII', message: 'TC III phải từ 0 đến 8 (generalPartIIIMax)' },
    ]);
  });
});

describe('the assessment status path Tự chấm → Trưởng đơn vị → Hội đồng → Đã chốt', () => {
  const change = (fields: Partial<StatusChange>): StatusChange => ({
    from: 'tu-cham',
    to: 'truong-don-vi',
    role: 'rater',
    ownUnit: true,
    monthFinalised: false,
    ...fields,
  });

  it('lets a rater move their own units’ rows between the first two steps, both ways', () => {
    expect(checkStatusChange(change({}))).toEqual({ ok: true });
    expect(checkStatusChange(change({ from: 'truong-don-vi', to: 'tu-cham' }))).toEqual({ ok: true });
    expect(checkStatusChange(change({ from: null }))).toEqual({ ok: true });
  });

  it('refuses a rater the council’s steps, a row the council holds, and other units', () => {
    expect(checkStatusChange(change({ to: 'hoi-dong' }))).toEqual({
      ok: false,
      message: 'Chỉ Hội đồng hoặc quản trị mới chuyển trạng thái đánh giá sang «Hội đồng»',
    });
    expect(checkStatusChange(change({ from: 'hoi-dong', to: 'tu-cham' }))).toEqual({
      ok: false,
      message: 'Đánh giá đang ở bước «Hội đồng»: chỉ Hội đồng hoặc quản trị mới đổi được',
    });
    expect(checkStatusChange(change({ ownUnit: false })).ok).toBe(false);
  });

  it('lets the council and admin set any status, and a viewer none', () => {
    for (const role of ['council', 'admin'] as const) {
      for (const from of ASSESSMENT_STATUSES) {
        for (const to of ASSESSMENT_STATUSES) expect(checkStatusChange(change({ role, from, to, ownUnit: false })).ok).toBe(true);
      }
    }
    expect(checkStatusChange(change({ role: 'viewer' })).ok).toBe(false);
  });

  it('refuses every change in a finalised month, whoever asks', () => {
    for (const role of ['council', 'admin', 'rater'] as const) {
      expect(checkStatusChange(change({ role, monthFinalised: true }))).toEqual({
        ok: false,
        message: 'Tháng đã chốt: Hội đồng mở lại tháng trước khi đổi trạng thái đánh giá',
      });
    }
  });

  it('reads the cell by its Vietnamese label in any case or without diacritics', () => {
    expect(assessmentStatusField.parse('Trưởng đơn vị')).toBe('truong-don-vi');
    expect(assessmentStatusField.parse('DA CHOT')).toBe('da-chot');
    expect(assessmentStatusField.parse('')).toBeUndefined();
    const bad = assessmentStatusField.safeParse('Duyệt');
    expect(bad.error?.issues[0]?.message).toBe('Trạng thái đánh giá phải là một trong: Tự chấm, Trưởng đơn vị, Hội đồng, Đã chốt');
    expect(checkRow(assessmentStatusField, 'hội đồng')).toEqual({ ok: true, value: 'hoi-dong' });
  });
});

describe('the self-score gap warning (selfGapWarn)', () => {
  it('flags a self score 10 or more from the assessed score, in whole tenths', () => {
    expect(selfGapWarning(95, 85, settings)).toBe('Điểm tự chấm lệch 10 điểm so với điểm đánh giá (selfGapWarn)');
    expect(selfGapWarning(72.4, 82.5, settings)).toBe('Điểm tự chấm lệch 10,1 điểm so với điểm đánh giá (selfGapWarn)');
    expect(selfGapWarning(94.9, 85, settings)).toBeNull();
    expect(selfGapWarning(null, 85, settings)).toBeNull();
    expect(selfGapWarning(90, undefined, settings)).toBeNull();
    expect(selfGapWarning(90, 85, withTasks({ selfGapWarn: 5 }).tasks)).not.toBeNull();
  });
});
