import "reflect-metadata";
import { registerEnumType } from "type-graphql";

export enum SourceKind {
  ARTICLE = "ARTICLE",
  PRESS_BRIEFING = "PRESS_BRIEFING",
  OFFICIAL_STATEMENT = "OFFICIAL_STATEMENT",
  SOCIAL_POST = "SOCIAL_POST",
  DATASET_RECORD = "DATASET_RECORD",
}

registerEnumType(SourceKind, {
  name: "SourceKind",
  description: "What sort of document a source is.",
  valuesConfig: {
    ARTICLE: { description: "A news or analysis article." },
    PRESS_BRIEFING: { description: "A transcript or report of a press briefing." },
    OFFICIAL_STATEMENT: { description: "A statement published by a government or organisation." },
    SOCIAL_POST: { description: "A post on a social network (Telegram, X)." },
    DATASET_RECORD: { description: "A record of an event dataset (ACLED, GDELT)." },
  },
});

export enum Modality {
  DIRECT_QUOTE = "DIRECT_QUOTE",
  PARAPHRASE = "PARAPHRASE",
  POST = "POST",
}

registerEnumType(Modality, {
  name: "Modality",
  description: "How the statement's text relates to what the speaker said.",
  valuesConfig: {
    DIRECT_QUOTE: { description: "The speaker's own words, quoted." },
    PARAPHRASE: { description: "A report of what the speaker said, in the reporter's words." },
    POST: { description: "The speaker's own written post." },
  },
});

export enum StanceKind {
  ASSERTS = "ASSERTS",
  SUPPORTS = "SUPPORTS",
  DISPUTES = "DISPUTES",
  DENIES = "DENIES",
  QUESTIONS = "QUESTIONS",
  COMMENTS = "COMMENTS",
}

registerEnumType(StanceKind, {
  name: "StanceKind",
  description: "The position a statement takes toward a claim.",
  valuesConfig: {
    ASSERTS: { description: "States the claim as true." },
    SUPPORTS: { description: "Backs a claim another has made." },
    DISPUTES: { description: "Argues against the claim without flatly denying it." },
    DENIES: { description: "Says the claim is false." },
    QUESTIONS: { description: "Casts doubt on the claim." },
    COMMENTS: { description: "Speaks about the claim without taking a side." },
  },
});

export enum StatementSortField {
  SAID_AT = "SAID_AT",
}

registerEnumType(StatementSortField, {
  name: "StatementSortField",
  description: "What a list of statements can be sorted by.",
  valuesConfig: {
    SAID_AT: { description: "The day it was said (`saidAt.date`), ties broken by ID." },
  },
});

export enum StatementGrouping {
  SPEAKER = "SPEAKER",
  STANCE = "STANCE",
  MONTH = "MONTH",
}

registerEnumType(StatementGrouping, {
  name: "StatementGrouping",
  description: "How `statementStats` groups statements into buckets.",
  valuesConfig: {
    SPEAKER: { description: "By speaker." },
    STANCE: {
      description:
        "By the stance taken; a statement counts once in each kind of stance it takes, and statements that take none are left out. With `filter.claim`, only stances on that claim count.",
    },
    MONTH: { description: "By calendar month of `saidAt.date`, in order, months without statements included as zeros." },
  },
});
