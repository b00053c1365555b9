import "reflect-metadata";
import { registerEnumType } from "type-graphql";

export enum ClaimStatus {
  CONTESTED = "CONTESTED",
  ASSERTED = "ASSERTED",
  DISPUTED = "DISPUTED",
  UNADDRESSED = "UNADDRESSED",
}

registerEnumType(ClaimStatus, {
  name: "ClaimStatus",
  description:
    "Where a claim stands, derived from the stances statements take on it: ASSERTS and SUPPORTS assert it, DISPUTES and DENIES dispute it, QUESTIONS and COMMENTS take no side.",
  valuesConfig: {
    CONTESTED: { description: "At least one statement asserts or supports it and at least one disputes or denies it." },
    ASSERTED: { description: "Asserted or supported, and nobody disputes or denies it." },
    DISPUTED: { description: "Disputed or denied, and nobody asserts or supports it." },
    UNADDRESSED: { description: "No statement takes a side: it is only questioned or commented on, or has no stances at all." },
  },
});
