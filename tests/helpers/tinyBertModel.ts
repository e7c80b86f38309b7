// Writes a tiny, real model folder that @huggingface/transformers loads like any BERT sentence
// model: config.json, a WordPiece tokenizer.json, and onnx/model.onnx — a one-node ONNX graph
// (Gather: token id → embedding row) encoded here by hand in protobuf, so the transformers
// embedder's loading, batching and pooling code run offline against a model we make ourselves.
import fs from 'node:fs';
import path from 'node:path';

class Pb {
	private parts: number[] = [];
	private varint(v: number | bigint) {
		let x = BigInt(v);
		while (x > 127n) {
			this.parts.push(Number((x & 127n) | 128n));
			x >>= 7n;
		}
		this.parts.push(Number(x));
	}
	int(field: number, v: number) {
		this.varint((field << 3) | 0);
		this.varint(v);
		return this;
	}
	bytes(field: number, b: Uint8Array) {
		this.varint((field << 3) | 2);
		this.varint(b.length);
		for (const x of b) this.parts.push(x);
		return this;
	}
	str(field: number, s: string) {
		return this.bytes(field, new TextEncoder().encode(s));
	}
	msg(field: number, m: Pb) {
		return this.bytes(field, m.done());
	}
	done() {
		return Uint8Array.from(this.parts);
	}
}

const INT64 = 7;
const FLOAT = 1;

function valueInfo(name: string, elemType: number, dims: (string | number)[]) {
	const shape = new Pb();
	for (const d of dims) shape.msg(1, typeof d === 'number' ? new Pb().int(1, d) : new Pb().str(2, d));
	return new Pb().str(1, name).msg(2, new Pb().msg(1, new Pb().int(1, elemType).msg(2, shape)));
}

/** Creates `<dir>/<name>/` and returns that folder. Words of a topic share most of their vector. */
export function writeTinyBertModel(dir: string, name = 'tiny-bert', topics: string[][] = DEFAULT_TOPICS, dim = 16): string {
	const folder = path.join(dir, name);
	fs.mkdirSync(path.join(folder, 'onnx'), { recursive: true });
	const vocab: Record<string, number> = { '[PAD]': 0, '[UNK]': 1, '[CLS]': 2, '[SEP]': 3 };
	const rows: number[][] = [0, 1, 2, 3].map(() => new Array(dim).fill(0));
	let seed = 7;
	const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32) * 2 - 1;
	for (const words of topics) {
		const center = Array.from({ length: dim }, rand);
		for (const w of words) {
			vocab[w] = rows.length;
			rows.push(center.map((c) => c + 0.3 * rand()));
		}
	}
	const table = new Float32Array(rows.flat());
	const graph = new Pb()
		.msg(
			1,
			new Pb()
				.str(1, 'embeddings')
				.str(1, 'input_ids')
				.str(2, 'last_hidden_state')
				.str(3, 'lookup')
				.str(4, 'Gather')
				.msg(5, new Pb().str(1, 'axis').int(3, 0).int(20, 2))
		)
		.str(2, 'tiny-bert')
		.msg(5, new Pb().int(1, rows.length).int(1, dim).int(2, FLOAT).str(8, 'embeddings').bytes(9, new Uint8Array(table.buffer)))
		.msg(11, valueInfo('input_ids', INT64, ['batch', 'sequence']))
		.msg(12, valueInfo('last_hidden_state', FLOAT, ['batch', 'sequence', dim]));
	const model = new Pb().int(1, 8).str(2, 'supportlens-tests').msg(7, graph).msg(8, new Pb().str(1, '').int(2, 13));
	fs.writeFileSync(path.join(folder, 'onnx/model.onnx'), model.done());
	fs.writeFileSync(
		path.join(folder, 'config.json'),
		JSON.stringify({ model_type: 'bert', hidden_size: dim, vocab_size: rows.length, architectures: ['BertModel'] })
	);
	fs.writeFileSync(
		path.join(folder, 'tokenizer_config.json'),
		JSON.stringify({
			tokenizer_class: 'BertTokenizer',
			do_lower_case: true,
			model_max_length: 128,
			cls_token: '[CLS]',
			sep_token: '[SEP]',
			pad_token: '[PAD]',
			unk_token: '[UNK]'
		})
	);
	fs.writeFileSync(
		path.join(folder, 'tokenizer.json'),
		JSON.stringify({
			version: '1.0',
			truncation: null,
			padding: null,
			added_tokens: ['[PAD]', '[UNK]', '[CLS]', '[SEP]'].map((content, id) => ({
				id,
				content,
				single_word: false,
				lstrip: false,
				rstrip: false,
				normalized: false,
				special: true
			})),
			normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
			pre_tokenizer: { type: 'BertPreTokenizer' },
			post_processor: {
				type: 'TemplateProcessing',
				single: [
					{ SpecialToken: { id: '[CLS]', type_id: 0 } },
					{ Sequence: { id: 'A', type_id: 0 } },
					{ SpecialToken: { id: '[SEP]', type_id: 0 } }
				],
				pair: [
					{ SpecialToken: { id: '[CLS]', type_id: 0 } },
					{ Sequence: { id: 'A', type_id: 0 } },
					{ SpecialToken: { id: '[SEP]', type_id: 0 } },
					{ Sequence: { id: 'B', type_id: 1 } },
					{ SpecialToken: { id: '[SEP]', type_id: 1 } }
				],
				special_tokens: { '[CLS]': { id: '[CLS]', ids: [2], tokens: ['[CLS]'] }, '[SEP]': { id: '[SEP]', ids: [3], tokens: ['[SEP]'] } }
			},
			decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
			model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100, vocab }
		})
	);
	return folder;
}

const DEFAULT_TOPICS = [
	['charged', 'twice', 'payment', 'card', 'double', 'refund', 'money', 'invoice'],
	['password', 'reset', 'login', 'locked', 'link', 'email', 'account', 'expired'],
	['order', 'delivery', 'parcel', 'package', 'shipping', 'arrived', 'late', 'missing']
];
