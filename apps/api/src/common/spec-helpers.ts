import { HttpException } from '@nestjs/common';

/**
 * For unit specs: a stand-in for `T` that has only `members`. Reading any other member throws, so a call the
 * test did not plan for fails it loudly instead of answering undefined and letting the code under test carry on.
 */
export function strictFake<T extends object>(name: string, members: object): T {
  return new Proxy(members, {
    get(target, property, receiver) {
      if (property in target) return Reflect.get(target, property, receiver);
      // Asked by `await` (is it a thenable?) and by Jest when it prints a value: not calls of the code under test.
      if (typeof property === 'symbol' || IGNORED.has(property)) return undefined;
      throw new Error(`Unexpected use of ${name}.${property}: the test's fake does not provide it`);
    },
  }) as T;
}

const IGNORED = new Set(['then', 'asymmetricMatch', 'toJSON', '$$typeof', 'nodeType', 'constructor']);

/** What a caller would see of a refused call: the HTTP status, the message and the fields named in the details. */
export interface Refusal {
  status: number;
  message: string;
  fields: string[];
}

/** Awaits a call that must be refused with an HttpException and answers what the client would see. */
export async function refusalOf(call: Promise<unknown>): Promise<Refusal> {
  try {
    await call;
  } catch (error) {
    if (!(error instanceof HttpException)) throw error;
    const response = error.getResponse() as string | { message?: string | string[]; details?: { field: string }[] };
    const message = typeof response === 'string' ? response : response.message;
    return {
      status: error.getStatus(),
      message: Array.isArray(message) ? message.join('; ') : (message ?? error.message),
      fields: typeof response === 'string' ? [] : (response.details ?? []).map((detail) => detail.field),
    };
  }
  throw new Error('Expected the call to be refused, but it succeeded');
}
