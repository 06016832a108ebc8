import type { Command } from 'commander';

/** `heza backup <file>` and `heza restore <file>` — being written. */
export function registerBackupCommands(_program: Command) {}
