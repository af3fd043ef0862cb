import { Logger } from '@nestjs/common';
import { ApiExceptionFilter } from './api-exception.filter';

function statusOf(exception: unknown): number {
  return new ApiExceptionFilter().toErrorResponse(exception).statusCode;
}

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('ApiExceptionFilter', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'a database closed to connections',
      pgError('55000', 'database "samverkan" is not currently accepting connections'),
    ],
    ['too many connections', pgError('53300', 'sorry, too many clients already')],
    ['a server shutting down', pgError('57P01', 'terminating connection due to administrator command')],
    ['a connection exception', pgError('08P01', 'protocol violation')],
    ['a database that is gone', pgError('3D000', 'database "samverkan" does not exist')],
    ['a broken connection', new Error('Connection terminated unexpectedly')],
    [
      'every address refusing',
      new AggregateError([Object.assign(new Error('refused'), { code: 'ECONNREFUSED' })]),
    ],
    [
      'a query failure with its driver error',
      Object.assign(new Error('query failed'), { driverError: { code: '57P03' } }),
    ],
  ])('answers 503 for %s', (_name, exception) => {
    expect(statusOf(exception)).toBe(503);
  });

  it('answers 500 for other failures, also of the database', () => {
    expect(statusOf(new Error('boom'))).toBe(500);
    expect(statusOf(pgError('55000', 'lastval is not yet defined in this session'))).toBe(500);
    expect(statusOf(pgError('22P02', 'invalid input syntax for type uuid'))).toBe(500);
  });

  it('answers 400 for a body nested too deeply', () => {
    const error = Object.assign(new Error('The request body nests deeper than 32 levels'), {
      type: 'entity.too.deep',
    });
    expect(new ApiExceptionFilter().toErrorResponse(error)).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'The request body nests deeper than 32 levels',
    });
  });
});
