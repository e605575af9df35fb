/**
 * The macro frame's boot script: built as one classic script and written inline into index.html
 * (static/inline-boot.ts, decision 0057), so `getContext` and `map/load` start as soon as the
 * frame's document arrives, beside the download of the app's code instead of after it.
 */
import { startEarlyCalls } from './bridge/early-calls';

void startEarlyCalls();
