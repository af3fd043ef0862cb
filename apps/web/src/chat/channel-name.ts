import type { Channel } from '@samverkan/contracts';
import { useI18n } from '../i18n/use-i18n';
import { useFeature } from '../session/feature-registry';
import { sitesFeature } from '../sites/sites-feature';
import { useStore } from '../state/use-store';
import { zonesFeature } from '../zones/zones-feature';

/**
 * A channel's name for this user: the joint channel in the user's language, site and zone channels by their
 * site's or zone's current name, a direct channel by the other person (the server names it so).
 */
export function useChannelName(): (channel: Channel) => string {
  const sites = useFeature(sitesFeature);
  const zones = useFeature(zonesFeature);
  const { t } = useI18n();
  useStore(sites);
  useStore(zones);
  return (channel) => {
    switch (channel.kind) {
      case 'joint':
        return t('chat.jointName');
      case 'site':
        return (channel.refId && sites.get(channel.refId)?.properties.name) || channel.name;
      case 'zone':
        return (channel.refId && zones.get(channel.refId)?.properties.name) || channel.name;
      case 'direct':
      case 'meeting':
        return channel.name;
    }
  };
}
