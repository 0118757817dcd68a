"""The prompt templates as the resource package procure_prompts."""
