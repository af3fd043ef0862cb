import { applyDecorators } from '@nestjs/common';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from '@samverkan/contracts';
import { IsContractText } from '../../common/text.validators';
import { passwordWeakness, PasswordWeakness, PasswordWeaknessCode } from '../../common/password-strength';

/** The estimator runs once per value, though two constraints ask about it. */
let lastCheck: { key: string; weakness: PasswordWeakness | null } | null = null;

function weaknessOf(password: string, userInputs: string[]): PasswordWeakness | null {
  const key = JSON.stringify([password, ...userInputs]);
  if (lastCheck?.key !== key) lastCheck = { key, weakness: passwordWeakness(password, userInputs) };
  return lastCheck.weakness;
}

/** The e-mail address and name given beside the password are known to an attacker. */
function userInputsOf(object: object): string[] {
  const { email, displayName } = object as { email?: unknown; displayName?: unknown };
  return [email, displayName].filter((value): value is string => typeof value === 'string');
}

/**
 * One constraint per reason, so the reason's code reaches the error details through class-validator's
 * `context` (the validation pipe copies it to the detail's `reason`). Length and text rules are IsContractText's.
 */
function IsNot(code: Exclude<PasswordWeaknessCode, 'too_short'>): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    let lastMessage = '';
    registerDecorator({
      name: `password_${code}`,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { context: { reason: code } },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          if (typeof value !== 'string' || [...value].length < MIN_PASSWORD_LENGTH) return true;
          const weakness = weaknessOf(value, userInputsOf(args.object));
          lastMessage = weakness?.message ?? '';
          return weakness?.code !== code;
        },
        defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'password'} ${lastMessage}`,
      },
    });
  };
}

/** A password being set: 12–1024 characters, and not common or easy to guess (see password-strength.ts). */
export const IsPassword = (): PropertyDecorator =>
  applyDecorators(
    IsContractText({ min: MIN_PASSWORD_LENGTH, max: 1024 }),
    IsNot('too_common'),
    IsNot('too_guessable'),
  );
