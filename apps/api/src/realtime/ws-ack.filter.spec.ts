import { ConflictException, ForbiddenException, HttpException, NotFoundException } from '@nestjs/common';
import type { ArgumentsHost } from '@nestjs/common';
import { WsException } from '@nestjs/websockets';
import { DetailedHttpException } from '../common/api-exception.filter';
import { toAckError, WsAckExceptionFilter } from './ws-ack.filter';

describe('socket acknowledgements of failures', () => {
  it('turns HTTP-style exceptions into codes a client can act on', () => {
    expect(
      toAckError(new DetailedHttpException(400, [{ field: 'body', message: 'is required' }])).ack,
    ).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'body: is required' },
    });
    expect(toAckError(new NotFoundException('No channel')).ack.error.code).toBe('not_found');
    expect(toAckError(new ForbiddenException('No')).ack.error.code).toBe('forbidden');
    expect(toAckError(new ConflictException('Stale')).ack.error).toEqual({ code: 'conflict', message: 'Stale' });
    expect(toAckError(new HttpException({ message: 'Too many' }, 429)).ack.error).toEqual({
      code: 'rate_limited',
      message: 'Too many',
    });
    expect(toAckError(new WsException('bad')).ack.error).toEqual({ code: 'bad_request', message: 'bad' });
  });

  it('keeps the field and the reason code of a refusal, so the client can say it in the user’s language', () => {
    const refusal = new DetailedHttpException(400, [
      { field: 'body', message: 'must not identify a person', reason: 'personal_identity_number' },
    ]);
    expect(toAckError(refusal).ack.error).toEqual({
      code: 'bad_request',
      message: 'body: must not identify a person',
      field: 'body',
      reason: 'personal_identity_number',
    });
  });

  it('hides unexpected errors behind "internal"', () => {
    const { ack, unexpected } = toAckError(new Error('connection to database lost at 10.0.0.3'));
    expect(unexpected).toBe(true);
    expect(ack.error).toEqual({ code: 'internal', message: 'Something went wrong on the server; try again' });
  });

  it('answers through the acknowledgement callback among the handler’s arguments', () => {
    const ack = jest.fn();
    const host = {
      getArgs: () => [{ id: 'socket' }, { channelId: 'x' }, ack, 'channel:join'],
    } as unknown as ArgumentsHost;
    new WsAckExceptionFilter().catch(new NotFoundException('No channel with id x'), host);
    expect(ack).toHaveBeenCalledWith({
      ok: false,
      error: { code: 'not_found', message: 'No channel with id x' },
    });
  });
});
