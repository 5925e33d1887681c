"""Relevance suite: judged French queries over the demo archive and over public French text,
run by `make relevance`."""
