// Picks the grader a command asked for: `rules` (offline) or `llm` configured from the
// environment (OPENAI_BASE_URL, OPENAI_API_KEY, SUPPORTLENS_LLM_MODEL).
import type { Grader, GraderName } from './Grader';
import { createLlmGrader } from './llm/createLlmGrader';
import { llmConfigFromEnv } from './llm/llmConfig';
import { rulesGrader } from './rules/rulesGrader';

export function createGrader(name: GraderName, options: { budgetUsd?: number } = {}): Grader {
	if (name === 'rules') return rulesGrader;
	return createLlmGrader({ ...llmConfigFromEnv(process.env), budgetUsd: options.budgetUsd });
}
