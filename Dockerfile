# One image for every Meridian process; docker-compose.yml picks the command.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev
COPY . .
ENV NODE_ENV=production APOLLO_TELEMETRY_DISABLED=1
