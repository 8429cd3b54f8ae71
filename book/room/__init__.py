"""The room: members take part live from their phones, on the group's own network.

``make room`` serves the readers' book and the room's endpoints (under ``/_room/``) from
the facilitator's laptop; each exercise page served this way gets "Send to the room"
(static/room.js). DESIGN.md beside this file says why tornado, and how it runs on a
JupyterHub. ``state.py`` is the room's memory and its files, ``server.py`` the HTTP
layer, ``net.py`` which addresses it listens on and which it lets in.
"""
