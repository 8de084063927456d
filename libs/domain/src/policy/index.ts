export * from './policy';
export * from './presets';
export * from './parse-policy';
export * from './maintenance-window';
