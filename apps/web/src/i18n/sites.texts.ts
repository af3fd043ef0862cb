// Adding, editing, moving, handing over and deleting sites, in both languages. dictionary.ts merges them into
// the one dictionary; dictionary.spec.ts checks them with the rest.

export const siteTextsSv = {
  'siteMap.newSite': 'Ny verksamhet',
  // On a phone's narrow toolbar.
  'siteMap.newSiteShort': 'Ny plats',
  'siteMap.placing': 'Verksamhetens nya plats (dra för att flytta)',

  'siteManage.edit': 'Ändra uppgifter',
  'siteManage.move': 'Flytta på kartan',
  'siteManage.delete': 'Ta bort',

  'siteForm.createTitle': 'Ny verksamhet',
  'siteForm.editTitle': 'Ändra {name}',
  'siteForm.location': 'Plats',
  'siteForm.placeHint': 'Klicka på kartan där verksamheten finns.',
  'siteForm.placed':
    'Platsen är markerad. Dra markeringen eller klicka någon annanstans på kartan för att ändra den.',
  'siteForm.placeAtCentre': 'Placera mitt på kartan',
  'siteForm.search': 'Hitta en känd plats',
  'siteForm.searchHint':
    'Söker bland verksamheterna som redan finns på kartan (namn och adress) och visar platsen. Klicka sedan där den nya verksamheten finns.',
  'siteForm.searchNone': 'Ingen verksamhet på kartan matchar.',
  'siteForm.name': 'Verksamhetens namn',
  'siteForm.type': 'Typ av verksamhet',
  'siteForm.chooseType': 'Välj typ …',
  'siteForm.organisation': 'Organisation som driver verksamheten',
  'siteForm.chooseOrganisation': 'Välj organisation …',
  'siteForm.handOverHint': 'När du sparar lämnas verksamheten över till {name}.',
  'siteForm.address': 'Adress',
  'siteForm.phone': 'Telefonnummer (valfritt)',
  'siteForm.phoneHint': 'Verksamhetens eget nummer, som visas för polisen som en länk att ringa. Inget privat nummer.',
  'siteForm.schedule': 'Öppettider',
  'siteForm.hasSchedule': 'Verksamheten har fasta öppettider',
  'siteForm.noScheduleHint': 'Utan fasta tider visas inte om verksamheten är öppen just nu.',
  'siteForm.openingHoursText': 'Öppettider i ord',
  'siteForm.openingHoursTextHint': 'Till exempel "Stängt på helgdagar". Visas som det är skrivet.',
  'siteForm.description': 'Beskrivning',
  'siteForm.descriptionHint':
    'Vad verksamheten erbjuder och hur man hittar dit. Skriv inget som kan identifiera en person.',
  'siteForm.submitCreate': 'Lägg till verksamheten',
  'siteForm.submitEdit': 'Spara ändringarna',
  'siteForm.reloaded':
    'Någon annan ändrade verksamheten under tiden. Formuläret visar nu deras version – gör dina ändringar igen.',
  'siteForm.changedMeanwhile':
    'Någon annan har just ändrat verksamheten. Ladda om för att se deras version innan du sparar.',
  'siteForm.reload': 'Ladda om',
  'siteForm.error.name': 'Skriv ett namn (högst {max} tecken).',
  'siteForm.error.type': 'Välj vilken typ av verksamhet det är.',
  'siteForm.error.location': 'Klicka på kartan där verksamheten finns.',
  'siteForm.error.organisation': 'Välj organisationen som driver verksamheten.',
  'siteForm.error.tooLong': 'Texten får vara högst {max} tecken.',
  'siteForm.error.noWindows': 'Lägg till minst en tid, eller ta bort bocken för fasta öppettider.',
  'siteForm.error.schedule': 'Öppettiderna går inte att tolka. Kontrollera dagar och klockslag.',
  'siteForm.error.identifying': 'Ta bort det som kan identifiera en person innan du sparar.',

  'siteMove.title': 'Flytta {name}',
  'siteMove.hint':
    'Dra markeringen till den nya platsen, eller klicka där på kartan. Inget sparas förrän du bekräftar.',
  'siteMove.confirmTitle': 'Flytta {name} hit?',
  'siteMove.confirmLead': 'Verksamheten visas på den nya platsen för alla. Zonerna runt den ändras inte.',
  'siteMove.confirm': 'Flytta hit',
  'siteMove.toCentre': 'Flytta till kartans mitt',
  'siteMove.cancel': 'Avbryt',
  'siteMove.done': 'Klar',
  'siteMove.stale':
    'Någon annan ändrade verksamheten under tiden. Den visas nu som den är sparad – flytta den igen om det behövs.',

  'siteDelete.title': 'Ta bort {name}?',
  'siteDelete.lead':
    'Verksamheten försvinner från kartan. Dess zoner som inte är överenskomna dras tillbaka och dess kanal arkiveras. Historiken sparas.',
  'siteDelete.confirm': 'Ta bort verksamheten',

  'siteErrors.stale': 'Någon annan ändrade verksamheten under tiden. Ladda om och försök igen.',
  'siteErrors.zonesOutOfReach':
    'Verksamheten kan inte flyttas så långt: dess zoner skulle hamna mer än 2 km bort. Ändra eller dra tillbaka zonerna först.',
  'siteErrors.zonesUnderAgreement':
    'Verksamheten har zoner med en överenskommelse. Dra tillbaka dem innan verksamheten tas bort.',
  'siteErrors.forbidden': 'Du får inte ändra den här verksamheten.',
  'siteErrors.gone': 'Verksamheten finns inte längre.',
  'siteErrors.invalidField': 'Samverkan godtog inte fältet "{field}". Kontrollera det och försök igen.',
  'siteErrors.invalid': 'Samverkan godtog inte uppgifterna. Kontrollera formuläret och försök igen.',
} as const;

