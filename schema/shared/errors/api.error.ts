import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

/** Base class of every error the API shows to clients as-is; anything else is masked. */
export abstract class ApiError extends GraphQLError {
  protected constructor(message: string, code: ErrorCode, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
    this.name = new.target.name;
  }
}
