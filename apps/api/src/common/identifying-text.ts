import { describeIdentifyingKinds, findIdentifyingData } from '@samverkan/text';
import { badRequest } from './api-exception.filter';

/**
 * Refuses a text that looks like it identifies a person (a Swedish personal identity number, a phone
 * number, an e-mail address). The message names the kinds found, never the text itself, so nothing
 * identifying is echoed back or logged.
 */
export function refuseIdentifyingText(field: string, text: string): void {
  const kinds = findIdentifyingData(text);
  if (kinds.length === 0) return;
  throw badRequest(
    field,
    `must not identify a person: it seems to hold ${describeIdentifyingKinds(kinds, 'en')}; leave it out`,
  );
}
