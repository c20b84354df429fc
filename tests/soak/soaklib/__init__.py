"""The soak harness's parts (tests/soak/README.md). Standard library only; nothing here imports from
tests/server: the journal server runs as a process and is driven over HTTP."""
