import "reflect-metadata";
import { type EnumValue, registerDescribedEnum } from "../../kit/schema/described-enum.js";

export const ClaimStatus = registerDescribedEnum(["CONTESTED", "ASSERTED", "DISPUTED", "UNADDRESSED"], {
  name: "ClaimStatus",
  description:
    "Where a claim stands, derived from the stances statements take on it: ASSERTS and SUPPORTS assert it, DISPUTES and DENIES dispute it, QUESTIONS and COMMENTS take no side.",
  valueDescriptions: {
    CONTESTED: "At least one statement asserts or supports it and at least one disputes or denies it.",
    ASSERTED: "Asserted or supported, and nobody disputes or denies it.",
    DISPUTED: "Disputed or denied, and nobody asserts or supports it.",
    UNADDRESSED: "No statement takes a side: it is only questioned or commented on, or has no stances at all.",
  },
});
export type ClaimStatus = EnumValue<typeof ClaimStatus>;
