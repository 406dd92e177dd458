// The README's screenshots (`npm run screenshots`): the e2e settings, pointed at tests/screenshots,
// which `npm test` never runs.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testDir: 'tests/screenshots' });
