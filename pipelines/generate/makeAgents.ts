// The sample's agents: three to five per queue, with first names, ids a-1, a-2, … in queue order.
import { QUEUES, type Queue } from './language';
import type { Agent } from './ConversationPlan';
import type { Rng } from './Rng';

const AGENT_NAMES = [
	'Priya',
	'Marco',
	'Aisha',
	'Tom',
	'Yuki',
	'Sven',
	'Nora',
	'Diego',
	'Fatima',
	'Ben',
	'Chloé',
	'Jonas',
	'Leila',
	'Oscar',
	'Mei',
	'Ravi',
	'Ines',
	'Kofi',
	'Hanna',
	'Luca',
	'Zoe',
	'Pedro',
	'Anja',
	'Samir'
];

export function makeAgents(rng: Rng): Record<Queue, Agent[]> {
	let n = 0;
	const agents = {} as Record<Queue, Agent[]>;
	for (const queue of QUEUES) {
		agents[queue] = Array.from({ length: rng.int(3, 5) }, () => {
			n++;
			return { id: `a-${n}`, name: AGENT_NAMES[(n - 1) % AGENT_NAMES.length] };
		});
	}
	return agents;
}
