import { z } from 'zod';

/**
 * Rule-set settings for the year's dossier: emulation registration, council votes, movements and drives
 * (research/next-capabilities.md §1, §2, §4; RULES.md §11). Every rule the research marks unconfirmed [U] or
 * inferred [I] is one of these, with its documented default, and the explanation names the setting that
 * applied. Each field has its own default, so a rule set stored before these settings read with them filled in.
 */

export const REGISTRATION_GATES = ['off', 'warn', 'require'] as const;
export type RegistrationGate = (typeof REGISTRATION_GATES)[number];

export const VOTE_DENOMINATORS = ['council-members', 'present', 'staff-of-unit'] as const;
export type VoteDenominator = (typeof VOTE_DENOMINATORS)[number];

/** The titles a council may vote on: those of the proposals (RULES.md §6). */
export const VOTED_TITLES = ['LDTT', 'CSTDCS', 'CSTD_TINH', 'BANG_KHEN_TINH', 'GIAY_KHEN', 'TT_LDTT', 'TT_LDXS'] as const;
export type VotedTitle = (typeof VOTED_TITLES)[number];

const pct = z.number().int('Tỷ lệ phải là số nguyên phần trăm').min(0).max(100);

export const dossierSettingsSchema = z
  .object({
    /**
     * Luật TĐKT 2022 Điều 7 dropped registration as a ground for titles (research §0.1), so a gate on it is the
     * organisation's own rule: off (the comparison informs only), warn (an unregistered eligible title gets a
     * warning), require (it becomes Chưa đủ).
     */
    registrationGate: z.enum(REGISTRATION_GATES).default('off'),
    /** Whether the gate also applies to Giấy khen and Bằng khen (their own track); danh hiệu only by default. */
    registrationGateAwards: z.boolean().default(false),
    /** The registration deadline in the year, 'MM-DD'; null: none. No source gives a date [U], so no default. */
    registrationDeadline: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Hạn đăng ký ghi dạng MM-DD, ví dụ 03-31')
      .nullable()
      .default(null),
    /**
     * The share of agreeing votes a title needs, by title; a title absent here needs no vote. Defaults from
     * NĐ 98/2023 Điều 30 k7, repealed on 01/7/2025; the NĐ 152/2025 equivalent is unconfirmed [U].
     */
    voteThresholds: z.partialRecord(z.enum(VOTED_TITLES), pct).default({ CSTDCS: 80, CSTD_TINH: 90 }),
    /**
     * Whom the share is taken of: all council members (NĐ 98, absent members voting in writing), the members
     * present, or the staff of the collective (the court system's rule) [U].
     */
    voteDenominator: z.enum(VOTE_DENOMINATORS).default('council-members'),
    /** Members present below this share of the council gives a warning (Bắc Ninh QĐ 86/2025 Điều 8 k4 b, a provincial rule); null: none. */
    voteQuorumPct: pct.nullable().default(80),
    /** Movements and drives as an information column of the unit's year [I]; never an input to levels or titles. */
    movementsInUnitYear: z.enum(['off', 'show']).default('off'),
  })
  .meta({ id: 'DossierSettings' });

export type DossierSettings = z.output<typeof dossierSettingsSchema>;

export const DEFAULT_DOSSIER_SETTINGS: DossierSettings = dossierSettingsSchema.parse({});
