"""The exercise notebooks: built with nbformat (build), what a live view shows in an
Output widget (liveout), JupyterLab's settings for `make lab` (lab/)."""
