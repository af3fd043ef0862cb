import { MessagesPanel } from '../chat/messages-panel';
import { FeatureList } from './feature-list';
import { MeetingPanel } from '../meetings/meeting-panel';
import { SiteDetails } from '../sites/site-details';
import { SiteForm } from '../sites/site-form';
import { SiteMove } from '../sites/site-move';
import type { Panel } from '../state/panel.store';
import { ZoneDetails } from '../zones/zone-details';
import { ZoneForm } from '../zones/zone-form';
import { WelcomePanel } from './welcome';

export function SidePanel({ panel }: { panel: Panel }) {
  switch (panel.kind) {
    case 'none':
      return null;
    case 'welcome':
      return <WelcomePanel />;
    case 'list':
      return <FeatureList />;
    case 'site':
      return <SiteDetails key={panel.siteId} siteId={panel.siteId} />;
    case 'zone':
      return <ZoneDetails key={panel.zoneId} zoneId={panel.zoneId} />;
    case 'zone-form':
      return panel.mode === 'create' ? (
        <ZoneForm key="create" mode="create" siteId={panel.siteId} />
      ) : (
        <ZoneForm key={`edit-${panel.zoneId}`} mode="edit" zoneId={panel.zoneId} />
      );
    case 'site-form':
      return panel.mode === 'create' ? (
        <SiteForm key="create" mode="create" />
      ) : (
        <SiteForm key={`edit-${panel.siteId}`} mode="edit" siteId={panel.siteId} />
      );
    case 'site-move':
      return <SiteMove key={panel.siteId} siteId={panel.siteId} />;
    case 'messages':
      return <MessagesPanel channelId={panel.channelId} />;
    case 'meeting':
      return <MeetingPanel />;
  }
}
