export { buildApp } from './app.ts';
export { loadConfig } from './config.ts';
export { startPlatform } from './main.ts';
