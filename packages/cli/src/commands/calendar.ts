import type { Command } from 'commander';
// placeholder until the calendar helper writes this file
export function registerCalendarCommands(_program: Command) {}
