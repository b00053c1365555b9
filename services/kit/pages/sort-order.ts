import "reflect-metadata";
import { registerEnumType } from "type-graphql";

export enum SortOrder {
  ASC = "ASC",
  DESC = "DESC",
}

registerEnumType(SortOrder, {
  name: "SortOrder",
  description: "Which way a list runs.",
  valuesConfig: {
    ASC: { description: "Oldest (or smallest) first." },
    DESC: { description: "Newest (or largest) first." },
  },
});
