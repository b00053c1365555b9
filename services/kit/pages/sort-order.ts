import "reflect-metadata";
import { type EnumValue, registerDescribedEnum } from "../schema/described-enum.js";

export const SortOrder = registerDescribedEnum(["ASC", "DESC"], {
  name: "SortOrder",
  description: "Which way a list runs.",
  valueDescriptions: {
    ASC: "Oldest (or smallest) first.",
    DESC: "Newest (or largest) first.",
  },
});
export type SortOrder = EnumValue<typeof SortOrder>;
