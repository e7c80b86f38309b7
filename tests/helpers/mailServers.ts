// Real mail and webhook endpoints on 127.0.0.1 for digest tests: an SMTP server (npm
// smtp-server) that parses each message it accepts (mailparser), optionally refusing every
// message to test retries; and an HTTP receiver that records JSON posts.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
	url: string;
	messages: ParsedMail[];
	/** RCPT TO addresses, one per accepted message and recipient. */
	recipients: string[];
	/** Messages refused (when `refuse`). */
	refused: number;
	close: () => Promise<void>;
}

/** `port`: listen there (to bring back a server a test took down); any free port by default. */
export async function startSmtp(options: { refuse?: boolean; port?: number } = {}): Promise<TestSmtp> {
	const state: TestSmtp = { url: '', messages: [], recipients: [], refused: 0, close: async () => {} };
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onData(stream, session, callback) {
			if (options.refuse) {
				stream.resume();
				stream.on('end', () => {
					state.refused++;
					const error = Object.assign(new Error('mailbox temporarily unavailable'), { responseCode: 451 });
					callback(error);
				});
				return;
			}
			simpleParser(stream)
				.then((mail) => {
					state.messages.push(mail);
					state.recipients.push(...session.envelope.rcptTo.map((r) => r.address));
					callback();
				})
				.catch(callback);
		}
	});
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const port = (server.server.address() as AddressInfo).port;
	state.url = `smtp://127.0.0.1:${port}`;
	state.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
	return state;
}

export interface TestWebhook {
	url: string;
	bodies: unknown[];
	close: () => Promise<void>;
}

export async function startWebhook(): Promise<TestWebhook> {
	const bodies: unknown[] = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (d) => (raw += d));
		req.on('end', () => {
			bodies.push(JSON.parse(raw));
			res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}/hooks/T000/B000/secret`,
		bodies,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
