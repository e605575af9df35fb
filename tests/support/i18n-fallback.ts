// Screens rendered without the provider main.tsx sets up (component and UI unit tests) read English.
import { setFallbackI18n } from '../../static/app/src/i18n';
import { englishT } from './i18n';

setFallbackI18n({ locale: 'en-US', t: englishT });
