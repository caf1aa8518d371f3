"""Reading the input folder: files and JSONL lines decoded into documents, bad inputs
rejected with a reason, and the cache that skips files unchanged since the last build."""
