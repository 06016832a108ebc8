export * from './errors.ts';
export * from './roles.ts';
export * from './i18n-message.ts';
export * from './accounts.ts';
export * from './text.ts';
export * from './format-vi.ts';
export * from './periods.ts';
export * from './tax-code.ts';
