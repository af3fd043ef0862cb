// Texts of zone suspensions (who suspended, since when, why, until when) and the suspend dialog's end time,
// in both languages. dictionary.ts merges them into the one dictionary; dictionary.spec.ts checks them with the rest.

export const suspensionTextsSv = {
  'suspension.by': 'Upphävd av {organisation} sedan {since}',
  'suspension.until': 'Till {when}. Sedan gäller den överenskomna versionen igen.',
  'suspension.untilApproved': 'Tills båda sidor godkänner zonen igen.',
  'suspension.check.headline': 'Du är i en zon som är upphävd',
  'suspension.check.state': 'upphävd – gäller inte nu',
  'suspension.dialog.until': 'Upphävd till (valfritt)',
  'suspension.dialog.untilHint':
    'Lämna tomt för att upphäva tills båda sidor godkänner zonen igen. Med en sluttid gäller den överenskomna versionen igen från den tiden, utan att någon behöver göra något. Högst {days} dagar framåt.',
  'suspension.dialog.notify': 'Zonens kanal får ett meddelande och den andra sidans firmatecknare ett larm.',
  'suspension.error.untilInvalid': 'Ange sluttiden som datum och klockslag.',
  'suspension.error.notInFuture': 'Sluttiden måste ligga framåt i tiden.',
  'suspension.error.tooFarAhead':
    'Sluttiden får ligga högst {days} dagar framåt. Upphäv utan sluttid för en längre tid.',
  'suspension.audit.ended': 'Upphävandet löpte ut',
};

export const suspensionTextsEn: Record<keyof typeof suspensionTextsSv, string> = {
  'suspension.by': 'Suspended by {organisation} since {since}',
  'suspension.until': 'Until {when}. Then the agreed version applies again.',
  'suspension.untilApproved': 'Until both sides approve the zone again.',
  'suspension.check.headline': 'You are in a suspended zone',
  'suspension.check.state': 'suspended – not in force now',
  'suspension.dialog.until': 'Suspended until (optional)',
  'suspension.dialog.untilHint':
    'Leave empty to suspend until both sides approve the zone again. With an end time, the agreed version applies again from then, without anyone acting. At most {days} days ahead.',
  'suspension.dialog.notify': "The zone's channel gets a notice and the other side's signatories an alert.",
  'suspension.error.untilInvalid': 'Give the end time as a date and a time.',
  'suspension.error.notInFuture': 'The end time must lie in the future.',
  'suspension.error.tooFarAhead':
    'The end time may lie at most {days} days ahead. Suspend without an end time for longer.',
  'suspension.audit.ended': 'Suspension ended',
};
