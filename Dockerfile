# boardcast image: one image for every ROLE (all | ingest | edge), chosen by environment.
# Docker cannot run on the development machines, so this file is kept short enough to be
# checked by reading: two stages, no build-time scripts of our own.

# ── build: compile TypeScript with the dev dependencies ──────────────────────────────
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# The client SDK is an npm workspace (the load generator and the board page use it).
COPY packages/client/package.json ./packages/client/
RUN npm ci --no-audit --no-fund
COPY packages/client ./packages/client
COPY tsconfig.json vite.config.ts ./
COPY scripts ./scripts
COPY proto ./proto
COPY src ./src
# tsconfig.json compiles bench/ with src/; only dist/src and dist/web reach the runtime stage.
COPY bench ./bench
# The board page (served at /) is bundled by `npm run build` into dist/web.
COPY web ./web
RUN npm run build

# ── runtime: production dependencies + the compiled output, as a non-root user ──────
FROM node:20-bookworm-slim AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
LABEL org.opencontainers.image.title="boardcast" \
      org.opencontainers.image.description="Real-time market-data fan-out server for the Vietnamese stock market over uWebSockets.js" \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.base.name="docker.io/library/node:20-bookworm-slim"
# tini as PID 1: it forwards SIGTERM/SIGINT to node and reaps zombies. node itself handles
# SIGTERM (src/main.ts runs the graceful stop), but a PID-1 process gets no default signal
# actions from the kernel, so an unhandled signal would be ignored; tini keeps node out of
# PID 1 (the same as `docker run --init`, which Kubernetes does not offer).
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
COPY packages/client/package.json ./packages/client/
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# The server, the board page and the SDK's bundle (the load generator's): no bench, no tests, no sources.
COPY --from=build /app/dist/src ./dist/src
COPY --from=build /app/dist/web ./dist/web
COPY --from=build /app/packages/client/dist ./packages/client/dist
# The launcher: node with the runtime settings boardcast is measured with (bin/boardcast says which).
COPY bin/boardcast ./bin/boardcast
# ROLE=all keeps its SQLite history in /app/data: owned by the runtime user, and group 0
# writable for platforms that run the image under an arbitrary uid in group 0.
RUN mkdir -p /app/data && chown node:0 /app/data && chmod 0775 /app/data
# The `node` user (uid 1000) of the official image; the manifests run as uid 1000 too.
USER node
EXPOSE 8080
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["bin/boardcast"]
