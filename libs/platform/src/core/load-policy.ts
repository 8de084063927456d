import { readFileSync } from 'node:fs';
import { parsePolicy, policyPresets, type Policy } from '@libs/domain';
import type { AppConfig } from '../config/app-config';
import { ConfigurationError } from '../config/load-config';

/** The preset LIBRARY_POLICY names, or the custom JSON file POLICY_FILE, validated; LIBRARY_NAME overrides the name. */
export function loadPolicy(config: AppConfig): Policy {
  let policy: Policy = policyPresets[config.LIBRARY_POLICY];
  if (config.POLICY_FILE) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(config.POLICY_FILE, 'utf8'));
    } catch (error) {
      throw new ConfigurationError([`POLICY_FILE: cannot read ${config.POLICY_FILE} as JSON (${(error as Error).message})`]);
    }
    try {
      policy = parsePolicy(json);
    } catch (error) {
      throw new ConfigurationError([`POLICY_FILE: ${(error as Error).message}`]);
    }
  }
  return config.LIBRARY_NAME ? { ...policy, libraryName: config.LIBRARY_NAME } : policy;
}