export const siteTextsEn: Record<keyof typeof siteTextsSv, string> = {
  'siteMap.newSite': 'New service',
  'siteMap.newSiteShort': 'New site',
  'siteMap.placing': "The service's new place (drag to move)",

  'siteManage.edit': 'Edit details',
  'siteManage.move': 'Move on the map',
  'siteManage.delete': 'Delete',

  'siteForm.createTitle': 'New service',
  'siteForm.editTitle': 'Edit {name}',
  'siteForm.location': 'Place',
  'siteForm.placeHint': 'Click on the map where the service is.',
  'siteForm.placed': 'The place is marked. Drag the marker or click elsewhere on the map to change it.',
  'siteForm.placeAtCentre': 'Place at the centre of the map',
  'siteForm.search': 'Find a known place',
  'siteForm.searchHint':
    'Searches the services already on the map (names and addresses) and shows the place. Then click where the new service is.',
  'siteForm.searchNone': 'No service on the map matches.',
  'siteForm.name': "The service's name",
  'siteForm.type': 'Kind of service',
  'siteForm.chooseType': 'Choose a kind …',
  'siteForm.organisation': 'Organisation running the service',
  'siteForm.chooseOrganisation': 'Choose an organisation …',
  'siteForm.handOverHint': 'Saving hands the service over to {name}.',
  'siteForm.address': 'Address',
  'siteForm.phone': 'Phone number (optional)',
  'siteForm.phoneHint': "The service's own number, shown to the police as a link to call. No private number.",
  'siteForm.schedule': 'Opening hours',
  'siteForm.hasSchedule': 'The service has regular opening hours',
  'siteForm.noScheduleHint': 'Without regular hours the map cannot say whether the service is open now.',
  'siteForm.openingHoursText': 'Opening hours in words',
  'siteForm.openingHoursTextHint': 'For example "Closed on public holidays". Shown as written.',
  'siteForm.description': 'Description',
  'siteForm.descriptionHint':
    'What the service offers and how to find it. Write nothing that could identify a person.',
  'siteForm.submitCreate': 'Add the service',
  'siteForm.submitEdit': 'Save the changes',
  'siteForm.reloaded':
    'Someone else changed the service meanwhile. The form now shows their version – make your changes again.',
  'siteForm.changedMeanwhile':
    'Someone else has just changed the service. Reload to see their version before saving.',
  'siteForm.reload': 'Reload',
  'siteForm.error.name': 'Write a name (at most {max} characters).',
  'siteForm.error.type': 'Choose the kind of service.',
  'siteForm.error.location': 'Click on the map where the service is.',
  'siteForm.error.organisation': 'Choose the organisation running the service.',
  'siteForm.error.tooLong': 'The text may be at most {max} characters.',
  'siteForm.error.noWindows': 'Add at least one time, or untick regular opening hours.',
  'siteForm.error.schedule': 'The opening hours cannot be read. Check the days and times.',
  'siteForm.error.identifying': 'Take out what could identify a person before saving.',

  'siteMove.title': 'Move {name}',
  'siteMove.hint':
    'Drag the marker to the new place, or click there on the map. Nothing is saved until you confirm.',
  'siteMove.confirmTitle': 'Move {name} here?',
  'siteMove.confirmLead': 'Everyone sees the service at its new place. The zones around it do not change.',
  'siteMove.confirm': 'Move here',
  'siteMove.toCentre': 'Move to the centre of the map',
  'siteMove.cancel': 'Cancel',
  'siteMove.done': 'Done',
  'siteMove.stale':
    'Someone else changed the service meanwhile. It now shows as saved – move it again if needed.',

  'siteDelete.title': 'Delete {name}?',
  'siteDelete.lead':
    'The service leaves the map. Its zones without an agreement are withdrawn and its channel is archived. The history is kept.',
  'siteDelete.confirm': 'Delete the service',

  'siteErrors.stale': 'Someone else changed the service meanwhile. Reload and try again.',
  'siteErrors.zonesOutOfReach':
    'The service cannot move that far: its zones would be more than 2 km away. Change or withdraw the zones first.',
  'siteErrors.zonesUnderAgreement':
    'The service has zones under an agreement. Withdraw them before deleting the service.',
  'siteErrors.forbidden': 'You may not change this service.',
  'siteErrors.gone': 'This service no longer exists.',
  'siteErrors.invalidField': 'Samverkan did not accept the field "{field}". Check it and try again.',
  'siteErrors.invalid': 'Samverkan did not accept the details. Check the form and try again.',
};
