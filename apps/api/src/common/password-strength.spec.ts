import { passwordWeakness } from './password-strength';

describe('passwordWeakness', () => {
  it.each([
    ['password1234', 'too_common', 'similarToCommon'],
    ['123456789012', 'too_common', 'common'],
    ['Password12345', 'too_common', 'similarToCommon'],
    ['p4$$w0rd1234', 'too_common', 'similarToCommon'],
    ['abcdefghijkl', 'too_guessable', 'sequences'],
    ['aaaaaaaaaaaa', 'too_guessable', 'simpleRepeat'],
    ['🔑'.repeat(12), 'too_guessable', 'extendedRepeat'],
  ])('refuses %j as %s, naming the estimator’s warning', (password, code, warning) => {
    const weakness = passwordWeakness(password);
    expect(weakness).toMatchObject({ code, warning });
    expect(weakness?.message).toContain(`(${warning})`);
  });

  it('refuses a password under 12 characters before estimating anything', () => {
    expect(passwordWeakness('Xq9!vT#2pL')).toEqual({
      code: 'too_short',
      warning: null,
      message: 'must be at least 12 characters long',
    });
  });

  it('counts the account’s own e-mail address and name as known to an attacker', () => {
    expect(passwordWeakness('annasvensson', ['anna.svensson@polisen.se', 'Anna Svensson'])).toMatchObject({
      code: 'too_guessable',
      warning: 'userInputs',
    });
  });

  it.each([
    'demo-password-2026',
    'test-admin-password-2026',
    'correct-horse-battery-2026',
    'a-brand-new-password',
    'malmö-polisen-2026',
    '🔑🐝🌷🚲🧭🍎🌊🎈🦔🍄🎻🧩',
    'k3#Qm!vT9zLp' + 'y'.repeat(1000),
  ])('accepts %j', (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });
});
