import { defineConfig } from 'drizzle-kit';

// SQL migrations of the central sync API's PostgreSQL database (src/server), applied by the server at start.
// Generate after changing src/server/db/schema.ts: `npx drizzle-kit generate --config drizzle.pg.config.ts --name x`.
export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/server/db/schema.ts', './src/server/db/alert-schema.ts', './src/server/db/head-office-schema.ts'],
  out: './drizzle/pg',
});
