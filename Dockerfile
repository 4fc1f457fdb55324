# Linnet: one image for every role (`serve --role api|worker`, `migrate`, `app create`, `user create`).
#
# The web pages are built by Vite, a devDependency; the runtime image must not carry dev tools. So a first stage
# installs everything and builds web/dist, and the final stage installs production dependencies only and copies
# the built pages in. The server runs its TypeScript through tsx (a production dependency): there is no server build.

FROM node:20-slim AS web
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:web

FROM node:20-slim
ENV NODE_ENV=production PORT=8080 LINNET_HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY bin ./bin
COPY server ./server
COPY contracts ./contracts
COPY catalog ./catalog
COPY --from=web /app/web/dist ./web/dist
# the image's own user, never root; it writes nothing but logs (the database and Redis hold all state)
USER node
EXPOSE 8080
# alive and reaching the database (workers listen on no port: compose.yaml turns this off for them)
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM starts a graceful stop (LINNET_SHUTDOWN_TIMEOUT_MS); exec form so node receives it directly
ENTRYPOINT ["node", "bin/linnet.mjs"]
CMD ["serve"]
