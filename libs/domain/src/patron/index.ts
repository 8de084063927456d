export * from './patron-state';
export * from './patron-commands';
export * from './eligibility';
export * from './batch-holds';
export * from './patron-decider';
export { checkOnlinePasswordReset, checkPasswordResetToken } from './password-reset';
