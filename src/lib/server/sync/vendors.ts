// Every vendor the `sync` command and the dashboard's "Sync now" can pull from.
import { freshdeskSync } from './freshdesk/freshdeskSync';
import { helpscoutSync } from './helpscout/helpscoutSync';
import { intercomSync } from './intercom/intercomSync';
import type { SyncSource, VendorSync } from './VendorSync';
import { zendeskSync } from './zendesk/zendeskSync';

const VENDORS: Record<SyncSource, VendorSync<unknown>> = {
	zendesk: zendeskSync as VendorSync<unknown>,
	intercom: intercomSync as VendorSync<unknown>,
	freshdesk: freshdeskSync as VendorSync<unknown>,
	helpscout: helpscoutSync as VendorSync<unknown>
};

export function vendorSync(source: SyncSource): VendorSync<unknown> {
	return VENDORS[source];
}

/** The sources whose credentials the environment holds. */
export function configuredSources(env: NodeJS.ProcessEnv = process.env): SyncSource[] {
	return (Object.keys(VENDORS) as SyncSource[]).filter((s) => VENDORS[s].isConfigured(env));
}
