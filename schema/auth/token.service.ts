import {
  createLocalJWKSet,
  jwtVerify,
  SignJWT,
  errors as joseErrors,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { UnauthenticatedError } from '../shared/errors';
import { Role, type Viewer } from './role';

const ALGORITHM = 'HS256';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TokenClaims {
  subject: string;
  operatorId: string;
  role: Role;
  /** Lifetime, e.g. "12h", "30d" (jose's time span syntax). Default "12h". */
  ttl?: string;
}

/** Signs an HS256 token with the platform's `JWT_SECRET`. */
export async function signToken(claims: TokenClaims, secret: string): Promise<string> {
  return new SignJWT({ operatorId: claims.operatorId, role: claims.role })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(claims.subject)
    .setIssuedAt()
    .setExpirationTime(claims.ttl ?? '12h')
    .sign(new TextEncoder().encode(secret));
}

/** Checks a bearer token and returns its viewer; UNAUTHENTICATED otherwise. */
export type TokenVerifier = (token: string) => Promise<Viewer>;

/** Keys of agencies with their own identity provider (RS256 or ES256 tokens). */
export interface ExternalKeys {
  /** Public keys as a JSON Web Key Set (from JWT_JWKS_FILE). */
  jwks: JSONWebKeySet;
  /** Required `iss` of such tokens, when set. */
  issuer?: string;
  /** Required `aud` of such tokens, when set. */
  audience?: string;
}

/** Asymmetric algorithms accepted from external identity providers. */
const EXTERNAL_ALGORITHMS = ['RS256', 'ES256'];

/**
 * A verifier for the platform's own HS256 tokens (`JWT_SECRET`) and, when `external` is given,
 * RS256/ES256 tokens signed by a key in that JWKS. Signature, `exp` and `nbf` are always
 * checked; `alg: none`, other algorithms and an HS256 token "signed" with a public key are refused.
 */
export function createTokenVerifier(secret: string, external?: ExternalKeys): TokenVerifier {
  const hmacKey = new TextEncoder().encode(secret);
  const jwks = external ? createLocalJWKSet(external.jwks) : null;
  const getKey: JWTVerifyGetKey = async (header, token) => {
    if (header.alg === ALGORITHM) return hmacKey;
    if (jwks && EXTERNAL_ALGORITHMS.includes(header.alg)) return jwks(header, token);
    throw new joseErrors.JOSEAlgNotAllowed(`"alg" ${header.alg} is not accepted`);
  };
  const algorithms = jwks ? [ALGORITHM, ...EXTERNAL_ALGORITHMS] : [ALGORITHM];
  const verify: TokenVerifier = async (token) => {
    let payload;
    try {
      const verified = await jwtVerify(token, getKey, { algorithms });
      payload = verified.payload;
      if (verified.protectedHeader.alg !== ALGORITHM) checkExternalClaims(payload, external!);
    } catch (error) {
      throw new UnauthenticatedError(`Invalid token: ${describeJoseError(error)}`);
    }
    return viewerOf(payload);
  };
  return rememberVerified(verify);
}

/** Tokens remembered once verified; the oldest is forgotten first beyond this many. */
const REMEMBERED_TOKENS = 10_000;

/**
 * `verify`, remembering each token it accepted until the token expires, so that a client sending
 * the same token with every request pays for its signature once, not per request (a token
 * cannot change without changing its text, and only accepted tokens are remembered).
 */
function rememberVerified(verify: TokenVerifier): TokenVerifier {
  const remembered = new Map<string, Viewer>();
  return async (token) => {
    const known = remembered.get(token);
    if (known && (!known.expiresAt || known.expiresAt.getTime() > Date.now())) return known;
    remembered.delete(token);
    const viewer = await verify(token);
    if (remembered.size >= REMEMBERED_TOKENS) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, Object.freeze(viewer));
    return viewer;
  };
}

function checkExternalClaims(payload: JWTPayload, { issuer, audience }: ExternalKeys): void {
  if (issuer && payload.iss !== issuer) throw new joseErrors.JWTClaimValidationFailed('unexpected "iss"', payload, 'iss', 'check_failed');
  if (audience && ![payload.aud].flat().includes(audience)) {
    throw new joseErrors.JWTClaimValidationFailed('unexpected "aud"', payload, 'aud', 'check_failed');
  }
}

/** Verifies an HS256 token signed with `secret` (see createTokenVerifier). */
export function verifyToken(token: string, secret: string): Promise<Viewer> {
  return createTokenVerifier(secret)(token);
}

function viewerOf(payload: Record<string, unknown>): Viewer {
  const { sub, operatorId, role, exp } = payload;
  if (typeof sub !== 'string' || sub === '') throw new UnauthenticatedError('Invalid token: no "sub" claim');
  if (typeof operatorId !== 'string' || !UUID.test(operatorId)) {
    throw new UnauthenticatedError('Invalid token: "operatorId" must be an operator UUID');
  }
  if (!isRole(role)) {
    throw new UnauthenticatedError(`Invalid token: "role" must be one of ${Object.keys(Role).join(', ')}`);
  }
  return { subject: sub, operatorId, role: role as Role, ...(typeof exp === 'number' ? { expiresAt: new Date(exp * 1000) } : {}) };
}

/** Own enum values only: `role in Role` would also accept "constructor", "toString" or "__proto__". */
function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (Object.values(Role) as string[]).includes(value);
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" failed (${error.reason})`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its algorithm is not accepted';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not match';
  return 'it is not a well-formed signed JWT';
}
