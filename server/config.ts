import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { exportJWK, importSPKI, type JSONWebKeySet } from 'jose';
import type { ExternalKeys } from '../schema/auth/token.service';
import { DEFAULT_LIMITS, type ApiLimits } from './limits/query-limits';

export interface ServerConfig {
  port: number;
  /** PostgreSQL + PostGIS; when absent the embedded database in `dataDir` is used. */
  databaseUrl: string | null;
  dataDir: string;
  jwtSecret: string;
  production: boolean;
  /** Load the demo data when the database has no scenes (default: on for the embedded database). */
  seedDemoData: boolean;
  limits: ApiLimits;
  /** GRAPHQL_INTROSPECTION=1 or 0; default on, except in production. */
  introspection: boolean;
  /** COMPILED_READS=0 answers every query through the resolvers (for comparison); default on. */
  compiledReads: boolean;
  /** Where RS256/ES256 keys of agencies' own identity providers come from (none by default). */
  externalKeySource: ExternalKeySource | null;
}

/** JWT_JWKS_FILE (a JSON Web Key Set) or JWT_PUBLIC_KEY_FILE (PEM) + JWT_PUBLIC_KEY_ALG; JWT_ISSUER and JWT_AUDIENCE optional. */
export interface ExternalKeySource {
  jwksFile?: string;
  publicKeyFile?: string;
  publicKeyAlgorithm?: 'RS256' | 'ES256';
  issuer?: string;
  audience?: string;
}

/** Environment variable → limit, each a positive integer. */
const LIMIT_VARIABLES: Record<string, keyof ApiLimits> = {
  QUERY_MAX_DEPTH: 'maxDepth',
  QUERY_MAX_COST: 'maxCost',
  QUERY_MAX_ALIASES: 'maxAliases',
  RATE_LIMIT_PER_MINUTE: 'operationsPerMinute',
  MAX_BODY_BYTES: 'maxBodyBytes',
};

/** Used only outside production, so that `npm start` works with no setup. Never use it for real data. */
export const DEVELOPMENT_JWT_SECRET = 'development-only-secret-change-me-0123456789';

/**
 * Reads and checks the environment once, at start.
 * @throws Error with a sentence saying what to set
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production';
  const port = Number(env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number (0-65535), got ${JSON.stringify(env.PORT)}`);
  }
  const jwtSecret = env.JWT_SECRET ?? (production ? '' : DEVELOPMENT_JWT_SECRET);
  if (jwtSecret.length < 32) {
    throw new Error('JWT_SECRET must be set to a random string of at least 32 characters (NODE_ENV=production has no default)');
  }
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error(`DATABASE_URL must be a postgresql:// URL, got ${JSON.stringify(databaseUrl)}`);
  }
  return {
    port,
    databaseUrl,
    dataDir: resolve(env.DATA_DIR ?? '.data'),
    jwtSecret,
    production,
    seedDemoData: env.SEED_DEMO_DATA ? env.SEED_DEMO_DATA === '1' : !databaseUrl,
    limits: readLimits(env),
    externalKeySource: readExternalKeySource(env),
    introspection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === '1' : !production,
    compiledReads: env.COMPILED_READS !== '0',
  };
}

function readLimits(env: NodeJS.ProcessEnv): ApiLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [variable, key] of Object.entries(LIMIT_VARIABLES)) {
    const text = env[variable];
    if (text === undefined || text === '') continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${variable} must be a positive whole number, got ${JSON.stringify(text)}`);
    limits[key] = value;
  }
  return limits;
}

function readExternalKeySource(env: NodeJS.ProcessEnv): ExternalKeySource | null {
  const { JWT_JWKS_FILE: jwksFile, JWT_PUBLIC_KEY_FILE: publicKeyFile, JWT_PUBLIC_KEY_ALG: algorithm } = env;
  if (!jwksFile && !publicKeyFile) return null;
  if (jwksFile && publicKeyFile) throw new Error('Set JWT_JWKS_FILE or JWT_PUBLIC_KEY_FILE, not both');
  if (publicKeyFile && algorithm !== 'RS256' && algorithm !== 'ES256') {
    throw new Error(`JWT_PUBLIC_KEY_ALG must be RS256 or ES256 with JWT_PUBLIC_KEY_FILE, got ${JSON.stringify(algorithm)}`);
  }
  return {
    jwksFile: jwksFile ? resolve(jwksFile) : undefined,
    publicKeyFile: publicKeyFile ? resolve(publicKeyFile) : undefined,
    publicKeyAlgorithm: algorithm as ExternalKeySource['publicKeyAlgorithm'],
    issuer: env.JWT_ISSUER || undefined,
    audience: env.JWT_AUDIENCE || undefined,
  };
}

/**
 * Reads the external keys named by the configuration.
 * @throws Error with a sentence saying which file is wrong
 */
export async function loadExternalKeys(source: ExternalKeySource | null): Promise<ExternalKeys | undefined> {
  if (!source) return undefined;
  const file = (source.jwksFile ?? source.publicKeyFile)!;
  let jwks: JSONWebKeySet;
  try {
    const text = readFileSync(file, 'utf8');
    if (source.jwksFile) jwks = JSON.parse(text) as JSONWebKeySet;
    else jwks = { keys: [{ ...(await exportJWK(await importSPKI(text, source.publicKeyAlgorithm!))), alg: source.publicKeyAlgorithm }] };
    if (!Array.isArray(jwks.keys) || jwks.keys.length === 0) throw new Error('it has no keys');
  } catch (error) {
    throw new Error(`Cannot read the JWT public keys from ${file}: ${(error as Error).message}`, { cause: error });
  }
  return { jwks, issuer: source.issuer, audience: source.audience };
}
