// The second factor (two-step verification): the sign-in's second step, turning it on with an authenticator
// app and recovery codes, turning it off, and an administrator's reset. dictionary.ts merges them.

export const secondFactorTextsSv = {
  'mfa.name': 'Tvåstegsverifiering',
  'mfa.step.title': 'Ange koden',
  'mfa.step.intro': 'Öppna autentiseringsappen i telefonen och ange koden som visas för Samverkan.',
  'mfa.step.code': 'Kod',
  'mfa.step.hint':
    'Sex siffror från appen. Har du inte telefonen med dig kan du ange en av dina reservkoder i stället.',
  'mfa.step.submit': 'Logga in',
  'mfa.step.submitting': 'Kontrollerar …',
  'mfa.step.back': 'Tillbaka till lösenordet',
  'mfa.step.missingCode': 'Ange koden från appen, eller en reservkod.',
  'mfa.step.expired': 'Inloggningen tog för lång tid eller avbröts. Ange ditt lösenord igen.',

  'mfa.setup.title': 'Slå på tvåstegsverifiering',
  'mfa.setup.required': 'Din roll kräver tvåstegsverifiering. Slå på den för att kunna fortsätta.',
  'mfa.setup.intro':
    'Vid inloggning behöver du då både lösenordet och en kod från en autentiseringsapp i telefonen, till exempel Microsoft Authenticator, Google Authenticator eller FreeOTP.',
  'mfa.setup.start': 'Börja',
  'mfa.setup.starting': 'Förbereder …',
  'mfa.setup.scan': '1. Skanna QR-koden med autentiseringsappen.',
  'mfa.setup.qrLabel': 'QR-kod att skanna med autentiseringsappen',
  'mfa.setup.manual': 'Går det inte att skanna? Skriv in den här nyckeln i appen:',
  'mfa.setup.code': '2. Ange koden som appen visar',
  'mfa.setup.confirm': 'Bekräfta',
  'mfa.setup.confirming': 'Bekräftar …',
  'mfa.setup.missingCode': 'Ange de sex siffrorna som appen visar.',

  'mfa.codes.title': 'Dina reservkoder',
  'mfa.codes.intro':
    'Tvåstegsverifiering är på. Om du inte har telefonen kan du logga in med en av de här koderna; varje kod fungerar en gång. Spara dem på ett säkert ställe nu – de visas bara den här gången.',
  'mfa.codes.listLabel': 'Reservkoder',
  'mfa.codes.copy': 'Kopiera',
  'mfa.codes.copied': 'Kopierade.',
  'mfa.codes.copyFailed': 'Det gick inte att kopiera. Markera koderna och kopiera dem själv.',
  'mfa.codes.print': 'Skriv ut',
  'mfa.codes.done': 'Jag har sparat koderna',

  'mfa.settings.open': 'Tvåstegsverifiering',
  'mfa.settings.on': 'Tvåstegsverifiering är på: du loggar in med lösenord och en kod från appen.',
  'mfa.settings.off': 'Tvåstegsverifiering är av: du loggar in med bara lösenordet.',
  'mfa.settings.required': 'Din roll kräver tvåstegsverifiering, så den kan inte stängas av.',
  'mfa.settings.turnOffTitle': 'Stäng av tvåstegsverifiering',
  'mfa.settings.password': 'Ditt lösenord',
  'mfa.settings.code': 'Kod från appen, eller en reservkod',
  'mfa.settings.turnOff': 'Stäng av',
  'mfa.settings.turningOff': 'Stänger av …',
  'mfa.settings.missing': 'Ange både lösenordet och en kod.',
  'mfa.settings.turnedOff': 'Tvåstegsverifiering är avstängd.',
  'mfa.settings.close': 'Stäng',

  'admin.mfaOn': 'Tvåstegsverifiering på',
  'admin.mfaReset': 'Återställ tvåstegsverifiering',
  'admin.mfaResetConfirm':
    'Återställa tvåstegsverifieringen för {name}? Hen loggas ut överallt och loggar sedan in med bara lösenordet tills hen slår på den igen.',
} as const;

export const secondFactorTextsEn: Record<keyof typeof secondFactorTextsSv, string> = {
  'mfa.name': 'Two-step verification',
  'mfa.step.title': 'Enter the code',
  'mfa.step.intro': 'Open the authenticator app on your phone and enter the code it shows for Samverkan.',
  'mfa.step.code': 'Code',
  'mfa.step.hint':
    'Six digits from the app. If you do not have your phone with you, enter one of your recovery codes instead.',
  'mfa.step.submit': 'Sign in',
  'mfa.step.submitting': 'Checking …',
  'mfa.step.back': 'Back to the password',
  'mfa.step.missingCode': 'Enter the code from the app, or a recovery code.',
  'mfa.step.expired': 'The sign-in took too long or was stopped. Enter your password again.',

  'mfa.setup.title': 'Turn on two-step verification',
  'mfa.setup.required': 'Your role requires two-step verification. Turn it on to continue.',
  'mfa.setup.intro':
    'You will then sign in with your password and a code from an authenticator app on your phone, such as Microsoft Authenticator, Google Authenticator or FreeOTP.',
  'mfa.setup.start': 'Start',
  'mfa.setup.starting': 'Preparing …',
  'mfa.setup.scan': '1. Scan the QR code with the authenticator app.',
  'mfa.setup.qrLabel': 'QR code to scan with the authenticator app',
  'mfa.setup.manual': 'Cannot scan it? Type this key into the app:',
  'mfa.setup.code': '2. Enter the code the app shows',
  'mfa.setup.confirm': 'Confirm',
  'mfa.setup.confirming': 'Confirming …',
  'mfa.setup.missingCode': 'Enter the six digits the app shows.',

  'mfa.codes.title': 'Your recovery codes',
  'mfa.codes.intro':
    'Two-step verification is on. If you do not have your phone, you can sign in with one of these codes; each works once. Keep them somewhere safe now – they are shown only this once.',
  'mfa.codes.listLabel': 'Recovery codes',
  'mfa.codes.copy': 'Copy',
  'mfa.codes.copied': 'Copied.',
  'mfa.codes.copyFailed': 'Copying did not work. Select the codes and copy them yourself.',
  'mfa.codes.print': 'Print',
  'mfa.codes.done': 'I have saved the codes',

  'mfa.settings.open': 'Two-step verification',
  'mfa.settings.on': 'Two-step verification is on: you sign in with your password and a code from the app.',
  'mfa.settings.off': 'Two-step verification is off: you sign in with your password alone.',
  'mfa.settings.required': 'Your role requires two-step verification, so it cannot be turned off.',
  'mfa.settings.turnOffTitle': 'Turn off two-step verification',
  'mfa.settings.password': 'Your password',
  'mfa.settings.code': 'Code from the app, or a recovery code',
  'mfa.settings.turnOff': 'Turn off',
  'mfa.settings.turningOff': 'Turning off …',
  'mfa.settings.missing': 'Enter both your password and a code.',
  'mfa.settings.turnedOff': 'Two-step verification is off.',
  'mfa.settings.close': 'Close',

  'admin.mfaOn': 'Two-step verification on',
  'admin.mfaReset': 'Reset second factor',
  'admin.mfaResetConfirm':
    'Reset the second factor of {name}? They are signed out everywhere and then sign in with their password alone until they turn it on again.',
};
