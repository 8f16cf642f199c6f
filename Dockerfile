# One image for the web app, the worker and the one-shot setup; docker-compose.yml picks the command.
# The first stage compiles the TypeScript and prebuilds the workflow bundle (`npm run build`); the image
# keeps only that build and the production dependencies: no tsx, no bundling at start.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
# patches/: fixes to dependencies not yet released upstream (see patches/README.md)
RUN npx patch-package && npm run build

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist dist
COPY --from=build /app/node_modules/postgres node_modules/postgres
USER node
EXPOSE 3000
CMD ["node", "dist/web/main.js"]
