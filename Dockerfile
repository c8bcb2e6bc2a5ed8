# syntax=docker/dockerfile:1
#
# One image for all five services (intake, routing, escalation, notification, console).
# The command picks the service:
#   docker run appeal-routing:0.1.0                                   -> intake (default CMD)
#   docker run appeal-routing:0.1.0 dist/apps/escalation/src/main.js  -> escalation
# Configuration is by environment only (DATABASE_URL, KAFKA_BROKERS, PORT, HOST, LOG_LEVEL, ...).

ARG NODE_IMAGE=node:20-bookworm-slim

# ---------------------------------------------------------------------------------------------------------
# Build: install all dependencies, compile TypeScript (tsc + tsc-alias) to dist/, then drop dev dependencies
# so the runtime stage can copy node_modules as it is.
# ---------------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# @scarf/scarf (pulled in by swagger-ui-dist) reports installs from a postinstall script: keep builds quiet.
ENV SCARF_ANALYTICS=false \
    NPM_CONFIG_UPDATE_NOTIFIER=false

# Manifests first: the dependency layer is reused as long as package*.json do not change.
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
COPY scripts ./scripts
RUN npm run build \
    && npm prune --omit=dev --no-audit --no-fund

# ---------------------------------------------------------------------------------------------------------
# Runtime: only what `node dist/...` needs, running as the unprivileged `node` user (uid/gid 1000) that the
# base image provides. Nothing is written to the filesystem at run time (logs go to stdout), so the image
# works with a read-only root filesystem.
# ---------------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Files stay owned by root and read-only for `node`: the process cannot modify its own code.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

USER node

# Documentation only: the port depends on the service (intake 3001, routing 3002, escalation 3003,
# notification 3004) or on PORT.
EXPOSE 3001 3002 3003 3004

# No HEALTHCHECK here: the port differs per service, so docker-compose.yml and the Kubernetes probes
# declare the checks (GET /health/live, GET /health/ready) per service instead.

# node is PID 1 and handles SIGTERM itself (stops the Kafka consumer, then HTTP) - no shell wrapper, so the
# signal reaches it directly.
ENTRYPOINT ["node", "--enable-source-maps"]
CMD ["dist/apps/intake/src/main.js"]
