import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` → SQL migrations for the register's SQLite file, applied at start by the store.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/core/store/schema.ts',
  out: './drizzle/sqlite',
});
