import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { checkText } from '@samverkan/text';
import { MAX_NAME_LENGTH } from '@samverkan/contracts';

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
