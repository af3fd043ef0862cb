import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { checkText, guardIdentifyingText, IdentityGuardPolicy } from '@samverkan/text';
import { MAX_NAME_LENGTH } from '@samverkan/contracts';
import { identifyingTextMessage } from './identifying-text';

/**
 * A text field under the contract's rules: a string of `min`–`max` code points, no NUL, no lone surrogate,
 * stored exactly as sent (no trimming).
 */
export function IsContractText(limits: { min: number; max: number }, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    let lastMessage = '';
    registerDecorator({
      name: 'isContractText',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const problems = checkText(value, args.property, limits);
          lastMessage = problems[0]?.message ?? '';
          return problems.length === 0;
        },
        defaultMessage: () => lastMessage,
      },
    });
  };
}

/** Names of sites, zones, organisations, meetings and people: 1–200 code points. */
export const IsName = (options?: ValidationOptions) => IsContractText({ min: 1, max: MAX_NAME_LENGTH }, options);

export const NOT_IDENTIFYING = 'notIdentifying';

/**
 * A free text that becomes a shared record (or a chat message) must not identify a person: the identity
 * guard's refusal under `policy`, as a 400 naming the field, with the kind found as its `reason`
 * (the validation pipe adds it). Anything not a string is left to the field's other rules.
 */
export function IsNotIdentifying(policy: IdentityGuardPolicy = 'record', options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: NOT_IDENTIFYING,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { ...options, context: { policy } },
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || guardIdentifyingText(value, policy).refused.length === 0,
        defaultMessage: (args?: ValidationArguments) =>
          identifyingTextMessage(guardIdentifyingText(String(args?.value ?? ''), policy).refused),
      },
    });
  };
}

/** The reason code of a refusal by `IsNotIdentifying`, from the value refused and the policy it was checked under. */
export function notIdentifyingReason(value: unknown, context: unknown): string | undefined {
  const policy = (context as { policy?: IdentityGuardPolicy } | undefined)?.policy ?? 'record';
  return typeof value === 'string' ? guardIdentifyingText(value, policy).refused[0] : undefined;
}
