"""Live sessions in Jupyter: who is answering (session), the answers on disk with locked
merges (store), safe file names (names), errors shown in a widget (errors)."""
