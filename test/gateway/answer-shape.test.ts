// answerShape (gateway/answer-shape.ts) is what lets the gateway send a subgraph's answer
// unshaped: two operations get the same shape only when their answers have the same keys, in the
// same order, of the same types; and it gives none where the shape could depend on data or variables.
import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import { answerShape } from "../../gateway/answer-shape.js";

const api = buildSchema(`
  type Query { incidents(first: Int): Page! incident(id: ID!): Incident node: Node }
  type Page { total: Int! items: [Incident!]! }
  type Incident implements Node { id: ID! title: String! status: Status }
  interface Node { id: ID! }
  enum Status { OPEN CLOSED }
`);
// A subgraph's view of the same types, where one field may be null and one enum has a value more.
const subgraph = buildSchema(`
  type Query { incidents(first: Int): Page! incident(id: ID!): Incident }
  type Page { total: Int items: [Incident!]! }
  type Incident { id: ID! title: String! status: Status }
  enum Status { OPEN CLOSED DRAFT }
`);

const shape = (text: string, schema = api, operationName?: string) => answerShape(schema, parse(text), operationName);

describe("answerShape", () => {
  it("is the same for a fragment, an inline fragment on the same type and the fields written out", () => {
    const written = shape(`{ incidents(first: 2) { items { id title } } }`);
    expect(written).not.toBeNull();
    expect(shape(`{ incidents { ...page } } fragment page on Page { items { id } items { title } }`)).toBe(written);
    expect(shape(`{ incidents { ... on Page { items { id title } } } }`)).toBe(written);
    expect(shape(`query A { incident(id: "x") { id } } query B { incidents { items { id title } } }`, api, "B")).toBe(written);
  });

  it("differs for another order, an alias, a field more, or __typename added", () => {
    const written = shape(`{ incidents { items { id title } } }`);
    expect(shape(`{ incidents { items { title id } } }`)).not.toBe(written);
    expect(shape(`{ incidents { list: items { id title } } }`)).not.toBe(written);
    expect(shape(`{ incidents { items { id title status } } }`)).not.toBe(written);
    expect(shape(`{ incidents { items { __typename id title } } }`)).not.toBe(written);
  });

  it("differs where the two schemas' types differ: nullability, an enum's values", () => {
    expect(shape(`{ incidents { items { id } } }`, subgraph)).toBe(shape(`{ incidents { items { id } } }`));
    expect(shape(`{ incidents { total } }`, subgraph)).not.toBe(shape(`{ incidents { total } }`));
    expect(shape(`{ incident(id: "x") { status } }`, subgraph)).not.toBe(shape(`{ incident(id: "x") { status } }`));
  });

  it("is none where the answer's shape depends on the data or the variables", () => {
    expect(shape(`query ($no: Boolean!) { incidents { total @skip(if: $no) } }`)).toBeNull();
    expect(shape(`{ node { id ... on Incident { title } } }`)).toBeNull();
    expect(shape(`{ incidents { ... on Page @include(if: true) { total } } }`)).toBeNull();
    expect(shape(`{ __schema { types { name } } }`)).toBeNull();
    expect(shape(`{ incidents { total } }`, api, "NoSuchOperation")).toBeNull();
  });
});
