# One image for the api, the worker and the operator commands; each compose service's command names its entry point.
FROM node:20.19-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build && npm prune --omit=dev

FROM node:20.19-bookworm-slim
# HOST: inside a container the app must listen on the container's interfaces for a published port to reach it.
ENV NODE_ENV=production HOST=0.0.0.0 DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# The embedded store, the mail outbox and the generated secrets live in DATA_DIR: owned by the user the app runs as,
# closed to others. The code stays root's, so the app cannot rewrite itself.
RUN mkdir -p /app/data && chown node:node /app/data && chmod 0700 /app/data
USER node
EXPOSE 3000
# Both parts in one process (as `npm start`); docker-compose.yml runs apps/api and apps/worker as separate services.
CMD ["node", "dist/apps/server/src/main.js"]
