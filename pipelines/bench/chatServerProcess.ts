// The bench's stand-in LLM endpoint in a process of its own (as a real one would be), so its
// CPU doesn't share the grader's event loop: prints its URL, then on stdin "stats" prints
// request count and peak concurrency as JSON; exits when stdin closes.
import { startChatServer } from '../../tests/helpers/chatCompletionsServer';

const latencyMs = Number(process.argv[2] ?? 200);
const server = await startChatServer({ latencyMs });
process.stdout.write(`${server.url}\n`);
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk: string) => {
	if (chunk.includes('stats'))
		process.stdout.write(`${JSON.stringify({ requests: server.requests.length, max_in_flight: server.maxInFlight() })}\n`);
});
process.stdin.on('end', () => void server.close().then(() => process.exit(0)));
