# One image for the worker, the web app and the one-shot setup; docker-compose.yml picks the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force
COPY tsconfig.json ./
COPY domain domain
COPY db db
COPY workflows workflows
COPY activities activities
COPY worker worker
COPY web web
COPY emails emails
USER node
EXPOSE 3000
CMD ["npm", "run", "web"]
