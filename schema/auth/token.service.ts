import { jwtVerify, SignJWT, errors as joseErrors } from 'jose';
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

/**
 * Verifies a bearer token (signature, `exp`, `nbf`; only HS256, so `alg: none` is refused)
 * and returns its viewer.
 * @throws UnauthenticatedError saying what is wrong with the token
 */
export async function verifyToken(token: string, secret: string): Promise<Viewer> {
  let payload;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: [ALGORITHM] }));
  } catch (error) {
    throw new UnauthenticatedError(`Invalid token: ${describeJoseError(error)}`);
  }
  const { sub, operatorId, role } = payload;
  if (typeof sub !== 'string' || sub === '') throw new UnauthenticatedError('Invalid token: no "sub" claim');
  if (typeof operatorId !== 'string' || !UUID.test(operatorId)) {
    throw new UnauthenticatedError('Invalid token: "operatorId" must be an operator UUID');
  }
  if (typeof role !== 'string' || !(role in Role)) {
    throw new UnauthenticatedError(`Invalid token: "role" must be one of ${Object.keys(Role).join(', ')}`);
  }
  return { subject: sub, operatorId, role: role as Role };
}

function describeJoseError(error: unknown): string {
  if (error instanceof joseErrors.JWTExpired) return 'it has expired';
  if (error instanceof joseErrors.JWTClaimValidationFailed) return `claim "${error.claim}" failed (${error.reason})`;
  if (error instanceof joseErrors.JOSEAlgNotAllowed) return 'its algorithm is not accepted';
  if (error instanceof joseErrors.JWSSignatureVerificationFailed) return 'its signature does not match';
  return 'it is not a well-formed signed JWT';
}
