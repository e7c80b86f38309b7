// Embeds texts one at a time with a synchronous embedder, yielding to the event loop every
// 2,000 texts so a server process stays responsive during a long mining run.
export async function embedEach(
	texts: string[],
	embedOne: (text: string) => Float32Array,
	onProgress?: (done: number, total: number) => void
): Promise<Float32Array[]> {
	const out: Float32Array[] = [];
	for (let i = 0; i < texts.length; i++) {
		out.push(embedOne(texts[i]));
		if ((i + 1) % 2000 === 0) {
			onProgress?.(i + 1, texts.length);
			await new Promise((r) => setImmediate(r));
		}
	}
	onProgress?.(texts.length, texts.length);
	return out;
}
