import "reflect-metadata";
import { type EnumValue, registerDescribedEnum } from "../../kit/schema/described-enum.js";
import { MODALITY_VALUES, SOURCE_KIND_VALUES, STANCE_KIND_VALUES } from "../data/tables.js";

export const SourceKind = registerDescribedEnum(SOURCE_KIND_VALUES, {
  name: "SourceKind",
  description: "What sort of document a source is.",
  valueDescriptions: {
    ARTICLE: "A news or analysis article.",
    PRESS_BRIEFING: "A transcript or report of a press briefing.",
    OFFICIAL_STATEMENT: "A statement published by a government or organisation.",
    SOCIAL_POST: "A post on a social network (Telegram, X).",
    DATASET_RECORD: "A record of an event dataset (ACLED, GDELT).",
  },
});
export type SourceKind = EnumValue<typeof SourceKind>;

export const Modality = registerDescribedEnum(MODALITY_VALUES, {
  name: "Modality",
  description: "How the statement's text relates to what the speaker said.",
  valueDescriptions: {
    DIRECT_QUOTE: "The speaker's own words, quoted.",
    PARAPHRASE: "A report of what the speaker said, in the reporter's words.",
    POST: "The speaker's own written post.",
  },
});
export type Modality = EnumValue<typeof Modality>;

export const StanceKind = registerDescribedEnum(STANCE_KIND_VALUES, {
  name: "StanceKind",
  description: "The position a statement takes toward a claim.",
  valueDescriptions: {
    ASSERTS: "States the claim as true.",
    SUPPORTS: "Backs a claim another has made.",
    DISPUTES: "Argues against the claim without flatly denying it.",
    DENIES: "Says the claim is false.",
    QUESTIONS: "Casts doubt on the claim.",
    COMMENTS: "Speaks about the claim without taking a side.",
  },
});
export type StanceKind = EnumValue<typeof StanceKind>;

export const StatementSortField = registerDescribedEnum(["SAID_AT"], {
  name: "StatementSortField",
  description: "What a list of statements can be sorted by.",
  valueDescriptions: {
    SAID_AT: "The day it was said (`saidAt.date`), ties broken by ID.",
  },
});
export type StatementSortField = EnumValue<typeof StatementSortField>;

export const StatementGrouping = registerDescribedEnum(["SPEAKER", "STANCE", "MONTH"], {
  name: "StatementGrouping",
  description: "How `statementStats` groups statements into buckets.",
  valueDescriptions: {
    SPEAKER: "By speaker.",
    STANCE:
      "By the stance taken; a statement counts once in each kind of stance it takes, and statements that take none are left out. With `filter.claim`, only stances on that claim count.",
    MONTH: "By calendar month of `saidAt.date`, in order, months without statements included as zeros.",
  },
});
export type StatementGrouping = EnumValue<typeof StatementGrouping>;
