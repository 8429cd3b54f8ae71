"""book/kernel.py: a reply that is already in the socket is read within one slice, even
when the socket's wake-up is missed (as pyzmq's asyncio poll does about once in twenty
notebook runs), and nbclient really gets that client from the manager."""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Coroutine
from queue import Empty

import pytest
from jupyter_client.channels import AsyncZMQSocketChannel

from book.kernel import SLICE, CourseKernelManager, SlicedChannel


class MissedWakeSocket:
    """A socket holding a message whose poll never wakes early: each poll returns only
    when its timeout ends, then reports what a non-blocking look finds."""

    def __init__(self, pending: bool):
        self.pending = pending
        self.polls: list[int] = []

    async def poll(self, timeout_ms: int) -> int:
        self.polls.append(timeout_ms)
        await asyncio.sleep(timeout_ms / 1000)
        return int(self.pending)


def _channel(cls: type[AsyncZMQSocketChannel], socket: MissedWakeSocket) -> AsyncZMQSocketChannel:
    channel = cls.__new__(cls)
    channel.socket = socket  # type: ignore[assignment]

    async def recv() -> dict[str, str]:
        return {"msg_type": "execute_reply"}

    channel._recv = recv  # type: ignore[method-assign]
    return channel


def _run(coro: Coroutine[Any, Any, Any]) -> Any:
    """Run on a loop of its own, in a thread: a worker that has driven Playwright's sync
    API keeps an event loop running in this one."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def _timed(channel: AsyncZMQSocketChannel, timeout: float) -> tuple[object, float]:
    start = time.monotonic()
    result = _run(channel.get_msg(timeout=timeout))
    return result, time.monotonic() - start


def test_a_missed_wake_costs_one_slice_not_the_timeout():
    msg, took = _timed(_channel(SlicedChannel, MissedWakeSocket(pending=True)), timeout=30)
    assert msg == {"msg_type": "execute_reply"}
    assert took < SLICE + 0.5, took


def test_the_plain_channel_sleeps_the_whole_timeout():
    """The fault this module exists for, shown on jupyter_client's own channel."""
    msg, took = _timed(_channel(AsyncZMQSocketChannel, MissedWakeSocket(pending=True)), timeout=1.5)
    assert msg == {"msg_type": "execute_reply"}
    assert took >= 1.4, took


def test_no_message_means_empty_at_the_deadline_not_before():
    socket = MissedWakeSocket(pending=False)
    start = time.monotonic()
    with pytest.raises(Empty):
        _run(_channel(SlicedChannel, socket).get_msg(timeout=0.7))
    assert 0.69 <= time.monotonic() - start < 1.5
    assert len(socket.polls) >= 4 and max(socket.polls) <= SLICE * 1000


def test_nbclient_gets_sliced_channels_from_the_manager():
    client = CourseKernelManager().client()
    assert isinstance(client.shell_channel, SlicedChannel)
    assert isinstance(client.iopub_channel, SlicedChannel)
