"""What follows the content as it changes: the event streams of each view and the webhooks.

``Live.on_swap`` is a runtime listener: called (in the reload thread) once each new version
is being served, it wakes the streams of the views whose feed moved, and hands the public
view's new steps to the webhook deliveries. The first version a process serves is not a
change, so it is announced to nobody.
"""

from __future__ import annotations

from collections.abc import Callable

from api.http.events import Broadcaster, on_shutdown_signals
from api.http.runtime import Runtime, Served
from api.publish.deliveries import Deliveries
from api.settings import Settings
from api.site.changes import Feed


class Live:
    def __init__(self, settings: Settings, runtime: Runtime) -> None:
        self.runtime = runtime
        limit = settings.stream_cap
        self.public = Broadcaster(settings.events_heartbeat, limit)
        self.preview = Broadcaster(settings.events_heartbeat, limit)
        self.deliveries = Deliveries.from_settings(settings)
        self._seen: dict[bool, Feed | None] = {False: None, True: None}
        self._undo: Callable[[], None] = lambda: None
        runtime.listeners.append(self.on_swap)

    @property
    def subscribers(self) -> int:
        return self.public.subscribers + self.preview.subscribers

    def full(self) -> bool:
        """Whether the streams of this worker are at their cap (both views together)."""
        return self.subscribers >= self.public.max_subscribers

    def broadcaster(self, preview: bool) -> Broadcaster:
        return self.preview if preview else self.public

    def feed(self, served: Served, preview: bool) -> Callable[[], Feed]:
        """The feed a stream of a view reads at each wake: the one of the content being
        served then (``served``'s until a newer one is)."""
        kept = served.feed
        assert kept is not None

        def current() -> Feed:
            nonlocal kept
            now = self.runtime.served
            if now is not None:
                view = now.preview.built if preview and now.preview else now
                if view is not None and view.feed is not None:
                    kept = view.feed
            assert kept is not None
            return kept

        return current

    def on_swap(self, served: Served) -> None:
        self._moved(False, served.feed, self.public)
        preview = served.preview.built if served.preview is not None else None
        if preview is not None:
            self._moved(True, preview.feed, self.preview)

    def _moved(self, preview: bool, feed: Feed | None, broadcaster: Broadcaster) -> None:
        before = self._seen[preview]
        if feed is None or feed is before:
            return
        self._seen[preview] = feed
        broadcaster.publish()
        if preview or before is None or self.deliveries is None:
            return
        steps = feed.steps_after(before.current)
        for step in steps if steps is not None else feed.steps[-1:]:
            self.deliveries.announce(step)

    def start(self) -> None:
        """At application start-up (on the event loop, in the main thread under uvicorn)."""
        self._undo = on_shutdown_signals(self.close)
        if self.deliveries is not None:
            self.deliveries.start()

    def close(self) -> None:
        """End every stream: the server is stopping."""
        self.public.close()
        self.preview.close()

    def stop(self) -> None:
        self.close()
        self._undo()
        if self.deliveries is not None:
            self.deliveries.stop()
