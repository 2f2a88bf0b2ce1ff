import type { NextConfig } from 'next'

const config: NextConfig = {
  // The database drivers and the Prisma runtime are loaded by the custom
  // server (server/main.ts) and shared with route handlers through one
  // process-wide instance; bundling them would load a second copy.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg', 'pg', '@prisma/client'],
  poweredByHeader: false,
  reactStrictMode: true,
  devIndicators: false,
}

export default config
