"""Today's status, below both front ends: worked out from the journal, and kept beside the database as a cache for prompts and scripts."""
