import type { GuideLang } from '@samverkan/contracts';

// The example naloxone guide the demo ships. It is marked in its title and first lines as an example: the
// region's approved guidance replaces it before any real use.

export const DEMO_GUIDES: Record<GuideLang, { title: string; body: string }> = {
  sv: {
    title: 'EXEMPEL – Naloxon vid misstänkt opioidöverdos',
    body: `> **Detta är ett exempel.** Texten visar hur guiden kan se ut och ska ersättas av regionens godkända riktlinjer innan den används i tjänst.

## Känn igen en opioidöverdos
- Personen går inte att väcka eller svarar inte på tilltal och smärta.
- Andningen är långsam, ytlig, snarkande – eller saknas.
- Små pupiller, blek eller blåaktig hud och läppar.

## Gör så här
1. **Larma 112.** Säg att det gäller en misstänkt opioidöverdos.
2. **Kontrollera andningen.** Påbörja hjärt-lungräddning om personen inte andas normalt.
3. **Ge naloxon i näsan:** en dos i ena näsborren enligt förpackningen.
4. **Lägg personen i stabilt sidoläge** om hen andas.
5. **Ge en ny dos efter 2–3 minuter** i andra näsborren om personen inte vaknar eller andas bättre.
6. **Stanna kvar** tills ambulansen är på plats. Naloxon verkar kortare tid än många opioider: personen kan somna om.

## Efteråt
- Berätta för ambulanspersonalen hur många doser som gavs och när.
- Registrera användningen av kitet i Samverkan (två tryck) så att kitet ersätts.
- Skriv aldrig namn, personnummer eller annat som identifierar personen i rapporten.

## Här får du nytt naloxon
Närmaste naloxonpunkt visas på kartan. Fråga personalen där om utbildning och nya kit.
`,
  },
  en: {
    title: 'EXAMPLE – Naloxone for a suspected opioid overdose',
    body: `> **This is an example.** It shows what the guide can look like and must be replaced by the region's approved guidance before it is used on duty.

## Recognise an opioid overdose
- The person cannot be woken and does not respond to voice or pain.
- Breathing is slow, shallow, snoring – or absent.
- Pinpoint pupils, pale or bluish skin and lips.

## What to do
1. **Call 112.** Say it is a suspected opioid overdose.
2. **Check breathing.** Start CPR if the person is not breathing normally.
3. **Give naloxone into the nose:** one dose into one nostril as the pack says.
4. **Put the person in the recovery position** if they are breathing.
5. **Give another dose after 2–3 minutes** into the other nostril if the person does not wake or breathe better.
6. **Stay** until the ambulance arrives. Naloxone wears off sooner than many opioids: the person may relapse.

## Afterwards
- Tell the ambulance crew how many doses were given and when.
- Record the kit's use in Samverkan (two taps) so the kit is replaced.
- Never write a name, a personal identity number or anything else that identifies the person in the report.

## Where to get new naloxone
The nearest naloxone point is shown on the map. Ask the staff there about training and new kits.
`,
  },
};
