import type { User } from '@samverkan/contracts';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/dictionary';
import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { useStore } from '../state/use-store';
import { GuideEditor } from './guide-editor';
import { GuideReader } from './guide-reader';
import { KitReplacementCard } from './kit-replacement-card';
import { KitReplacementsStore } from './kit-replacements.store';
import { KitStatsTable } from './kit-stats-table';
import { KitsSection } from './kits-section';
import { canWriteGuide, managesKits, naloxoneFeature, seesKitList, seesKitStats } from './naloxone-feature';
import { NearestNaloxone } from './nearest-naloxone';
import './naloxone.css';

type Section = 'guide' | 'nearest' | 'kits' | 'supply' | 'edit';

const SECTION_LABEL: Record<Section, MessageKey> = {
  guide: 'naloxone.tab.guide',
  nearest: 'naloxone.tab.nearest',
  kits: 'naloxone.tab.kits',
  supply: 'naloxone.tab.supply',
  edit: 'naloxone.tab.edit',
};

/**
 * The naloxone page (`#/naloxone`), one tap from the map: the guide first, then where to get naloxone, the
 * kits (police), the resupply counts (naloxone sites) and the guide's editing (service staff, coordinators).
 */
export function NaloxonePage({ user }: { user: User }) {
  const { t } = useI18n();
  const { api, sites } = useFeature(naloxoneFeature);
  const sitesState = useStore(sites);
  const [section, setSection] = useState<Section>('guide');
  // Per page and user, so a reminder never shows to the next person signing in on the same phone.
  const [replacements] = useState(() => new KitReplacementsStore(api));
  const [addRequest, setAddRequest] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  const remindsOfKits = managesKits(user);
  useEffect(() => {
    if (remindsOfKits) void replacements.load();
  }, [replacements, remindsOfKits]);

  const sections: Section[] = [
    'guide',
    'nearest',
    ...(seesKitList(user) ? (['kits'] as const) : []),
    ...(user.role !== 'police' && seesKitStats(user, sitesState.sites) ? (['supply'] as const) : []),
    ...(canWriteGuide(user) ? (['edit'] as const) : []),
  ];

  return (
    <div class="naloxone-page" data-testid="naloxone-page">
      <h1 ref={heading} tabIndex={-1} class="naloxone-page__title">
        {t('naloxone.title')}
      </h1>
      {remindsOfKits && (
        <KitReplacementCard
          store={replacements}
          showNearest={section !== 'nearest'}
          onRegister={() => {
            setSection('kits');
            setAddRequest((count) => count + 1);
          }}
        />
      )}
      <div class="tab-strip tab-strip--wrap" role="tablist" aria-label={t('naloxone.sections')}>
        {sections.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`naloxone-tab-${name}`}
            aria-selected={section === name}
            aria-controls={`naloxone-tabpanel-${name}`}
            class="tab-strip__option"
            onClick={() => setSection(name)}
          >
            {t(SECTION_LABEL[name])}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`naloxone-tabpanel-${section}`}
        aria-labelledby={`naloxone-tab-${section}`}
        class="naloxone-page__section"
      >
        {section === 'guide' && (
          <>
            <GuideReader />
            <button
              type="button"
              class="button button--secondary button--block naloxone-page__where"
              onClick={() => setSection('nearest')}
            >
              {t('naloxone.whereToGet')}
            </button>
          </>
        )}
        {section === 'nearest' && <NearestNaloxone limit={5} />}
        {section === 'kits' && <KitsSection user={user} replacements={replacements} addRequest={addRequest} />}
        {section === 'supply' && <KitStatsTable />}
        {section === 'edit' && <GuideEditor user={user} />}
      </div>
    </div>
  );
}
