# One image for every Meridian process; docker-compose.yml picks the command. Two stages: the
# first compiles the TypeScript (npm run build), the second holds only the compiled dist/ and
# the runtime dependencies, and runs as the unprivileged `node` user.

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: as npm 11 does by default, and as development does; nothing needs them.
RUN npm ci --ignore-scripts
COPY . .
RUN npm run build

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    APOLLO_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PGLITE_DATA_DIR=/app/.data/pglite
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY --from=build /app/dist ./dist
# The embedded database of the default command writes here; nothing else in /app is writable.
RUN mkdir -p /app/.data && chown node:node /app/.data
USER node
EXPOSE 4000 4001 4002 4003
# node itself, not npm: node is PID 1 and gets SIGTERM from `docker stop`; the entry points
# handle it (platform/process/shutdown.ts), finishing in-flight requests before exiting.
# The default is the whole graph on the embedded PGlite; docker-compose.yml runs each part.
CMD ["node", "dist/scripts/start.js"]
