"""A Jupyter kernel client that cannot sleep through a reply that has already arrived.

Why this exists: `make notebooks` and the notebook tests run the exercise notebooks with
nbclient, which waits for each cell's ``execute_reply`` with one asyncio poll of the shell
socket (pyzmq 27, ``zmq.asyncio``) for up to the cell timeout. About once in twenty runs
of our nine notebooks that poll misses the socket's wake-up: the reply is already in the
socket, but the poll returns only when its timeout fires (its last act is a non-blocking
poll, which finds the reply). Nothing fails; the cell just costs the whole timeout (120 s
before issue 19 found it). The same miss on the output (IOPub) socket costs nbclient's
4 s IOPub wait. Measured with a loop over the notebooks: a timeout of 6 s gave cells of
exactly 6 s; polling in slices, every missed wake-up was caught at a slice's end.

The kernel is not at fault (its reply was sent; a non-blocking poll sees it), and
JupyterLab's server reads kernels through its own streams, not this poll. So the cure is
here, on the client: wait in short slices, each ending in that non-blocking look.
"""

from __future__ import annotations

import time
from queue import Empty
from typing import Any

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.channels import AsyncZMQSocketChannel
from jupyter_client.manager import AsyncKernelManager
from traitlets import DottedObjectName, Type

#: The longest a missed wake-up can delay a message (seconds); a slice costs one poll.
SLICE = 0.2


class SlicedChannel(AsyncZMQSocketChannel):
    """A shell or IOPub channel whose ``get_msg`` waits in slices of at most SLICE."""

    async def get_msg(self, timeout: float | None = None) -> dict[str, Any]:
        """The next message, within ``timeout`` seconds (None: no limit), else Empty."""
        assert self.socket is not None
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            left = SLICE if deadline is None else max(0.0, deadline - time.monotonic())
            if await self.socket.poll(int(min(left, SLICE) * 1000)):
                return await self._recv()
            if deadline is not None and time.monotonic() >= deadline:
                raise Empty


class CourseKernelClient(AsyncKernelClient):
    """nbclient's asynchronous client, reading shell and IOPub through SlicedChannel."""

    shell_channel_class = Type(SlicedChannel)  # type: ignore[assignment]
    iopub_channel_class = Type(SlicedChannel)  # type: ignore[assignment]


class CourseKernelManager(AsyncKernelManager):
    """The kernel manager to give nbclient (``kernel_manager_class``): its clients are
    CourseKernelClients."""

    client_class = DottedObjectName("book.kernel.CourseKernelClient")
    client_factory = Type(CourseKernelClient)
