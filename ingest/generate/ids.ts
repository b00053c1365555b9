// IDs of generated entities: the "gen" namespace says where they came from, and the index
// makes them unique and stable across runs with the same scale.

export const GENERATED_NAMESPACE = "gen";

export const actorId = (index: number) => `${GENERATED_NAMESPACE}:actor-${index}`;
export const relationId = (index: number) => `${GENERATED_NAMESPACE}:relation-${index}`;
export const sourceId = (index: number) => `${GENERATED_NAMESPACE}:source-${index}`;
export const claimId = (index: number) => `${GENERATED_NAMESPACE}:claim-${index}`;
export const statementId = (index: number) => `${GENERATED_NAMESPACE}:statement-${index}`;
export const incidentId = (index: number) => `${GENERATED_NAMESPACE}:incident-${index}`;
export const placeId = (incidentIndex: number, placeNumber: number) => `${incidentId(incidentIndex)}.place-${placeNumber}`;
