import type { GuideLang } from '@samverkan/contracts';
import type { Language } from '../i18n/dictionary';

/** The guide's language for the app's language (both are Swedish and English today). */
export const guideLangOf = (language: Language): GuideLang => language;
