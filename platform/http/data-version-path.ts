// Where each subgraph says where its data stands (services/kit/server/data-version-route.ts), and
// where the gateway's response cache asks (gateway/data-versions.ts).
export const DATA_VERSION_PATH = "/data-version";
