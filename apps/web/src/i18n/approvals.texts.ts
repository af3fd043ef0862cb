// Where a zone's agreement stands, in both languages. dictionary.ts merges them into the one
// dictionary; dictionary.spec.ts checks them with the rest.

export const approvalTextsSv = {
  'approvalStatus.agreed': 'Version {version} är godkänd av båda sidor.',
  'approvalStatus.waitsBoth':
    'Version {version} väntar på en signatär från polisen och en från verksamheten.',
  'approvalStatus.waitsService':
    'Version {version} är godkänd av polisen ({organisation}, {when}); väntar på en signatär från verksamheten.',
  'approvalStatus.waitsPolice':
    'Version {version} är godkänd av verksamheten ({organisation}, {when}); väntar på en signatär från polisen.',
  'approvalStatus.stillInForce': 'Version {agreed} gäller tills version {version} är godkänd av båda sidor.',
  'approvalStatus.suspendedWaitsBoth':
    'Version {version} måste godkännas igen av en signatär från polisen och en från verksamheten.',
  'approvalStatus.withdrawn': 'Zonen är återkallad; ingen version gäller.',
  'approvalStatus.unknownOrganisation': 'okänd organisation',

  'zoneForm.hoursFromSite':
    'Tiderna utgår från verksamhetens öppettider. Ändra dem om zonen ska gälla andra tider.',
  'zoneForm.hoursNoSiteSchedule':
    'Verksamheten har inga öppettider i Samverkan, så tiderna är vardagar 09–17. Kontrollera dem.',
  'zoneForm.approveNow.police': 'Godkänn direkt för polisen',
  'zoneForm.approveNow.service': 'Godkänn direkt för verksamheten',
  'zoneForm.approveNowHint':
    'Du är signatär: ditt godkännande sparas tillsammans med förslaget. Zonen gäller när även den andra sidan har godkänt.',
} as const;

export const approvalTextsEn: Record<keyof typeof approvalTextsSv, string> = {
  'approvalStatus.agreed': 'Version {version} is agreed by both sides.',
  'approvalStatus.waitsBoth': 'Version {version} waits for a police signatory and a service signatory.',
  'approvalStatus.waitsService':
    'Version {version} is approved by the police ({organisation}, {when}); waits for a service signatory.',
  'approvalStatus.waitsPolice':
    'Version {version} is approved by the service ({organisation}, {when}); waits for a police signatory.',
  'approvalStatus.stillInForce':
    'Version {agreed} stays in force until version {version} is agreed by both sides.',
  'approvalStatus.suspendedWaitsBoth':
    'Version {version} must be approved again by a police signatory and a service signatory.',
  'approvalStatus.withdrawn': 'The zone is withdrawn; no version is in force.',
  'approvalStatus.unknownOrganisation': 'unknown organisation',

  'zoneForm.hoursFromSite':
    "The hours start from the site's opening hours. Change them if the zone is to apply at other times.",
  'zoneForm.hoursNoSiteSchedule':
    'The site has no opening hours in Samverkan, so the hours are weekdays 09–17. Check them.',
  'zoneForm.approveNow.police': 'Approve for the police now',
  'zoneForm.approveNow.service': 'Approve for the service now',
  'zoneForm.approveNowHint':
    'You are a signatory: your approval is saved with the proposal. The zone is in force once the other side has approved too.',
};
