import type { GuideLang } from '@samverkan/contracts';
import { useServices } from '../app/services';
import type { Language } from '../i18n/dictionary';
import { naloxoneFeature, type NaloxoneFeature } from './naloxone-feature';

/** The naloxone api and the saved guide and sites of this app. Works without a signed-in workspace (offline). */
export function useNaloxoneFeature(): NaloxoneFeature {
  const { apiFetch, storage } = useServices();
  return naloxoneFeature(apiFetch, storage);
}

/** The guide's language for the app's language (both are Swedish and English today). */
export const guideLangOf = (language: Language): GuideLang => language;
