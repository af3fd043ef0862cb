import { ArgumentsHost, Catch, ConflictException, ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { AgendaItem, AgendaItemConflict } from '@samverkan/contracts';

/** A stale agenda item `version`: the 409 carries the item as it is now, so the client can show both texts. */
export class AgendaItemConflictException extends ConflictException {
  constructor(
    readonly current: AgendaItem,
    sentVersion: number,
  ) {
    super(
      `The agenda item has changed since version ${sentVersion} (it is at version ${current.version}, ` +
        `last changed ${current.updatedAt}); compare with "current" and save again with its version`,
    );
  }
}

/** The contract's error body plus `current` (the global filter keeps only statusCode, error, message, details). */
@Catch(AgendaItemConflictException)
export class AgendaItemConflictFilter implements ExceptionFilter {
  catch(exception: AgendaItemConflictException, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body: AgendaItemConflict = {
      statusCode: 409,
      error: 'Conflict',
      message: exception.message,
      current: exception.current,
    };
    response.status(409).json(body);
  }
}
