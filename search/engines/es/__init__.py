"""The parts of the Elasticsearch engine (search.engines.elasticsearch): client, index, queries, lifecycle."""
