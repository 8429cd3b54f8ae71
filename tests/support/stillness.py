"""When a page has stopped changing how it looks: what a screenshot comparison
(tests/screens.py) and axe's colour-contrast check (helpers.axe_serious) wait for.

Both read colours as drawn, and a colour read mid-change differs from one run to the
next: the theme fades some colours when dark mode switches on, and Chromium keeps a
tapped element ``:active`` for a moment after the tap (about 150 ms, on a timer of its
own, with no transition to wait for), so a tapped link is drawn in its pressed colour
and then in its hover colour. Both checks once read different colours in clean-clone
runs.
"""

from __future__ import annotations

#: No finite CSS transition or animation is running (endless ones, a spinner, are ignored).
TRANSITIONS_DONE = """document.getAnimations().every(a => a.playState !== 'running'
  || a.effect.getComputedTiming().iterations === Infinity)"""

#: No element is held ``:active`` (pressed) any more: after a tap, Chromium lets go of it
#: by a timer, not at the tap's end.
NOTHING_PRESSED = "document.querySelector(':active') === null"

#: A JavaScript function, true once the page's colours and positions have stopped changing.
STILL = f"() => ({TRANSITIONS_DONE}) && {NOTHING_PRESSED}"
