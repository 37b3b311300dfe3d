// Picks the platform once: the Electron bridge when the preload exposed it, the browser otherwise.
import { createElectronPlatform, findBridge } from './electron-platform';
import { createWebPlatform } from './web-platform';
import type { Platform } from './platform';

export type { Platform } from './platform';

let platform: Platform | null = null;

export function getPlatform(): Platform {
  if (!platform) {
    const bridge = findBridge();
    platform = bridge ? createElectronPlatform(bridge) : createWebPlatform();
  }
  return platform;
}
