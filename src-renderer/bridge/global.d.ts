// Declares what the Electron preload puts on window; absent in the browser host.
import type { SuviazBridge } from '../../src-shared/api';

declare global {
  interface Window {
    suviaz?: SuviazBridge;
  }
}
