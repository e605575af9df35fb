/**
 * The frame's first entry (index.html runs it before main.tsx's): starts what the first card
 * waits on while the main entry's larger graph still loads (bridge/early-start.ts).
 */
import { earlyStart } from './bridge/early-start';

void earlyStart();
