import { GraphQLError } from 'graphql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { NotFoundError } from '../../../schema/shared/errors';
import { formatError } from '../../../server/format-error';

const resolverError = (original: Error) => new GraphQLError(original.message, { path: ['scene'], originalError: original });

describe('formatError', () => {
  beforeEach(() => jest.spyOn(console, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('passes our errors through unchanged', () => {
    const error = resolverError(new NotFoundError('Scene', 'abc'));
    const formatted = { message: 'Scene abc was not found', path: ['scene'], extensions: { code: 'NOT_FOUND' } };
    expect(formatError(formatted, error)).toBe(formatted);
  });

  it('masks an unexpected error as INTERNAL_SERVER_ERROR with an error id that is also logged', () => {
    const error = resolverError(new Error('connection string postgres://secret@db leaked'));
    const formatted = formatError({ message: error.message, path: ['scene'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error);
    expect(formatted.message).not.toContain('secret');
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', errorId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((console.error as jest.Mock).mock.calls[0][0]).toContain(formatted.extensions!.errorId as string);
  });

  it('maps a unique-constraint violation to CONFLICT', () => {
    const violation = new UniqueConstraintViolationException(
      Object.assign(new Error('duplicate key'), { detail: 'Key (name)=(x) already exists.' }),
    );
    const formatted = formatError({ message: 'duplicate key', path: ['createOperator'] }, resolverError(violation));
    expect(formatted.extensions).toEqual({ code: 'CONFLICT' });
    expect(formatted.message).toContain('Key (name)=(x) already exists.');
  });

  it('masks an error that claims a request code but comes from a resolver', () => {
    const error = resolverError(new Error('boom'));
    expect(formatError({ message: 'boom', path: ['x'], extensions: { code: 'BAD_USER_INPUT' } }, error).extensions?.code).toBe(
      'INTERNAL_SERVER_ERROR',
    );
  });
});
