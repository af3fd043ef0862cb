import { ApiError } from '../api/api-error';
import { weakPasswordMessage } from './password-refusal';

describe('weakPasswordMessage', () => {
  it('names a weak password’s reason from its code', () => {
    const common = new ApiError(400, 'Bad Request', 'password: is too common', [
      {
        field: 'password',
        message: 'is too common: it is one of the most used passwords (topHundred)',
        reason: 'too_common',
      },
    ]);
    expect(weakPasswordMessage(common)).toBe('password.error.tooCommon');
    const guessable = new ApiError(400, 'Bad Request', 'x', [
      { field: 'email', message: 'must be an e-mail address' },
      { field: 'newPassword', message: 'is too easy to guess', reason: 'too_guessable' },
    ]);
    expect(weakPasswordMessage(guessable)).toBe('password.error.tooGuessable');
  });

  it('leaves other errors to the general texts', () => {
    expect(
      weakPasswordMessage(
        new ApiError(400, 'Bad Request', 'x', [
          { field: 'password', message: 'must be at least 12 characters long' },
        ]),
      ),
    ).toBeNull();
    expect(weakPasswordMessage(new ApiError(409, 'Conflict', 'taken'))).toBeNull();
    expect(weakPasswordMessage(new Error('boom'))).toBeNull();
  });
});
