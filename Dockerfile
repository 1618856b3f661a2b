# One image for both roles:
#   docker run IMAGE                       -> api    (node dist/src/main.js api)
#   docker run IMAGE node dist/src/main.js worker
# Both serve /healthz, /readyz and /metrics on PORT (the worker serves only those).

# ---- build: full dependencies, compile TypeScript, bundle the browser scripts ----------
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
COPY workers ./workers
RUN npm run build

# ---- runtime: production dependencies only, compiled output, non-root -----------------
FROM node:22-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist ./dist
# Data files read at run time next to the compiled code (the lexicons are plain text; the
# span model is the weights file written by `npm run train:filter`).
COPY --from=build /app/src/filters/lexicons ./src/filters/lexicons
COPY --from=build /app/src/filters/model/span-model.bin ./src/filters/model/span-model.bin
# The common-passwords list the password policy refuses (src/util/password-policy.ts).
COPY --from=build /app/src/util/common-passwords.txt ./src/util/common-passwords.txt
# The image's own "node" user (uid 1000); nothing under /app is writable by it.
USER node
EXPOSE 8080
# No curl in the slim image: Node's fetch does the probe. Liveness only (never dependencies),
# so a Redis outage does not get every container restarted at once.
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Node as PID 1 receives SIGTERM directly: main.js drains requests and jobs, then exits 0.
# Give it longer than SHUTDOWN_TIMEOUT_MS (`docker stop -t 30`, compose stop_grace_period).
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/main.js", "api"]
