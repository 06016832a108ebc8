export * from './accounts.ts';
export * from './errors.ts';
export * from './format-vi.ts';
export * from './i18n-message.ts';
export * from './periods.ts';
export * from './roles.ts';
export * from './tax-code.ts';
export * from './text.ts';
