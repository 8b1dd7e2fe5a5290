// Preloaded (node -r) to run the install script as if on another OS.
'use strict';
Object.defineProperty(process, 'platform', { value: process.env.FAKE_PLATFORM || 'darwin' });
